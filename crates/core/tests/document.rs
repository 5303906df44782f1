//! The workshop document: exact round trip, the privacy threshold, and located messages for
//! every kind of bad file.

// Rounded figures and quarter-point scores are exact in binary, so exact comparison is the
// point of these assertions.
#![allow(clippy::float_cmp)]

use tandem_core::document::{DEFAULT_THRESHOLD, groups_visible};
use tandem_core::scoring::RoleCounts;
use tandem_core::{Bank, Rating, Respondent, Role, WorkshopDocument};

fn answered(id: &str, role: Role, value: u8) -> Respondent {
    let bank = Bank::default_bank();
    let mut respondent = Respondent::new(id, role);
    for (_, item) in bank.items() {
        respondent
            .answers
            .insert(item.id.clone(), Rating::new(value));
    }
    if role != Role::Other {
        respondent
            .estimates
            .insert(bank.dimensions[0].id.clone(), Rating::new(3).unwrap());
    }
    respondent
}

fn workshop(marketing: usize, it: usize) -> WorkshopDocument {
    let mut respondents = Vec::new();
    for i in 0..marketing {
        respondents.push(answered(&format!("m{i}"), Role::Marketing, 4));
    }
    for i in 0..it {
        respondents.push(answered(&format!("t{i}"), Role::It, 2));
    }
    let mut document = WorkshopDocument::new(Bank::default_bank(), DEFAULT_THRESHOLD, respondents);
    document.exported_at = Some("2026-11-22T10:00:00Z".into());
    document
}

fn json(document: &WorkshopDocument) -> serde_json::Value {
    serde_json::from_str(&document.to_json()).unwrap()
}

#[test]
fn export_then_import_then_export_is_byte_identical() {
    let document = workshop(3, 4);
    let first = document.to_json();
    let imported = WorkshopDocument::from_json(&first).unwrap();
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    assert_eq!(imported.document, document);
    assert_eq!(imported.document.to_json(), first);
}

#[test]
fn the_document_has_every_required_field_in_the_format_of_the_spec() {
    let value = json(&workshop(3, 3));
    assert_eq!(value["format"], "tandem.workshop");
    assert_eq!(value["version"], 1);
    assert_eq!(value["threshold"], 3);
    assert_eq!(value["bank"]["dimensions"][0]["items"][0]["reverse"], false);
    assert_eq!(value["respondents"][0]["role"], "marketing");
    let report = &value["report"];
    // Marketing answered 4 everywhere: normal items 75, reverse-keyed 25. IT answered 2: 25 and 75.
    for key in ["alignment_index", "friction_index", "level", "hotspots"] {
        assert!(!report[key].is_null(), "{key}");
    }
    let dimension = &report["dimensions"][0];
    for key in [
        "id",
        "score",
        "level",
        "marketing",
        "it",
        "gap",
        "estimated_gap",
        "perception_gap",
        "spread",
        "friction",
    ] {
        assert!(dimension.get(key).is_some(), "dimensions[0].{key} missing");
    }
}

#[test]
fn exported_figures_are_rounded_to_one_decimal() {
    let value = json(&workshop(3, 3));
    for dimension in value["report"]["dimensions"].as_array().unwrap() {
        for key in ["score", "marketing", "it", "gap", "spread", "friction"] {
            let figure = dimension[key].as_f64().unwrap();
            assert_eq!(figure, (figure * 10.0).round() / 10.0, "{key} = {figure}");
        }
    }
}

#[test]
fn group_figures_are_hidden_below_the_threshold_and_shown_at_it() {
    let hidden = json(&workshop(3, 2));
    let dimension = &hidden["report"]["dimensions"][0];
    for key in ["marketing", "it", "gap", "perception_gap"] {
        assert!(dimension[key].is_null(), "{key} should be hidden");
    }
    for key in ["score", "spread", "friction", "estimated_gap"] {
        assert!(!dimension[key].is_null(), "{key} should be shown");
    }
    assert_eq!(hidden["report"]["groups_visible"], false);

    let shown = json(&workshop(3, 3));
    for key in ["marketing", "it", "gap", "perception_gap"] {
        assert!(
            !shown["report"]["dimensions"][0][key].is_null(),
            "{key} should be shown"
        );
    }
}

#[test]
fn below_the_threshold_the_report_is_computed_as_if_nobody_had_said_their_function() {
    // The attack of the issue: threshold 3, three marketers and one IT person. With the
    // role-balanced score, the spread and the friction on screen, friction's formula gave the
    // gap back, and score and gap the lone IT person's mean.
    let mut marketers_and_one_it = workshop(3, 1);
    marketers_and_one_it.threshold = 3;
    let report = marketers_and_one_it.report();
    assert!(!report.roles_known);
    let own: Vec<Vec<Option<f64>>> = marketers_and_one_it
        .respondents
        .iter()
        .map(|p| tandem_core::scoring::respondent_scores(&marketers_and_one_it.bank, p))
        .collect();
    for (d, figures) in report.dimensions.iter().enumerate() {
        assert_eq!(figures.marketing, None);
        assert_eq!(figures.it, None);
        assert_eq!(figures.gap, None);
        assert_eq!(figures.perception_gap, None);
        assert_eq!(figures.marketing_as_seen_by_it, None);
        assert_eq!(figures.it_as_seen_by_marketing, None);
        // Everyone's mean, not the mean of the two group means.
        let everyone = own.iter().map(|scores| scores[d].unwrap()).sum::<f64>() / 4.0;
        let score = figures.score.unwrap();
        assert!((score - everyone).abs() < 1e-9, "{score} != {everyone}");
        // Friction uses the estimated gap (or 0), never the hidden one.
        let spread = figures.spread.unwrap();
        let expected = 0.5 * (100.0 - score)
            + 0.3 * figures.estimated_gap.unwrap_or(0.0)
            + 0.2 * (2.0 * spread).min(100.0);
        assert!((figures.friction.unwrap() - expected).abs() < 1e-9);
    }

    // The same people with Marketing and IT told apart give other figures: the screen would
    // have shown the role-balanced score.
    marketers_and_one_it.threshold = 1;
    let told_apart = marketers_and_one_it.report();
    assert!(told_apart.roles_known);
    assert_ne!(told_apart.dimensions[0].score, report.dimensions[0].score);
}

#[test]
fn the_report_says_why_marketing_and_it_are_not_told_apart() {
    let markdown = tandem_core::export::report_markdown(
        &workshop(3, 1),
        "Kickoff",
        tandem_core::i18n::Locale::En,
    );
    assert!(
        markdown.contains("Marketing and IT are not told apart: fewer than 3 respondents"),
        "{markdown}"
    );
    let csv = tandem_core::export::answers_csv(&workshop(3, 1), "Kickoff");
    assert!(
        !csv.contains(",marketing,") && !csv.contains(",it,"),
        "{csv}"
    );
}

#[test]
fn a_lone_respondent_sees_their_own_figures() {
    assert!(groups_visible(
        RoleCounts {
            marketing: 1,
            it: 0,
            other: 0
        },
        3
    ));
    assert!(!groups_visible(
        RoleCounts {
            marketing: 1,
            it: 1,
            other: 0
        },
        3
    ));
    assert!(groups_visible(
        RoleCounts {
            marketing: 2,
            it: 2,
            other: 5
        },
        2
    ));
    assert!(!groups_visible(
        RoleCounts {
            marketing: 9,
            it: 0,
            other: 0
        },
        1
    ));
}

#[test]
fn a_stored_report_is_never_trusted_and_a_disagreeing_one_is_noted() {
    let mut value = json(&workshop(3, 3));
    let truth = value["report"]["alignment_index"].clone();
    value["report"]["alignment_index"] = serde_json::json!(99.9);
    let imported = WorkshopDocument::from_json(&value.to_string()).unwrap();
    assert_eq!(imported.notes.len(), 1, "{:?}", imported.notes);
    assert_eq!(json(&imported.document)["report"]["alignment_index"], truth);
}

#[test]
fn a_document_without_a_report_imports_without_a_note() {
    let mut value = json(&workshop(1, 1));
    value.as_object_mut().unwrap().remove("report");
    let imported = WorkshopDocument::from_json(&value.to_string()).unwrap();
    assert!(imported.notes.is_empty());
}

#[test]
fn extra_fields_are_allowed() {
    let mut value = json(&workshop(1, 1));
    value["made_by"] = serde_json::json!("a spreadsheet");
    value["respondents"][0]["team"] = serde_json::json!("web");
    assert!(WorkshopDocument::from_json(&value.to_string()).is_ok());
}

fn refusal(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value = json(&workshop(2, 2));
    edit(&mut value);
    WorkshopDocument::from_json(&value.to_string())
        .unwrap_err()
        .to_string()
}

#[test]
fn an_answer_off_the_scale_is_refused_with_its_location() {
    let item = Bank::default_bank().dimensions[1].items[2].id.clone();
    let message = refusal(|v| v["respondents"][3]["answers"][&item] = serde_json::json!(6));
    assert_eq!(
        message,
        format!(r#"respondents[3].answers["{item}"]: 6 is not between 1 and 5"#)
    );
}

#[test]
fn an_answer_to_an_item_the_bank_lacks_is_refused() {
    let message = refusal(|v| v["respondents"][1]["answers"]["q7"] = serde_json::json!(2));
    assert_eq!(
        message,
        r#"respondents[1].answers["q7"]: there is no item "q7" in the bank"#
    );
}

#[test]
fn an_unknown_role_is_refused_with_its_location() {
    let message = refusal(|v| v["respondents"][0]["role"] = serde_json::json!("sales"));
    assert!(
        message
            == "respondents[0].role: unknown value `sales` (possible values: `marketing`, `it`, `other`)",
        "{message}"
    );
}

#[test]
fn duplicate_respondents_are_refused() {
    let message = refusal(|v| v["respondents"][2]["id"] = serde_json::json!("m0"));
    assert_eq!(
        message,
        r#"respondents[2].id: "m0" is used twice (also at respondents[0])"#
    );
}

#[test]
fn estimates_must_name_a_dimension_and_come_from_marketing_or_it() {
    let message = refusal(|v| v["respondents"][0]["estimates"]["nope"] = serde_json::json!(2));
    assert_eq!(
        message,
        r#"respondents[0].estimates["nope"]: there is no dimension "nope" in the bank"#
    );
    let message = refusal(|v| v["respondents"][0]["role"] = serde_json::json!("other"));
    assert_eq!(
        message,
        r#"respondents[0].estimates: a respondent of role "other" gives no estimates"#
    );
}

#[test]
fn a_threshold_outside_one_to_ten_is_refused() {
    let message = refusal(|v| v["threshold"] = serde_json::json!(0));
    assert_eq!(message, "threshold: 0 is not between 1 and 10");
}

#[test]
fn a_foreign_or_newer_file_is_refused_with_what_it_is() {
    let message = refusal(|v| v["format"] = serde_json::json!("survey.js"));
    assert!(
        message.starts_with(r#"format: "survey.js" is not a Tandem workshop document"#),
        "{message}"
    );
    let message = refusal(|v| v["version"] = serde_json::json!(2));
    assert!(message.contains("newer Tandem"), "{message}");
}

#[test]
fn problems_in_the_bank_are_located_under_bank() {
    let message = refusal(|v| v["bank"]["dimensions"][1]["title"] = serde_json::json!(" "));
    assert_eq!(message, "bank.dimensions[1].title: must not be empty");
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let message = refusal(|v| {
        v["threshold"] = serde_json::json!(11);
        v["respondents"][1]["answers"]["zz"] = serde_json::json!(1);
    });
    assert_eq!(message.lines().count(), 2, "{message}");
}

#[test]
fn text_that_is_not_json_is_refused_with_line_and_column() {
    let error =
        WorkshopDocument::from_json("{\"format\": \"tandem.workshop\",\n  \"version\": 1,,}")
            .unwrap_err()
            .to_string();
    assert!(
        error.contains("not valid JSON") && error.contains("line 2"),
        "{error}"
    );
}

#[test]
fn workshop_details_round_trip_and_are_checked() {
    let bank = Bank::default_bank();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let workshop = tandem_core::Workshop::new("w1", "Kickoff", date, bank);
    let json = workshop.document().to_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["workshop"]["date"], "2026-12-01");
    assert_eq!(value["workshop"]["phases"][1], "assessment");
    let imported = WorkshopDocument::from_json(&json).unwrap().document;
    assert_eq!(imported.to_json(), json);

    let mut bad_date = value.clone();
    bad_date["workshop"]["date"] = serde_json::json!("1 December");
    let message = WorkshopDocument::from_json(&bad_date.to_string())
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        r#"workshop.date: "1 December" is not a date like "2026-11-24""#
    );

    let mut broken = value.clone();
    broken["workshop"]["name"] = serde_json::json!("");
    let message = WorkshopDocument::from_json(&broken.to_string())
        .unwrap_err()
        .to_string();
    assert_eq!(message, "workshop.name: must not be empty");
}

#[test]
fn a_document_without_workshop_details_still_imports() {
    let value = json(&workshop(1, 1));
    assert!(value.get("workshop").is_none());
    assert!(WorkshopDocument::from_json(&value.to_string()).is_ok());
}

#[test]
fn guesses_of_the_other_function_are_exported_and_hidden_with_the_group_figures() {
    let shown = json(&workshop(3, 3));
    // Every IT person estimated the first dimension at 3 → 50.
    assert_eq!(
        shown["report"]["dimensions"][0]["marketing_as_seen_by_it"],
        50.0
    );
    let hidden = json(&workshop(3, 2));
    assert!(hidden["report"]["dimensions"][0]["marketing_as_seen_by_it"].is_null());
}

#[test]
fn a_stored_report_without_our_extra_fields_agrees() {
    let mut value = json(&workshop(3, 3));
    let report = value["report"].as_object_mut().unwrap();
    report.remove("respondents");
    report.remove("groups_visible");
    for dimension in report["dimensions"].as_array_mut().unwrap() {
        let dimension = dimension.as_object_mut().unwrap();
        dimension.remove("marketing_as_seen_by_it");
        dimension.remove("it_as_seen_by_marketing");
    }
    let imported = WorkshopDocument::from_json(&value.to_string()).unwrap();
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
}

fn with_norms() -> serde_json::Value {
    let mut value = json(&workshop(1, 1));
    value["norms"] = serde_json::json!({
        "ideas": [
            { "id": "n1", "dimension": "kpis", "text": "One KPI glossary",
              "drafts": [ { "author": "p1", "text": "One KPI glossary" } ],
              "votes": { "v1": 2 },
              "agreement": { "owner": { "person": "Dana" }, "review": "2027-01-05",
                             "status": "adopted" } }
        ],
        "revealed": true, "cap": 3, "totals_shown": false, "voting_closed": true
    });
    value
}

#[test]
fn a_document_carries_norms_and_an_older_one_without_them_still_imports() {
    let text = with_norms().to_string();
    let imported = WorkshopDocument::from_json(&text).unwrap().document;
    let norm = &imported.norms.ideas[0];
    assert_eq!(norm.dots(), 2);
    assert_eq!(
        norm.agreement
            .as_ref()
            .map(|a| a.owner.label(tandem_core::i18n::Locale::En)),
        Some("Dana")
    );
    // Exporting again keeps them, byte for byte.
    let again = imported.to_json();
    assert_eq!(
        WorkshopDocument::from_json(&again)
            .unwrap()
            .document
            .to_json(),
        again
    );
    // A document from before norms existed has no `norms` field, and none is written for it.
    let older = workshop(2, 2).to_json();
    assert!(!older.contains("\"norms\""));
    assert!(
        WorkshopDocument::from_json(&older)
            .unwrap()
            .document
            .norms
            .is_empty()
    );
}

#[test]
fn norms_that_do_not_fit_the_bank_or_the_cap_are_refused_with_their_location() {
    let mut value = with_norms();
    value["norms"]["ideas"][0]["dimension"] = "no-such".into();
    value["norms"]["ideas"][0]["votes"]["v1"] = 5.into();
    value["norms"]["order"] = serde_json::json!(["n9"]);
    let problems = WorkshopDocument::from_json(&value.to_string())
        .unwrap_err()
        .to_string();
    assert_eq!(
        problems,
        "norms.ideas[0].dimension: there is no dimension \"no-such\" in the bank\n\
         norms.cap: a voter placed 5 dots, more than the cap of 3\n\
         norms.order[0]: there is no idea \"n9\""
    );
    let mut value = with_norms();
    value["norms"]["ideas"][0]["agreement"]["status"] = "maybe".into();
    let problems = WorkshopDocument::from_json(&value.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        problems.starts_with("norms.ideas[0].agreement.status: unknown value `maybe` (possible"),
        "{problems}"
    );
}

/// A German user reads every problem in German: ours and serde's alike, the path and what the
/// file holds quoted as it is.
#[test]
fn problems_are_told_in_the_language_of_the_person_reading_them() {
    use tandem_core::i18n::Locale;
    let refused = |edit: fn(&mut serde_json::Value)| {
        let mut value = json(&workshop(2, 2));
        edit(&mut value);
        WorkshopDocument::from_json(&value.to_string()).unwrap_err()
    };
    let item = Bank::default_bank().dimensions[0].items[0].id.clone();
    let mut value = json(&workshop(2, 2));
    value["respondents"][0]["answers"][&item] = serde_json::json!(6);
    let off_scale = WorkshopDocument::from_json(&value.to_string()).unwrap_err();
    let cases = [
        (
            refused(|v| v["threshold"] = serde_json::json!(0)),
            "threshold: 0 liegt nicht zwischen 1 und 10",
        ),
        (
            refused(|v| v["bank"]["dimensions"][1]["title"] = serde_json::json!(" ")),
            "bank.dimensions[1].title: darf nicht leer sein",
        ),
        (
            refused(|v| v["respondents"][0]["role"] = serde_json::json!("sales")),
            "respondents[0].role: unbekannter Wert `sales` (möglich: `marketing`, `it`, `other`)",
        ),
        (
            refused(|v| v["format"] = serde_json::json!("survey.js")),
            "format: \"survey.js\" ist kein Tandem-Workshop-Dokument (erwartet: \"tandem.workshop\")",
        ),
        (
            off_scale,
            &format!("respondents[0].answers[{item:?}]: 6 liegt nicht zwischen 1 und 5"),
        ),
    ];
    for (invalid, german) in &cases {
        assert_eq!(invalid.lines(Locale::De), *german);
        assert_ne!(invalid.lines(Locale::En), *german);
    }
    let broken = WorkshopDocument::from_json("{\n  \"format\": ").unwrap_err();
    assert!(
        broken
            .lines(Locale::De)
            .starts_with("das ist kein gültiges JSON (ab Zeile 2"),
        "{}",
        broken.lines(Locale::De)
    );
}

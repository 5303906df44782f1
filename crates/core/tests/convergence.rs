//! Re-rating after discussion (`scoring.md`, "Re-rating after discussion"): the convergence
//! figures against hand-worked examples and as properties, the document's `rerate` round trip,
//! and every refusal of a bad second round with its path. The expected numbers were worked out
//! by hand, not copied from this code's output.

// Quarter-point scores and rounded figures are exact in binary, so exact comparison is the
// point of these assertions.
#![allow(clippy::float_cmp)]

use std::collections::BTreeMap;

use proptest::prelude::*;
use tandem_core::convergence::{Rerate, Rerater, convergence};
use tandem_core::i18n::Locale;
use tandem_core::scoring::score_within;
use tandem_core::{Bank, Rating, Respondent, Role, WorkshopDocument};

/// d1 has the normal items `a` and `b`, d2 has `c`, d3 has `e`.
fn bank() -> Bank {
    Bank::from_json(
        r#"{"id":"small","dimensions":[
            {"id":"d1","title":"One","items":[{"id":"a","text":"A"},{"id":"b","text":"B"}]},
            {"id":"d2","title":"Two","items":[{"id":"c","text":"C"}]},
            {"id":"d3","title":"Three","items":[{"id":"e","text":"E"}]}]}"#,
    )
    .unwrap()
}

fn answers(pairs: &[(&str, u8)]) -> BTreeMap<String, Option<Rating>> {
    pairs
        .iter()
        .map(|(item, value)| ((*item).to_owned(), Rating::new(*value)))
        .collect()
}

fn respondent(id: &str, role: Role, pairs: &[(&str, u8)]) -> Respondent {
    let mut respondent = Respondent::new(id, role);
    respondent.answers = answers(pairs);
    respondent
}

fn rerater(id: &str, role: Role, pairs: &[(&str, u8)]) -> Rerater {
    Rerater {
        id: id.to_owned(),
        role,
        answers: answers(pairs),
        estimates: BTreeMap::new(),
    }
}

/// First round, threshold 1: d1 Marketing 100, IT 25 (score 62.5, gap 75, spread 37.5); d2
/// Marketing 75, IT 25 (score 50, gap 50, spread 25).
fn first_round() -> WorkshopDocument {
    WorkshopDocument::new(
        bank(),
        1,
        vec![
            respondent("m1", Role::Marketing, &[("a", 5), ("b", 5), ("c", 4)]),
            respondent("t1", Role::It, &[("a", 1), ("b", 3), ("c", 2)]),
        ],
    )
}

/// Second round of d2 and d1: d1 Marketing 75, IT 62.5 (score 68.75, gap 12.5, spread 6.25:
/// converged, on the boundary of the gap); d2 Marketing 100, IT 25 (score 62.5, gap 75, spread
/// 37.5: further apart).
fn second_round() -> Rerate {
    Rerate {
        dimensions: vec!["d2".into(), "d1".into()],
        respondents: vec![
            rerater("m2", Role::Marketing, &[("a", 4), ("b", 4), ("c", 5)]),
            rerater("t2", Role::It, &[("a", 3), ("b", 4), ("c", 2)]),
        ],
    }
}

fn with_second_round() -> WorkshopDocument {
    let mut document = first_round();
    document.rerate = Some(second_round());
    document
}

#[test]
fn each_re_rated_dimension_before_and_after_and_the_overall_changes() {
    let document = with_second_round();
    let convergence = document.convergence().unwrap();
    // In the order of `dimensions`: d2 first.
    let [d2, d1] = convergence.dimensions.as_slice() else {
        panic!("two dimensions: {convergence:?}")
    };
    assert_eq!((d2.dimension, d1.dimension), (1, 0));
    assert_eq!((d1.score_before, d1.score_after), (Some(62.5), Some(68.75)));
    assert_eq!((d1.gap_before, d1.gap_after), (Some(75.0), Some(12.5)));
    assert_eq!(
        (d1.spread_before, d1.spread_after),
        (Some(37.5), Some(6.25))
    );
    assert!(d1.converged, "a gap of exactly 12.5 has converged");
    assert_eq!((d2.score_before, d2.score_after), (Some(50.0), Some(62.5)));
    assert_eq!((d2.gap_before, d2.gap_after), (Some(50.0), Some(75.0)));
    assert_eq!(
        (d2.spread_before, d2.spread_after),
        (Some(25.0), Some(37.5))
    );
    assert!(!d2.converged);
    // Spread: mean of (6.25 − 37.5) and (37.5 − 25) = −9.375; gap: mean of −62.5 and 25.
    assert_eq!(convergence.spread_change, Some(-9.375));
    assert_eq!(convergence.gap_change, Some(-18.75));
    assert_eq!(convergence.converged(), 1);
    assert!(convergence.still_apart(1) && !convergence.still_apart(0));
    assert!(!convergence.still_apart(2), "d3 was not re-rated");
}

#[test]
fn the_report_carries_convergence_rounded_in_the_format_of_the_spec() {
    let value: serde_json::Value = serde_json::from_str(&with_second_round().to_json()).unwrap();
    assert_eq!(
        value["report"]["convergence"],
        serde_json::json!({
            "dimensions": [
                { "id": "d2", "score_before": 50.0, "score_after": 62.5,
                  "gap_before": 50.0, "gap_after": 75.0,
                  "spread_before": 25.0, "spread_after": 37.5, "converged": false },
                { "id": "d1", "score_before": 62.5, "score_after": 68.8,
                  "gap_before": 75.0, "gap_after": 12.5,
                  "spread_before": 37.5, "spread_after": 6.3, "converged": true }
            ],
            "spread_change": -9.4, "gap_change": -18.8, "converged": 1
        })
    );
    // The first round stays the headline: the same report as without a second round.
    let without: serde_json::Value = serde_json::from_str(&first_round().to_json()).unwrap();
    for key in [
        "alignment_index",
        "friction_index",
        "level",
        "dimensions",
        "hotspots",
    ] {
        assert_eq!(value["report"][key], without["report"][key], "{key}");
    }
    assert!(without["report"]["convergence"].is_null());
    assert!(without.get("rerate").is_none(), "no rerate is written");
}

#[test]
fn converged_is_decided_unrounded_and_needs_a_spread() {
    // d1 after: three people answering a and b with 3 and 4, 4 and 4, 4 and 5: r = 62.5, 75
    // and 87.5, a spread of √(312.5/3) ≈ 10.21.
    let mut document = first_round();
    document.rerate = Some(Rerate {
        dimensions: vec!["d1".into(), "d3".into()],
        respondents: vec![
            rerater("x", Role::Other, &[("a", 3), ("b", 4)]),
            rerater("y", Role::Other, &[("a", 4), ("b", 4)]),
            rerater("z", Role::Other, &[("a", 4), ("b", 5)]),
        ],
    });
    let convergence = document.convergence().unwrap();
    let [d1, d3] = convergence.dimensions.as_slice() else {
        panic!("{convergence:?}")
    };
    // Nobody said their function in the second round, so it has no gap: spread alone decides.
    assert_eq!(d1.gap_after, None);
    assert!((d1.spread_after.unwrap() - (312.5_f64 / 3.0).sqrt()).abs() < 1e-9);
    assert!(d1.converged);
    // Nobody answered d3 in either round: every figure undefined, not converged, and not
    // known to be apart either, so the norms do not start there.
    assert_eq!((d3.score_before, d3.score_after), (None, None));
    assert_eq!((d3.spread_before, d3.spread_after), (None, None));
    assert!(!d3.converged && !d3.answered_again() && !d3.still_apart());
    assert!(!convergence.still_apart(2));
    assert_eq!(convergence.starting_points(&document.report()), [0, 1]);
    let markdown = tandem_core::export::report_markdown(&document, "w", Locale::En);
    assert!(
        markdown.contains("| Three | – | – | – | – | – | – | not answered again |"),
        "{markdown}"
    );
    assert!(
        !markdown.contains("Every re-rated dimension converged."),
        "{markdown}"
    );
    assert!(!markdown.contains("Still apart"), "{markdown}");
    // Only d1 has both spreads; no dimension has both gaps.
    assert!((convergence.spread_change.unwrap() - (10.206_207_261_596_575 - 37.5)).abs() < 1e-9);
    assert_eq!(convergence.gap_change, None);
}

#[test]
fn a_gap_on_the_line_with_too_wide_a_spread_has_not_converged() {
    // d1 after: a Marketing r of 62.5 and IT rs of 50 and 100, a spread of about 20.8.
    let mut document = first_round();
    document.rerate = Some(Rerate {
        dimensions: vec!["d1".into()],
        respondents: vec![
            rerater("x", Role::Marketing, &[("a", 3), ("b", 4)]),
            rerater("y", Role::It, &[("a", 3), ("b", 3)]),
            rerater("z", Role::It, &[("a", 5), ("b", 5)]),
        ],
    });
    let moved = document.convergence().unwrap().dimensions[0];
    // Gap: Marketing 62.5, IT 75 → 12.5, on the line; the spread is what fails.
    assert_eq!(moved.gap_after, Some(12.5));
    assert!(moved.spread_after.unwrap() > 12.5);
    assert!(!moved.converged);
}

#[test]
fn the_privacy_threshold_applies_to_each_round_on_its_own() {
    // First round: two of each function under a threshold of 2, so it has gaps; the second
    // round has one of each, so it is computed without roles and has none.
    let mut document = WorkshopDocument::new(
        bank(),
        2,
        vec![
            respondent("m1", Role::Marketing, &[("c", 5)]),
            respondent("m2", Role::Marketing, &[("c", 5)]),
            respondent("t1", Role::It, &[("c", 1)]),
            respondent("t2", Role::It, &[("c", 1)]),
        ],
    );
    document.rerate = Some(Rerate {
        dimensions: vec!["d2".into()],
        respondents: vec![
            rerater("m", Role::Marketing, &[("c", 4)]),
            rerater("t", Role::It, &[("c", 2)]),
        ],
    });
    let convergence = document.convergence().unwrap();
    let moved = convergence.dimensions[0];
    assert_eq!((moved.gap_before, moved.gap_after), (Some(100.0), None));
    // Without roles the score is everyone's mean, 50; the spread of {75, 25} is 25.
    assert_eq!(moved.score_after, Some(50.0));
    assert_eq!(moved.spread_after, Some(25.0));
    assert_eq!(convergence.gap_change, None);
    assert_eq!(convergence.spread_change, Some(25.0 - 50.0));
}

#[test]
fn a_document_with_a_second_round_round_trips_byte_for_byte() {
    let mut document = with_second_round();
    document.exported_at = Some("2026-12-06T10:00:00Z".into());
    let first = document.to_json();
    let imported = WorkshopDocument::from_json(&first).unwrap();
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    assert_eq!(imported.document, document);
    assert_eq!(imported.document.to_json(), first);
    // The second round sits after the first round's respondents, before the report.
    let rerate = first.find("\"rerate\"").unwrap();
    assert!(first.find("\"respondents\"").unwrap() < rerate);
    assert!(rerate < first.find("\"report\"").unwrap());
}

#[test]
fn a_stored_convergence_that_disagrees_is_recomputed_with_a_note() {
    let mut value: serde_json::Value =
        serde_json::from_str(&with_second_round().to_json()).unwrap();
    value["report"]["convergence"]["gap_change"] = serde_json::json!(0.0);
    let imported = WorkshopDocument::from_json(&value.to_string()).unwrap();
    assert_eq!(imported.notes.len(), 1, "{:?}", imported.notes);
    assert_eq!(imported.document, with_second_round());
}

#[test]
fn an_older_document_without_convergence_in_its_report_imports_without_a_note() {
    let mut value: serde_json::Value = serde_json::from_str(&first_round().to_json()).unwrap();
    value["report"]
        .as_object_mut()
        .unwrap()
        .remove("convergence");
    let imported = WorkshopDocument::from_json(&value.to_string()).unwrap();
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    assert_eq!(imported.document, first_round());
}

/// The lines of the refusal of `first_round()` with `rerate` set to `rerate`.
fn refusal(rerate: serde_json::Value) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&first_round().to_json()).unwrap();
    value["rerate"] = rerate;
    WorkshopDocument::from_json(&value.to_string())
        .map(|imported| panic!("imported: {:?}", imported.document.rerate))
        .unwrap_err()
        .to_string()
}

#[test]
fn every_mistake_in_a_second_round_is_refused_at_its_path() {
    let message = refusal(serde_json::json!({
        "dimensions": ["d1", "nope", "d1"],
        "respondents": [
            { "id": "x", "role": "it", "answers": { "a": 2, "c": 3, "zz": 1 } },
            { "id": " ", "role": "marketing", "answers": {} },
            { "id": "x", "role": "other", "answers": {} }
        ]
    }));
    for expected in [
        "rerate.dimensions[1]: there is no dimension \"nope\" in the bank",
        "rerate.dimensions[2]: \"d1\" is used twice (also at rerate.dimensions[0])",
        "rerate.respondents[0].answers[\"c\"]: \"c\" belongs to the dimension \"d2\", which is not re-rated",
        "rerate.respondents[0].answers[\"zz\"]: there is no item \"zz\" in the bank",
        "rerate.respondents[1].id: an id must not be empty",
        "rerate.respondents[2].id: \"x\" is used twice (also at rerate.respondents[0])",
    ] {
        assert!(message.contains(expected), "{expected}\nin\n{message}");
    }
    assert!(
        !message.contains("answers[\"a\"]"),
        "a belongs to d1, which is re-rated:\n{message}"
    );
}

#[test]
fn a_second_round_needs_a_dimension_and_well_formed_answers() {
    let message = refusal(serde_json::json!({
        "dimensions": [],
        "respondents": [{ "id": "x", "role": "it", "answers": { "a": 2, "c": 3 } }]
    }));
    assert_eq!(
        message, "rerate.dimensions: a re-rating needs at least one dimension",
        "one line, not one per answer"
    );
    let message = refusal(serde_json::json!({
        "dimensions": ["d1"],
        "respondents": [{ "id": "x", "role": "it", "answers": { "a": 9 } }]
    }));
    assert!(
        message.contains("rerate.respondents[0].answers[\"a\"]"),
        "{message}"
    );
    assert!(message.contains("9 is not between 1 and 5"), "{message}");
    let message = refusal(serde_json::json!({
        "dimensions": ["d1"],
        "respondents": [{ "id": "x", "role": "boss", "answers": {} }]
    }));
    assert!(message.contains("rerate.respondents[0].role"), "{message}");
    let message = refusal(serde_json::json!({
        "dimensions": ["d1"],
        "respondents": [{ "id": "x", "role": "it", "answers": {}, "estimates": { "d1": 3 } }]
    }));
    assert!(
        message.contains("rerate.respondents[0].estimates: a second round gives no estimates"),
        "{message}"
    );
    let message = refusal(serde_json::json!(["d1"]));
    assert!(message.contains("rerate"), "{message}");
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![Just(Role::Marketing), Just(Role::It), Just(Role::Other)]
}

/// Anyone's answers to the small bank, one per item: 0 unanswered, 1 to 5 a rating and 6
/// "don't know", as a response code has them.
fn person() -> impl Strategy<Value = (Role, Vec<u8>)> {
    let answer = prop_oneof![1 => Just(0u8), 1 => Just(6u8), 6 => 1u8..=5];
    (role(), proptest::collection::vec(answer, 4))
}

fn answered(items: &[&str], given: &[u8]) -> BTreeMap<String, Option<Rating>> {
    items
        .iter()
        .zip(given)
        .filter(|(_, answer)| **answer != 0)
        .map(|(item, answer)| ((*item).to_owned(), Rating::new(*answer)))
        .collect()
}

const ITEMS: [&str; 4] = ["a", "b", "c", "e"];

/// The first round of generated `people`, answering every item of the small bank.
fn first_round_of(people: &[(Role, Vec<u8>)]) -> Vec<Respondent> {
    people
        .iter()
        .enumerate()
        .map(|(i, (role, given))| {
            let mut respondent = Respondent::new(format!("p{i}"), *role);
            respondent.answers = answered(&ITEMS, given);
            respondent
        })
        .collect()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Rounds are compared as groups: the order of either round's respondents changes nothing.
    #[test]
    fn the_order_of_respondents_in_either_round_does_not_matter(
        first in proptest::collection::vec(person(), 0..8),
        second in proptest::collection::vec(person(), 0..8),
        threshold in 1u8..=3,
        rotate_first in 0usize..8,
        rotate_second in 0usize..8,
    ) {
        let bank = bank();
        let dimensions = vec!["d1".to_owned(), "d3".to_owned()];
        // The second round answers d1's and d3's items; c, of d2, is blanked and left out.
        let re_rated = ["a", "b", "", "e"];
        let respondents = first_round_of(&first);
        let reraters: Vec<Rerater> = second.iter().enumerate().map(|(i, (role, given))| Rerater {
            id: format!("q{i}"),
            role: *role,
            answers: answered(&re_rated, given).into_iter().filter(|(item, _)| !item.is_empty()).collect(),
            estimates: BTreeMap::new(),
        }).collect();
        let before = score_within(&bank, &respondents, threshold);
        let rerate = Rerate { dimensions: dimensions.clone(), respondents: reraters.clone() };
        let figures = convergence(&bank, &before, &rerate, threshold);

        let mut shuffled_first = respondents.clone();
        shuffled_first.reverse();
        let turn = rotate_first % shuffled_first.len().max(1);
        shuffled_first.rotate_left(turn);
        let mut shuffled_second = reraters.clone();
        shuffled_second.reverse();
        let turn = rotate_second % shuffled_second.len().max(1);
        shuffled_second.rotate_left(turn);
        let other = convergence(
            &bank,
            &score_within(&bank, &shuffled_first, threshold),
            &Rerate { dimensions, respondents: shuffled_second },
            threshold,
        );
        prop_assert_eq!(figures.dimensions.len(), other.dimensions.len());
        for (a, b) in figures.dimensions.iter().zip(&other.dimensions) {
            prop_assert_eq!(a.dimension, b.dimension);
            prop_assert!(close(a.score_before, b.score_before) && close(a.score_after, b.score_after));
            prop_assert!(close(a.gap_before, b.gap_before) && close(a.gap_after, b.gap_after));
            prop_assert!(close(a.spread_before, b.spread_before) && close(a.spread_after, b.spread_after));
            prop_assert_eq!(a.converged, b.converged);
        }
        prop_assert!(close(figures.spread_change, other.spread_change));
        prop_assert!(close(figures.gap_change, other.gap_change));
    }

    /// A second round in which everyone answers the re-rated statements as before moves
    /// nothing: every figure after equals the one before, and both changes are 0 where defined.
    #[test]
    fn a_second_round_identical_to_the_first_changes_nothing(
        first in proptest::collection::vec(person(), 0..8),
        threshold in 1u8..=3,
        which in 1usize..8,
    ) {
        let bank = bank();
        let respondents = first_round_of(&first);
        // Any non-empty set of the three dimensions, by the bits of `which`.
        let dimensions: Vec<String> = ["d1", "d2", "d3"].iter().enumerate()
            .filter(|(bit, _)| which & (1 << bit) != 0)
            .map(|(_, id)| (*id).to_owned())
            .collect();
        let reraters = respondents.iter().map(|respondent| Rerater {
            id: respondent.id.clone(),
            role: respondent.role,
            answers: respondent.answers.iter()
                .filter(|(item, _)| bank.item(item).is_some_and(|(d, _)| dimensions.contains(&bank.dimensions[d].id)))
                .map(|(item, answer)| (item.clone(), *answer))
                .collect(),
            estimates: BTreeMap::new(),
        }).collect();
        let mut document = WorkshopDocument::new(bank, threshold, respondents);
        document.rerate = Some(Rerate { dimensions, respondents: reraters });
        prop_assert!(document.check().is_ok());
        let figures = document.convergence().unwrap();
        for moved in &figures.dimensions {
            prop_assert!(close(moved.score_before, moved.score_after));
            prop_assert!(close(moved.gap_before, moved.gap_after));
            prop_assert!(close(moved.spread_before, moved.spread_after));
        }
        prop_assert!(figures.spread_change.is_none_or(|change| change.abs() < 1e-9));
        prop_assert!(figures.gap_change.is_none_or(|change| change.abs() < 1e-9));
        // And the document still round-trips byte for byte.
        let json = document.to_json();
        prop_assert_eq!(WorkshopDocument::from_json(&json).unwrap().document.to_json(), json);
    }
}

mod kept {
    //! A second round is the workshop's like its first: kept on import and export, merged by
    //! id when a file is imported into the saved workshop and when two tabs save.

    use std::rc::Rc;

    use chrono::NaiveDate;
    use tandem_core::convergence::Rerate;
    use tandem_core::merge::Wins;
    use tandem_core::workshop::OnConflict;
    use tandem_core::{Phase, Role, Slide, Tandem, Workshop, WorkshopDocument, Workshops};

    use super::{rerater, with_second_round};

    fn workshop() -> Workshop {
        let mut document = with_second_round();
        document.workshop = None;
        let date = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        Workshop::from_document(document, "w1", "Kick-off", date)
    }

    fn ids(workshop: &Workshop) -> Vec<&str> {
        let rerate = workshop.rerate.as_deref().unwrap();
        rerate.respondents.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn an_imported_second_round_is_in_the_workshop_and_in_its_export() {
        let workshop = workshop();
        assert_eq!(ids(&workshop), ["m2", "t2"]);
        assert_eq!(workshop.convergence().unwrap().converged(), 1);
        let exported = workshop.document();
        assert_eq!(exported.rerate, with_second_round().rerate);
        let again = WorkshopDocument::from_json(&exported.to_json()).unwrap();
        assert_eq!(again.document.to_json(), exported.to_json());
    }

    #[test]
    fn importing_into_the_saved_workshop_adds_the_files_second_round() {
        let saved = workshop();
        let mut incoming = saved.clone();
        let mut second = Rerate::clone(incoming.rerate.as_deref().unwrap());
        second.dimensions.push("d3".into());
        second.respondents[0].answers.insert("a".into(), None);
        second
            .respondents
            .push(rerater("x", Role::Other, &[("e", 2)]));
        incoming.rerate = Some(Rc::new(second));
        let saved_only = Workshops::default().with(saved);
        let merged = saved_only.import(incoming, OnConflict::Merge);
        let workshop = merged.get("w1").unwrap();
        let rerate = workshop.rerate.as_deref().unwrap();
        assert_eq!(rerate.dimensions, ["d2", "d1", "d3"]);
        assert_eq!(ids(workshop), ["m2", "t2", "x"]);
        // The file is the later word for a rerater both have.
        assert_eq!(rerate.respondents[0].answers["a"], None);
        // And merging the same file again changes nothing.
        let incoming = workshop.clone();
        assert_eq!(merged.import(incoming, OnConflict::Merge), merged);
    }

    #[test]
    fn two_tabs_keep_each_others_second_round_answers() {
        let base = workshop();
        let mut mine = base.clone();
        let mut theirs = base;
        let add = |workshop: &mut Workshop, id: &str| {
            let mut second = Rerate::clone(workshop.rerate.as_deref().unwrap());
            second.respondents.push(rerater(id, Role::It, &[("a", 1)]));
            workshop.rerate = Some(Rc::new(second));
        };
        add(&mut mine, "here");
        add(&mut theirs, "there");
        let state = |workshop: Workshop| Tandem {
            workshops: Workshops::default().with(workshop),
            ..Tandem::default()
        };
        let (merged, replaced) = state(mine).merged_with_saved(&state(theirs));
        assert!(replaced.is_empty(), "{replaced:?}");
        assert_eq!(
            ids(&merged.workshops.list[0]),
            ["m2", "t2", "there", "here"]
        );
        // A tab that never had the second round does not take it away from the other's save.
        let (merged, _) = state(workshop_without_second_round()).merged_with_saved(&merged);
        assert_eq!(ids(&merged.workshops.list[0]).len(), 4);
    }

    fn workshop_without_second_round() -> Workshop {
        let mut workshop = workshop();
        workshop.rerate = None;
        workshop
    }

    #[test]
    fn the_norms_start_where_marketing_and_it_are_still_apart() {
        let workshop = workshop();
        let report = workshop.report();
        // The first round's hotspots are d1 (friction 56.25) and d2 (50); d2 did not converge.
        assert_eq!(report.starting_points(), [0, 1]);
        assert_eq!(
            workshop.convergence().unwrap().starting_points(&report),
            [1, 0]
        );
    }

    #[test]
    fn the_room_sees_the_second_round_in_the_summary_once_revealed() {
        let mut workshop = workshop();
        workshop.current = workshop
            .phases
            .iter()
            .position(|p| *p == Phase::Summary)
            .unwrap();
        assert_eq!(workshop.slides(), [Slide::Summary], "not revealed yet");
        workshop.revealed = true;
        assert_eq!(workshop.slides(), [Slide::AfterDiscussion, Slide::Summary]);
        assert_eq!(
            workshop_without_second_round_revealed_in_summary().slides(),
            [Slide::Summary]
        );
    }

    fn workshop_without_second_round_revealed_in_summary() -> Workshop {
        let mut workshop = workshop_without_second_round();
        workshop.current = workshop
            .phases
            .iter()
            .position(|p| *p == Phase::Summary)
            .unwrap();
        workshop.revealed = true;
        workshop
    }

    #[test]
    fn merging_rounds_keeps_every_dimension_and_rerater_once() {
        let one = with_second_round().rerate;
        let (merged, lost) = Rerate::merged(one.as_ref(), one.as_ref(), Wins::Kept);
        assert_eq!(merged, one);
        assert!(lost.is_empty());
        assert_eq!(Rerate::merged(None, None, Wins::Kept).0, None);
        assert_eq!(Rerate::merged(None, one.as_ref(), Wins::Kept).0, one);
    }
}

mod exports {
    //! The second round in the CSV files (a `round` column) and the Markdown report.

    use tandem_core::export::{answers_csv, report_markdown, summary_csv};
    use tandem_core::i18n::Locale;

    use super::{first_round, with_second_round};

    #[test]
    fn the_answers_file_has_the_second_rounds_rows_for_the_re_rated_items() {
        let csv = answers_csv(&with_second_round(), "w");
        let rows: Vec<&str> = csv.lines().skip(1).collect();
        // Round 1: two people, four items each; round 2: two people, the three items of d1
        // and d2 (not d3's e).
        assert_eq!(rows.iter().filter(|r| r.starts_with("w,1,")).count(), 8);
        let second: Vec<&str> = rows
            .iter()
            .copied()
            .filter(|r| r.starts_with("w,2,"))
            .collect();
        assert_eq!(
            second,
            [
                "w,2,m2,marketing,d1,a,false,4,75.0",
                "w,2,m2,marketing,d1,b,false,4,75.0",
                "w,2,m2,marketing,d2,c,false,5,100.0",
                "w,2,t2,it,d1,a,false,3,50.0",
                "w,2,t2,it,d1,b,false,4,75.0",
                "w,2,t2,it,d2,c,false,2,25.0",
            ]
        );
        assert_eq!(answers_csv(&first_round(), "w").lines().count(), 9);
    }

    #[test]
    fn a_round_under_the_threshold_hides_roles_in_both_rounds_of_the_answers() {
        let mut document = with_second_round();
        // Two of each function in the first round (threshold 2), one of each in the second,
        // who answered the first round under the same ids (m1 and t1).
        let mut more = document.respondents.clone();
        for respondent in &mut more {
            respondent.id.push('x');
        }
        document.respondents.extend(more);
        document.threshold = 2;
        let rerate = document.rerate.as_mut().unwrap();
        rerate.respondents[0].id = "m1".into();
        rerate.respondents[1].id = "t1".into();
        let csv = answers_csv(&document, "w");
        // Round 1 alone could show roles, but its rows would tell whose round-2 rows are IT's.
        assert!(csv.lines().skip(1).all(|r| r.contains(",hidden,")), "{csv}");
        // Without the second round, the first shows its roles.
        document.rerate = None;
        let csv = answers_csv(&document, "w");
        assert!(
            csv.lines().skip(1).all(|r| !r.contains(",hidden,")),
            "{csv}"
        );
        let document = {
            let mut document = with_second_round();
            document
                .respondents
                .extend(
                    document
                        .respondents
                        .clone()
                        .into_iter()
                        .map(|mut respondent| {
                            respondent.id.push('x');
                            respondent
                        }),
                );
            document.threshold = 2;
            document
        };
        let summary = summary_csv(&document, "w");
        for row in summary.lines().filter(|r| r.starts_with("w,2,")) {
            let cells: Vec<&str> = row.split(',').collect();
            // Marketing, IT and the gap of the second round are not told.
            assert_eq!((cells[6], cells[7], cells[8]), ("", "", ""), "{row}");
        }
    }

    #[test]
    fn the_summary_has_a_row_per_re_rated_dimension_in_round_two() {
        let summary = summary_csv(&with_second_round(), "w");
        let second: Vec<&str> = summary.lines().filter(|r| r.starts_with("w,2,")).collect();
        assert_eq!(
            second,
            [
                "w,2,d2,Two,62.5,4,100.0,25.0,75.0,,,37.5,56.3,,false",
                "w,2,d1,One,68.8,4,75.0,62.5,12.5,,,6.3,21.9,,true",
            ]
        );
        // d2's friction after: 0.5 × 37.5 + 0.3 × 75 + 0.2 × 75 = 56.25. A first-round row has
        // no verdict.
        assert_eq!(
            summary.lines().nth(1).unwrap(),
            "w,1,d1,One,62.5,4,100.0,25.0,75.0,,,37.5,56.3,true,"
        );
    }

    #[test]
    fn the_markdown_report_has_an_after_discussion_section() {
        let markdown = report_markdown(&with_second_round(), "Kick-off", Locale::En);
        let section = &markdown[markdown.find("## After discussion").unwrap()..];
        for expected in [
            "answered Two, One again",
            "- 1 of 2 re-rated dimensions converged.",
            "- The spread changed by -9.4 points on average",
            "- The gap between Marketing and IT changed by -18.8 points on average.",
            "| Two | 50.0 | 62.5 | 50.0 | 75.0 | 25.0 | 37.5 | still apart |",
            "| One | 62.5 | 68.8 | 75.0 | 12.5 | 37.5 | 6.3 | converged |",
            "Still apart: Two. Start the norms here.",
        ] {
            assert!(section.contains(expected), "{expected}\nin\n{section}");
        }
        assert!(
            !report_markdown(&first_round(), "Kick-off", Locale::En).contains("After discussion")
        );
        let german = report_markdown(&with_second_round(), "Kick-off", Locale::De);
        assert!(german.contains("## Nach der Diskussion"), "{german}");
    }
}

//! The `tandem` binary as a user runs it: exit codes, stdout and the messages on stderr.

use std::process::{Command, Output};

use tandem_core::{Bank, Rating, Respondent, Role, WorkshopDocument};

fn tandem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .output()
        .unwrap()
}

fn write(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("tandem-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn document() -> WorkshopDocument {
    let bank = Bank::default_bank();
    let respondents = (0..4)
        .map(|p| {
            let role = if p % 2 == 0 {
                Role::Marketing
            } else {
                Role::It
            };
            let mut respondent = Respondent::new(format!("p{p}"), role);
            for (i, (_, item)) in bank.items().enumerate() {
                let value = u8::try_from((i + p) % 5 + 1).unwrap();
                respondent
                    .answers
                    .insert(item.id.clone(), Rating::new(value));
            }
            respondent
        })
        .collect();
    WorkshopDocument::new(bank, 2, respondents)
}

#[test]
fn report_prints_the_document_with_a_recomputed_report() {
    let document = document();
    let mut tampered: serde_json::Value = serde_json::from_str(&document.to_json()).unwrap();
    tampered["report"]["friction_index"] = serde_json::json!(1.0);
    let file = write("tampered.json", &tampered.to_string());
    let output = tandem(&["report", &file]);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        document.to_json()
    );
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("recomputed")
    );
}

#[test]
fn report_computes_the_convergence_of_a_second_round() {
    let mut document = document();
    let first = document.bank.dimensions[0].clone();
    document.rerate = Some(tandem_core::convergence::Rerate {
        dimensions: vec![first.id.clone()],
        respondents: ["m", "t"]
            .into_iter()
            .zip([Role::Marketing, Role::It])
            .map(|(id, role)| tandem_core::convergence::Rerater {
                id: id.into(),
                role,
                answers: first
                    .items
                    .iter()
                    .map(|item| (item.id.clone(), Rating::new(4)))
                    .collect(),
                estimates: std::collections::BTreeMap::new(),
            })
            .collect(),
    });
    let file = write("rerated.json", &document.to_json());
    let output = tandem(&["report", &file]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), document.to_json());
    let value: serde_json::Value = serde_json::from_str(stdout(&output)).unwrap();
    let convergence = &value["report"]["convergence"];
    // Both answering alike after discussion: no spread, converged. One of each function is
    // below the document's threshold of 2, so the second round tells no gap.
    assert_eq!(convergence["dimensions"][0]["id"], first.id.as_str());
    assert_eq!(convergence["dimensions"][0]["spread_after"], 0.0);
    assert!(convergence["dimensions"][0]["gap_after"].is_null());
    assert!(convergence["gap_change"].is_null());
    assert_eq!(convergence["converged"], 1);
    // A second round answering a statement of a dimension it does not re-rate is refused.
    let mut value: serde_json::Value = serde_json::from_str(&document.to_json()).unwrap();
    let other = &document.bank.dimensions[1].items[0].id;
    value["rerate"]["respondents"][0]["answers"][other] = serde_json::json!(3);
    let file = write("rerated-wrongly.json", &value.to_string());
    let output = tandem(&["report", &file]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("which is not re-rated"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn report_refuses_a_malformed_file_naming_the_problem_and_location() {
    let mut value: serde_json::Value = serde_json::from_str(&document().to_json()).unwrap();
    let item = Bank::default_bank().dimensions[0].items[0].id.clone();
    value["respondents"][3]["answers"][&item] = serde_json::json!(6);
    let file = write("bad.json", &value.to_string());
    let output = tandem(&["report", &file]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            r#"respondents[3].answers["{item}"]: 6 is not between 1 and 5"#
        )),
        "{stderr}"
    );
}

#[test]
fn check_bank_accepts_the_default_bank_and_locates_mistakes() {
    let good = write(
        "good-bank.json",
        &serde_json::to_string(&Bank::default_bank()).unwrap(),
    );
    let output = tandem(&["check-bank", &good]);
    assert!(output.status.success());
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .starts_with("ok: Marketing × IT alignment: 8 dimensions")
    );

    let bad = write(
        "bad-bank.json",
        r#"{"id":"b","dimensions":[{"id":"d","title":"D","items":[{"id":"x","text":"X"},{"id":"x","text":""}]}]}"#,
    );
    let output = tandem(&["check-bank", &bad]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(r#"dimensions[0].items[1].id: "x" is used twice"#),
        "{stderr}"
    );
    assert!(
        stderr.contains("dimensions[0].items[1].text: must not be empty"),
        "{stderr}"
    );
}

#[test]
fn a_missing_file_and_a_wrong_call_are_reported() {
    let output = tandem(&["report", "/nonexistent/tandem.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("cannot read it")
    );
    assert_eq!(tandem(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn several_documents_combine_into_one_report_in_each_format() {
    let first = document();
    let mut second = document();
    for respondent in &mut second.respondents {
        respondent.id = format!("second-{}", respondent.id);
    }
    let a = write("combine-a.json", &first.to_json());
    let b = write("combine-b.json", &second.to_json());

    let json = tandem(&["report", &a, &b]);
    assert!(json.status.success(), "{json:?}");
    let combined = WorkshopDocument::from_json(&String::from_utf8(json.stdout).unwrap()).unwrap();
    assert_eq!(combined.document.respondents.len(), 8);

    let csv = tandem(&["report", "--format", "csv", &a, &b]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    let items = Bank::default_bank().item_count();
    assert_eq!(csv.lines().count(), 1 + 8 * items);
    assert!(csv.starts_with(tandem_core::export::ANSWERS_HEADER));

    let summary = tandem(&["report", &a, "--format", "csv-summary", &b]);
    let summary = String::from_utf8(summary.stdout).unwrap();
    let dimensions = Bank::default_bank().dimensions.len();
    assert_eq!(
        summary.lines().count(),
        1 + 3 * dimensions,
        "each file and all"
    );
    assert_eq!(
        summary.lines().filter(|l| l.starts_with("all,")).count(),
        dimensions
    );

    let markdown = tandem(&["report", "--format", "markdown", &a, &b]);
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    assert!(markdown.starts_with("# Friction report: 2 workshops\n\n8 respondents"));
}

#[test]
fn an_unknown_format_or_a_clash_between_files_is_refused() {
    let file = write("format.json", &document().to_json());
    let output = tandem(&["report", "--format", "xml", &file]);
    assert_eq!(output.status.code(), Some(2));
    let mut other = document();
    other.respondents[0].answers.clear();
    let clash = write("clash.json", &other.to_json());
    let output = tandem(&["report", &file, &clash]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("clash.json: respondent \"p0\" is also in"),
        "{stderr}"
    );
}

/// A workshop whose name and respondent id carry what a spreadsheet or a terminal would run, in
/// a file of its own (`file`: tests run at once, so each writes its own).
fn hostile(file: &str) -> String {
    let mut document = document();
    document.workshop = Some(tandem_core::document::WorkshopInfo {
        id: "w1".into(),
        name: "Q3\u{1b}]0;owned\u{7};=cmd|' /C calc'!A0".into(),
        date: tandem_core::dates::parse_date("2026-12-01").unwrap(),
        phases: vec![tandem_core::agenda::Phase::Welcome],
    });
    let mut json: serde_json::Value = serde_json::from_str(&document.to_json()).unwrap();
    json["respondents"][0]["id"] = serde_json::json!("p0\t@SUM(A1)");
    write(file, &json.to_string())
}

#[test]
fn csv_from_the_cli_is_safe_in_a_reader_that_splits_on_semicolons_or_tabs() {
    let file = hostile("hostile-csv.json");
    for format in ["csv", "csv-summary"] {
        let output = tandem(&["report", "--format", format, &file]);
        assert!(output.status.success(), "{format}");
        let text = String::from_utf8(output.stdout).unwrap();
        for line in text.lines().skip(1) {
            for piece in line.split([',', ';', '\t', '"']) {
                assert!(
                    !piece.starts_with(['=', '+', '-', '@']),
                    "{format}: {piece:?} in {line:?}"
                );
            }
        }
    }
}

#[test]
fn names_cannot_send_control_characters_to_the_terminal() {
    let file = hostile("hostile-terminal.json");
    for format in ["csv", "csv-summary", "markdown"] {
        let output = tandem(&["report", "--format", format, &file]);
        assert!(output.status.success(), "{format}");
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(
            !text.contains(['\u{1b}', '\u{7}']),
            "{format} writes control characters"
        );
        assert!(text.contains("\\u{1b}"), "{format}: the escape is shown");
    }
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).unwrap()
}

fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).unwrap()
}

#[test]
fn help_lists_the_commands_and_each_command_has_its_own() {
    let output = tandem(&["--help"]);
    assert!(output.status.success(), "{output:?}");
    for command in ["report", "check-bank"] {
        assert!(stdout(&output).contains(command), "{}", stdout(&output));
    }

    let output = tandem(&["report", "--help"]);
    assert!(output.status.success(), "{output:?}");
    let help = stdout(&output);
    assert!(help.contains("Usage: tandem report"), "{help}");
    assert!(help.contains("--format <FORMAT>"), "{help}");
    assert!(help.contains("[default: json]"), "{help}");
    assert!(help.contains("- for standard input"), "{help}");
    for (format, described) in [
        ("json", "The workshop document"),
        ("csv", "One row per respondent and item"),
        ("csv-summary", "One row per dimension"),
        ("markdown", "The report as Markdown"),
    ] {
        assert!(
            help.lines().any(
                |line| line.trim_start().starts_with(&format!("- {format}:"))
                    && line.contains(described)
            ),
            "{format} is not described in\n{help}"
        );
    }

    let output = tandem(&["check-bank", "--help"]);
    assert!(output.status.success(), "{output:?}");
    assert!(stdout(&output).contains("Usage: tandem check-bank <FILE>"));
    assert!(!stdout(&output).contains("--format"));
}

#[test]
fn an_unknown_format_names_the_flag_and_the_possible_values() {
    let file = write("unknown-format.json", &document().to_json());
    let output = tandem(&["report", "--format", "xml", &file]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert!(message.contains("'xml'"), "{message}");
    assert!(message.contains("--format"), "{message}");
    assert!(
        message.contains("[possible values: json, csv, csv-summary, markdown]"),
        "{message}"
    );
}

#[test]
fn a_missing_file_argument_is_named() {
    for args in [
        &["report"][..],
        &["report", "--format", "csv"],
        &["check-bank"],
    ] {
        let output = tandem(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let message = stderr(&output);
        assert!(
            message.contains("required arguments were not provided"),
            "{args:?}: {message}"
        );
        assert!(message.contains("<FILE>"), "{args:?}: {message}");
    }
    let output = tandem(&["check-bank", "a.json", "b.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("'b.json'"), "{}", stderr(&output));
}

#[test]
fn version_prints_the_version() {
    let output = tandem(&["--version"]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        stdout(&output),
        format!("tandem {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn no_command_prints_the_help_and_fails() {
    let output = tandem(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(stderr(&output).contains("Usage: tandem <COMMAND>"));
}

#[test]
fn standard_input_and_a_repeated_format_still_work() {
    use std::io::Write;
    use std::process::Stdio;

    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["report", "--format", "csv", "--format", "markdown", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(document().to_json().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(
        stdout(&output).starts_with("# Friction report: -"),
        "the last --format wins"
    );
}

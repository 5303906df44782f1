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

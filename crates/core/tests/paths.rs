//! Where a parse error is: `validation::parse_json` works the path out from the position serde
//! reports, rather than carrying a path-tracking deserializer in the app. Here it is checked
//! against one (`serde_path_to_error`, a test-only dependency) on a backup, which holds every
//! stored type, with mistakes planted at many places, in compact and in indented JSON.

use std::fmt::Write as _;

use serde_json::{Value, json};
use tandem_core::backup::Backup;
use tandem_core::validation::parse_json;
use tandem_core::{
    Bank, Norms, NormsAction, Rating, Respondent, Role, Tandem, Workshop, Workshops,
};

fn state() -> Tandem {
    let bank = Bank::default_bank();
    let mut people = Vec::new();
    for (n, role) in [Role::Marketing, Role::It, Role::Other]
        .into_iter()
        .enumerate()
    {
        let mut respondent = Respondent::new(format!("r{n}"), role);
        for (i, (_, item)) in bank.items().enumerate() {
            let value = u8::try_from((i + n) % 6).unwrap();
            respondent
                .answers
                .insert(item.id.clone(), Rating::new(value));
        }
        respondent
            .estimates
            .insert(bank.dimensions[1].id.clone(), Rating::new(2).unwrap());
        people.push(respondent);
    }
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let mut workshop = Workshop::new("w1", "Kickoff “×”", day, bank.clone());
    workshop.respondents = people.into();
    let add = NormsAction::Add {
        id: "n1".into(),
        author: "a1".into(),
        dimension: bank.dimensions[0].id.clone(),
        text: "Say \"why\" first \\ always".into(),
    };
    workshop.norms = Norms::default().apply(&bank, add).unwrap().unwrap();
    Tandem {
        workshops: Workshops {
            list: vec![workshop],
            deleted: Vec::new(),
        },
        ..Tandem::default()
    }
}

/// The path as the tracking deserializer names it, in the notation of `validation`.
fn tracked(text: &str) -> String {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let error = serde_path_to_error::deserialize::<_, Backup>(&mut deserializer)
        .map(|_| ())
        .unwrap_err();
    let mut out = String::new();
    let mut previous: Option<String> = None;
    for segment in error.path() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => {
                let _ = write!(out, "[{index}]");
                previous = None;
            }
            serde_path_to_error::Segment::Map { key }
            | serde_path_to_error::Segment::Enum { variant: key } => {
                if previous
                    .as_deref()
                    .is_some_and(|p| ["answers", "estimates", "votes"].contains(&p))
                {
                    let _ = write!(out, "[{key:?}]");
                } else {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                previous = Some(key.clone());
            }
            serde_path_to_error::Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

#[test]
fn a_mistake_anywhere_is_located_as_a_path_tracking_deserializer_locates_it() {
    let backup: Value = serde_json::to_value(Backup::of(&state(), None)).unwrap();
    let answer = backup["workshops"]["list"][0]["respondents"][1]["answers"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    let last_answer = backup["workshops"]["list"][0]["respondents"][2]["answers"]
        .as_object()
        .unwrap()
        .keys()
        .next_back()
        .unwrap()
        .clone();
    let mistakes: Vec<(&str, Value)> = vec![
        ("/workshops/list/0/respondents/1/role", json!("sales")),
        ("/workshops/list/0/respondents/0/id", json!(7)),
        ("/workshops/list/0/threshold", json!(-1)),
        ("/workshops/list/0/timer/remaining_ms", json!("soon")),
        ("/workshops/list/0/timer", json!({"state": "ticking"})),
        ("/workshops/list/0/timer", json!({"state": "paused"})),
        ("/workshops/list/0/phases/2", json!("lunch")),
        (
            "/workshops/list/0/bank/dimensions/3/items/1/reverse",
            json!("yes"),
        ),
        ("/workshops/list/0/bank/dimensions/0", json!({"id": "x"})),
        (
            "/workshops/list/0/norms/ideas/0/votes",
            json!({"v1": "three"}),
        ),
        ("/workshops/list/0/norms/cap", json!(300)),
        ("/workshops/list/0/date", json!(20_261_124)),
        ("/history/runs", json!({})),
        ("/version", json!(null)),
    ];
    let mut checked = 0;
    let mut answers = backup.clone();
    answers["workshops"]["list"][0]["respondents"][1]["answers"][&answer] = json!(6);
    let mut last = backup.clone();
    last["workshops"]["list"][0]["respondents"][2]["answers"][&last_answer] = json!("x");
    let mut cases = vec![answers, last];
    for (pointer, bad) in mistakes {
        let mut value = backup.clone();
        if let Some(place) = value.pointer_mut(pointer) {
            *place = bad;
        } else {
            // A field left out when empty is added.
            let (parent, field) = pointer.rsplit_once('/').unwrap();
            value
                .pointer_mut(parent)
                .and_then(Value::as_object_mut)
                .unwrap_or_else(|| panic!("{pointer}"))
                .insert(field.to_owned(), bad);
        }
        cases.push(value);
    }
    let mut differ = Vec::new();
    for case in cases {
        for text in [
            case.to_string(),
            serde_json::to_string_pretty(&case).unwrap(),
        ] {
            let found = parse_json::<Backup>(&text).unwrap_err();
            // The one known difference: a value tagged inside itself (the timer's "state") is
            // read whole before any field, so its position cannot say which field is wrong. The
            // path names the object's last field; the message names the bad value ("soon").
            if found.0[0].path == "workshops.list[0].timer.state"
                && tracked(&text) == "workshops.list[0].timer"
            {
                checked += 1;
                continue;
            }
            if found.0[0].path != tracked(&text) {
                differ.push(format!("{} / tracked {}", found, tracked(&text)));
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 32);
    assert!(differ.is_empty(), "{differ:#?}");
}

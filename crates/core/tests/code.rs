//! Response codes: exact round trips, and every mistake a person makes when typing one is caught.

use proptest::prelude::*;
use tandem_core::code::{self, CodeError, Response};
use tandem_core::{Bank, Rating, Respondent, Role};

const WORKSHOP: u32 = 0x5_a3c1;

/// Answers as the code writes them: 0 unanswered, 1–5 a rating, 6 don't know.
fn response(role: Role, answers: &[u8], estimates: &[Option<u8>], key: u32) -> Response {
    let bank = Bank::default_bank();
    let mut respondent = Respondent::new(code::respondent_id(key), role);
    for ((_, item), &answer) in bank.items().zip(answers) {
        if answer != 0 {
            respondent
                .answers
                .insert(item.id.clone(), Rating::new(answer));
        }
    }
    if role != Role::Other {
        for (dimension, estimate) in bank.dimensions.iter().zip(estimates) {
            if let Some(value) = estimate.and_then(Rating::new) {
                respondent.estimates.insert(dimension.id.clone(), value);
            }
        }
    }
    Response {
        round: code::Round::First,
        workshop: WORKSHOP,
        key,
        respondent,
    }
}

fn responses() -> impl Strategy<Value = Response> {
    let bank = Bank::default_bank();
    let answer = 0u8..=6;
    (
        prop_oneof![Just(Role::Marketing), Just(Role::It), Just(Role::Other)],
        proptest::collection::vec(answer, bank.item_count()),
        proptest::collection::vec(proptest::option::of(1u8..=5), bank.dimensions.len()),
        0u32..(1 << 30),
    )
        .prop_map(|(role, answers, estimates, key)| response(role, &answers, &estimates, key))
}

fn a_code() -> (Bank, String) {
    let bank = Bank::default_bank();
    let answers: Vec<u8> = (0..bank.item_count())
        .map(|i| u8::try_from(i % 7).unwrap())
        .collect();
    let text = code::encode(&bank, &response(Role::It, &answers, &[Some(2); 8], 123_456));
    (bank, text)
}

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn decoding_an_encoded_response_gives_it_back(response in responses()) {
        let bank = Bank::default_bank();
        let text = code::encode(&bank, &response);
        prop_assert_eq!(code::decode(&bank, WORKSHOP, &text), Ok(response));
    }

    #[test]
    fn every_single_character_change_is_caught(response in responses()) {
        let bank = Bank::default_bank();
        let text = code::encode(&bank, &response);
        for position in 0..text.len() {
            for replacement in ALPHABET.chars() {
                if text.as_bytes()[position] == replacement as u8 {
                    continue;
                }
                let mut changed = text.clone().into_bytes();
                changed[position] = replacement as u8;
                let changed = String::from_utf8(changed).unwrap();
                prop_assert!(code::decode(&bank, WORKSHOP, &changed).is_err(), "{} → {}", text, changed);
            }
        }
    }

    #[test]
    fn every_swap_of_neighbours_is_caught(response in responses()) {
        let bank = Bank::default_bank();
        let text = code::encode(&bank, &response);
        let bytes = text.as_bytes();
        for position in 0..bytes.len() - 1 {
            if bytes[position] == bytes[position + 1] {
                continue;
            }
            let mut swapped = bytes.to_vec();
            swapped.swap(position, position + 1);
            let swapped = String::from_utf8(swapped).unwrap();
            prop_assert_eq!(code::decode(&bank, WORKSHOP, &swapped), Err(CodeError::Checksum));
        }
    }
}

#[test]
fn a_full_code_for_the_default_bank_fits_in_48_characters() {
    let (bank, text) = a_code();
    assert_eq!(text.len(), code::length(&bank));
    assert!(text.len() <= 48, "{} characters", text.len());
    assert!(text.chars().all(|c| ALPHABET.contains(c)), "{text}");
}

#[test]
fn grouping_case_spaces_and_look_alikes_do_not_matter() {
    let (bank, text) = a_code();
    let expected = code::decode(&bank, WORKSHOP, &text).unwrap();
    let grouped = code::grouped(&text);
    assert!(grouped.contains('-'));
    assert_eq!(
        code::decode(&bank, WORKSHOP, &grouped),
        Ok(expected.clone())
    );
    let relaxed = format!("  {} \n", grouped.to_lowercase().replace('-', " "));
    assert_eq!(
        code::decode(&bank, WORKSHOP, &relaxed),
        Ok(expected.clone())
    );
    let look_alikes = text.replace('1', "l").replace('0', "O");
    assert_eq!(code::decode(&bank, WORKSHOP, &look_alikes), Ok(expected));
}

#[test]
fn the_same_code_is_the_same_respondent_and_different_keys_are_different_people() {
    let (bank, text) = a_code();
    let once = code::decode(&bank, WORKSHOP, &text).unwrap();
    let twice = code::decode(&bank, WORKSHOP, &text).unwrap();
    assert_eq!(once.respondent.id, twice.respondent.id);
    let answers = vec![3; bank.item_count()];
    let a = code::encode(&bank, &response(Role::It, &answers, &[], 1));
    let b = code::encode(&bank, &response(Role::It, &answers, &[], 2));
    assert_ne!(a, b);
    assert_ne!(
        code::decode(&bank, WORKSHOP, &a).unwrap().respondent.id,
        code::decode(&bank, WORKSHOP, &b).unwrap().respondent.id
    );
}

#[test]
fn a_code_for_another_workshop_says_which() {
    let (bank, text) = a_code();
    let error = code::decode(&bank, 0x0_0001, &text).unwrap_err();
    assert_eq!(
        error,
        CodeError::OtherWorkshop {
            found: code::workshop_text(WORKSHOP),
            expected: code::workshop_text(1)
        }
    );
    assert!(error.to_string().contains(&code::workshop_text(WORKSHOP)));
}

#[test]
fn a_code_for_another_bank_is_refused() {
    let (_, text) = a_code();
    let mut other = Bank::default_bank();
    other.id = "another-bank".into();
    assert_eq!(
        code::decode(&other, WORKSHOP, &text),
        Err(CodeError::OtherBank)
    );
}

#[test]
fn truncated_empty_and_foreign_text_get_their_own_messages() {
    let (bank, text) = a_code();
    let truncated = &text[..text.len() - 3];
    assert_eq!(
        code::decode(&bank, WORKSHOP, truncated),
        Err(CodeError::Length {
            found: text.len() - 3,
            expected: text.len()
        })
    );
    assert_eq!(code::decode(&bank, WORKSHOP, " - "), Err(CodeError::Empty));
    let error = code::decode(&bank, WORKSHOP, "ABC!").unwrap_err();
    assert_eq!(
        error,
        CodeError::Character {
            position: 4,
            character: '!'
        }
    );
    assert!(error.to_string().contains("character 4"));
}

#[test]
fn workshop_codes_are_four_characters_both_ways() {
    let text = code::workshop_text(WORKSHOP);
    assert_eq!(text.len(), 4);
    assert_eq!(code::parse_workshop(&text), Some(WORKSHOP));
    assert_eq!(code::parse_workshop(&text.to_lowercase()), Some(WORKSHOP));
    assert_eq!(code::parse_workshop("ABC"), None);
}

#[test]
fn a_code_from_a_newer_tandem_says_so() {
    let bank = Bank::default_bank();
    // The first character carries the version in its top four bits: "6" is version 3 (2 is a
    // second-round code).
    assert_eq!(
        code::decode(&bank, WORKSHOP, "6000000000"),
        Err(CodeError::Version(3))
    );
}

#[test]
fn a_response_link_pasted_whole_gives_its_code() {
    let (bank, text) = a_code();
    let pasted = format!(
        "Here you go: https://intranet.example/tandem/index.html?namespace=a#code/{}\nthanks",
        code::grouped(&text)
    );
    let found = code::decode_all(&bank, WORKSHOP, &pasted);
    let codes: Vec<_> = found.iter().filter(|f| f.result.is_ok()).collect();
    assert_eq!(codes.len(), 1, "{found:?}");
}

#[test]
fn a_long_run_of_text_is_not_a_code_whatever_its_first_character() {
    let bank = Bank::default_bank();
    let zs = "Z".repeat(10_000);
    let error = code::decode(&bank, WORKSHOP, &zs).unwrap_err();
    assert_eq!(
        error,
        CodeError::NotACode {
            found: 10_000,
            expected: code::length(&bank)
        }
    );
    assert!(error.to_string().starts_with("This is not a response code"));
}

#[test]
fn a_long_paste_is_echoed_short_and_a_code_whole() {
    let (_, text) = a_code();
    assert_eq!(code::echoed(&text), code::grouped(&text));
    let echoed = code::echoed(&"Z".repeat(10_000));
    assert_eq!(echoed.chars().count(), 61);
    assert!(echoed.ends_with('…'));
}

#[test]
fn a_refused_code_is_grouped_by_characters_not_bytes() {
    assert_eq!(
        code::grouped("00\u{1f600}\u{1f600}44"),
        "00\u{1f600}\u{1f600}-44"
    );
    assert_eq!(code::grouped("ÄÖÜ1ß"), "ÄÖÜ1-ß");
}

/// The worked example of `docs/response-code.md`: if this changes, so must the document.
#[test]
fn the_documented_example_decodes_as_documented() {
    let bank = Bank::default_bank();
    assert_eq!(tandem_core::bank::fingerprint(&bank), 0xb3eb);
    assert_eq!(code::workshop_text(0x5_a3c1), "B8Y1");
    let text = "3CZB-B8Y1-003R-J0E2-94J9-4J94-J94J-94J9-4J40-000V-0X0";
    let response = code::decode(&bank, 0x5_a3c1, text).unwrap();
    assert_eq!(response.key, 123_456);
    assert_eq!(response.respondent.id, "code-003RJ0");
    assert_eq!(response.respondent.role, Role::It);
    let items: Vec<_> = bank.items().map(|(_, item)| item.id.clone()).collect();
    assert_eq!(
        response.respondent.answers.get(&items[0]),
        Some(&None),
        "don't know"
    );
    assert!(
        !response.respondent.answers.contains_key(&items[1]),
        "unanswered"
    );
    assert!(
        items[2..]
            .iter()
            .all(|id| response.respondent.answers.get(id) == Some(&Rating::new(4)))
    );
    assert_eq!(response.respondent.estimates.len(), 1);
    assert_eq!(
        response.respondent.estimates.get(&bank.dimensions[0].id),
        Rating::new(2).as_ref()
    );
    assert_eq!(code::encode(&bank, &response), text.replace('-', ""));
}

#[test]
fn pasted_text_yields_every_code_however_it_is_spaced() {
    let bank = Bank::default_bank();
    let answers = vec![4; bank.item_count()];
    let first = code::encode(&bank, &response(Role::Marketing, &answers, &[], 7));
    let second = code::encode(&bank, &response(Role::It, &answers, &[], 8));
    let pasted = format!(
        "  {}\n\n{}, {}",
        code::grouped(&first).replace('-', " "),
        code::grouped(&second),
        first
    );
    let found = code::decode_all(&bank, WORKSHOP, &pasted);
    let keys: Vec<u32> = found
        .iter()
        .map(|p| p.result.as_ref().unwrap().key)
        .collect();
    assert_eq!(keys, [7, 8, 7]);
}

#[test]
fn a_truncated_code_is_reported_without_swallowing_the_next() {
    let bank = Bank::default_bank();
    let answers = vec![2; bank.item_count()];
    let good = code::encode(&bank, &response(Role::Other, &answers, &[], 9));
    let pasted = format!("{}\n{}", &good[..good.len() - 5], good);
    let found = code::decode_all(&bank, WORKSHOP, &pasted);
    assert_eq!(found.len(), 2);
    assert!(matches!(found[0].result, Err(CodeError::Length { .. })));
    assert_eq!(found[1].result.as_ref().unwrap().key, 9);
    assert!(code::decode_all(&bank, WORKSHOP, " \n ").is_empty());
}

#[test]
fn the_words_of_a_pasted_chat_are_not_reported_as_codes_but_a_mistyped_code_is() {
    let bank = Bank::default_bank();
    let answers = vec![3; bank.item_count()];
    let good = code::encode(&bank, &response(Role::Marketing, &answers, &[], 11));
    let mut typo = good.clone().into_bytes();
    typo[9] = b'!';
    let typo = String::from_utf8(typo).unwrap();
    let chat = format!(
        "[10:01] Anna: here is mine {good}\n[10:02] Ben: mine -> {typo} (sorry, on my phone!)\n[10:03] Cem: 🙂"
    );
    let found = code::decode_all(&bank, WORKSHOP, &chat);
    let texts: Vec<&str> = found.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, [good.as_str(), typo.as_str()], "{found:?}");
    assert!(found[0].result.is_ok());
    assert!(matches!(
        found[1].result,
        Err(CodeError::Character {
            position: 10,
            character: '!'
        })
    ));
    // A short run of code characters is still told to be too short.
    assert!(matches!(
        code::decode_all(&bank, WORKSHOP, &good[..8])[0].result,
        Err(CodeError::Length { .. })
    ));
    assert!(code::decode_all(&bank, WORKSHOP, "hello: world!").is_empty());
    // Words of code characters only are not codes either, in English or German.
    for words in [
        "Here you go:",
        "Cheers, Anna",
        "hi",
        "hallo welt",
        "Danke, Anna",
        "#code/XYZ",
    ] {
        let pasted = format!("{words}\n{good}\n{words}");
        let found = code::decode_all(&bank, WORKSHOP, &pasted);
        assert_eq!(found.len(), 1, "{words}: {found:?}");
        assert!(found[0].result.is_ok(), "{words}");
    }
}

#[test]
fn a_join_link_carries_the_workshop_name_and_says_when_it_is_cut() {
    for name in [
        "Q3 launch",
        "Kick-off: \"Web\" / 50% #1 ?",
        "Überblick 🙂 <b>",
    ] {
        let path = code::join_path("bank", WORKSHOP, name);
        assert!(path.is_ascii(), "{path}");
        let link = code::parse_join(&path);
        assert_eq!(link.bank_id, "bank");
        assert_eq!(code::parse_workshop(&link.workshop), Some(WORKSHOP));
        assert_eq!(link.name.as_deref(), Some(name));
    }
    let long = "Marketing and IT alignment workshop for the whole of the third quarter launch";
    let carried = code::parse_join(&code::join_path("bank", WORKSHOP, long))
        .name
        .unwrap();
    assert!(
        carried.ends_with('…') && carried.chars().count() <= 60,
        "{carried}"
    );
    assert!(long.starts_with(carried.trim_end_matches('…')));
    // Hand-edited links: broken escapes, control characters and missing parts carry no name.
    for rest in [
        "bank/ABCD/%E2%8",
        "bank/ABCD/be%07ll",
        "bank/ABCD/",
        "bank/ABCD",
        "bank",
        "",
    ] {
        assert_eq!(code::parse_join(rest).name, None, "{rest:?}");
    }
}

#[test]
fn importing_the_same_code_twice_changes_nothing() {
    let bank = Bank::default_bank();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let workshop = tandem_core::Workshop::new("w", "W", date, bank.clone());
    let answers = vec![5; bank.item_count()];
    let text = code::encode(&bank, &response(Role::It, &answers, &[Some(1); 8], 42));
    let incoming: Vec<Respondent> = code::decode_all(&bank, WORKSHOP, &format!("{text} {text}"))
        .into_iter()
        .map(|pasted| pasted.result.unwrap().respondent)
        .collect();
    let once = workshop.merged_with(&incoming[..1]);
    let twice = once.merged_with(&incoming);
    assert_eq!(once, twice);
    assert_eq!(twice.respondents.len(), 1);
}

#[test]
fn a_participant_on_their_own_device_finishes_with_a_code_the_facilitator_can_read() {
    use tandem_core::assessment::Participation;
    use tandem_core::{Action, Screen};
    let bank = Bank::default_bank();
    let workshop = code::workshop_code("r-0123456789abcdef");
    assert!(workshop < 1 << 20);
    assert_eq!(
        workshop,
        code::workshop_code("r-0123456789abcdef"),
        "stable"
    );
    let mut participation = Participation::new(workshop, 99);
    let begin = Action::Begin {
        role: Role::Marketing,
        respondent_id: "ignored".into(),
    };
    participation = participation.apply(&bank, begin).unwrap();
    assert_eq!(
        participation.journey.respondent.as_ref().unwrap().id,
        code::respondent_id(99)
    );
    let item = bank.dimensions[0].items[0].id.clone();
    participation = participation
        .apply(
            &bank,
            Action::Answer {
                item: item.clone(),
                answer: Rating::new(5),
            },
        )
        .unwrap();
    assert_eq!(participation.code(&bank), None, "no code before finishing");
    participation = participation
        .apply(&bank, Action::GoTo(Screen::Report))
        .unwrap();
    let text = participation.code(&bank).unwrap();
    let response = code::decode(&bank, workshop, &text).unwrap();
    assert_eq!(response.respondent.id, code::respondent_id(99));
    assert_eq!(
        response.respondent.answers.get(&item),
        Some(&Rating::new(5))
    );
}

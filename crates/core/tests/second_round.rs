//! Collecting the second round (re-rating after discussion): the facilitator chooses the
//! dimensions once the results are revealed, participants answer only those again in turns on
//! the facilitator's device or on their own devices with a second-round code, and each round's
//! box refuses the other round's codes, saying which round they belong to.

use proptest::prelude::*;
use tandem_core::assessment::Participation;
use tandem_core::code::{self, CodeError, Response, Round};
use tandem_core::i18n::Locale;
use tandem_core::workshop::{Arrival, Linked, Received, Turn, Workshops};
use tandem_core::{
    Action, Bank, Phase, Rating, Respondent, Role, Screen, Slide, Workshop, WorkshopAction,
    WorkshopDocument, WorkshopError,
};

fn apply(workshop: &Workshop, action: WorkshopAction) -> Workshop {
    workshop.apply(action).unwrap().unwrap()
}

fn person(id: &str, role: Role, value: u8) -> Respondent {
    let mut respondent = Respondent::new(id, role);
    for (_, item) in Bank::default_bank().items() {
        respondent
            .answers
            .insert(item.id.clone(), Rating::new(value));
    }
    respondent
}

fn dimension(d: usize) -> String {
    Bank::default_bank().dimensions[d].id.clone()
}

/// A workshop with every phase and threshold 1, three answers far apart, revealed, on its
/// re-rate phase.
fn revealed_at_rerate() -> Workshop {
    let mut workshop = Workshop::new(
        "w-again",
        "Second look",
        chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default(),
        Bank::default_bank(),
    );
    workshop = apply(&workshop, WorkshopAction::SetPhases(Phase::ALL.to_vec()));
    workshop = apply(&workshop, WorkshopAction::SetThreshold(1));
    for (id, role, value) in [
        ("m", Role::Marketing, 5),
        ("t", Role::It, 1),
        ("o", Role::Other, 3),
    ] {
        workshop = apply(
            &workshop,
            WorkshopAction::AddRespondent(person(id, role, value)),
        );
    }
    workshop = apply(&workshop, WorkshopAction::Reveal);
    let index = workshop
        .phases
        .iter()
        .position(|phase| *phase == Phase::Rerate)
        .unwrap();
    apply(&workshop, WorkshopAction::GoToPhase { index, now_ms: 0 })
}

fn rerating(dimensions: &[usize]) -> Workshop {
    let chosen = dimensions.iter().map(|&d| dimension(d)).collect();
    apply(&revealed_at_rerate(), WorkshopAction::ChooseRerated(chosen))
}

/// A code for `workshop` in `round`, answering every item of `dimensions` with `value`.
fn code_for(
    workshop: &Workshop,
    round: Round,
    key: u32,
    role: Role,
    dimensions: &[usize],
) -> String {
    let bank = Bank::default_bank();
    let mut respondent = Respondent::new(code::respondent_id(key), role);
    for &d in dimensions {
        for item in &bank.dimensions[d].items {
            respondent.answers.insert(item.id.clone(), Rating::new(4));
        }
    }
    code::encode(
        &bank,
        &Response {
            round,
            workshop: code::workshop_code(&workshop.id),
            key,
            respondent,
        },
    )
}

/// Answers the open second-round turn to its end with `value` for every statement.
fn answer_turn(mut workshop: Workshop, role: Role, value: u8) -> Workshop {
    workshop = apply(&workshop, WorkshopAction::StartTurn);
    workshop = apply(
        &workshop,
        WorkshopAction::Turn(Action::Begin {
            role,
            respondent_id: format!("turn-{role:?}-{value}"),
        }),
    );
    let again = workshop.rerate_bank();
    for dimension in &again.dimensions {
        for item in &dimension.items {
            workshop = apply(
                &workshop,
                WorkshopAction::Turn(Action::Answer {
                    item: item.id.clone(),
                    answer: Rating::new(value),
                }),
            );
        }
        workshop = apply(&workshop, WorkshopAction::Turn(Action::Next));
    }
    assert_eq!(workshop.turn, Some(Turn::Finished));
    apply(&workshop, WorkshopAction::EndTurn)
}

#[test]
fn the_hotspots_are_offered_and_the_chosen_dimensions_are_kept_in_bank_order() {
    let workshop = revealed_at_rerate();
    let report = workshop.report();
    let hotspots: Vec<String> = report.hotspots.iter().map(|&d| dimension(d)).collect();
    assert!(!hotspots.is_empty());
    assert_eq!(workshop.rerate_suggested(&report), hotspots);
    let chosen = apply(
        &workshop,
        WorkshopAction::ChooseRerated(vec![dimension(5), dimension(1), "no-such".into()]),
    );
    let rerate = chosen.rerate.as_deref().unwrap();
    assert_eq!(rerate.dimensions, [dimension(1), dimension(5)]);
    assert_eq!(chosen.rerate_bank().dimensions.len(), 2);
}

#[test]
fn the_second_round_needs_the_reveal_a_dimension_and_keeps_what_was_answered() {
    let mut hidden = revealed_at_rerate();
    hidden.revealed = false;
    assert_eq!(
        hidden.apply(WorkshopAction::ChooseRerated(vec![dimension(0)])),
        Err(WorkshopError::RerateBeforeReveal)
    );
    assert_eq!(
        revealed_at_rerate().apply(WorkshopAction::StartTurn),
        Err(WorkshopError::NotRerating)
    );
    assert_eq!(
        revealed_at_rerate().apply(WorkshopAction::ChooseRerated(vec![])),
        Err(WorkshopError::NoRerated)
    );
    assert_eq!(
        rerating(&[0]).apply(WorkshopAction::RevealAgain),
        Err(WorkshopError::NothingToRevealAgain)
    );
    // A dimension answered again stays in the round: its answers are never dropped.
    let answered = answer_turn(rerating(&[0, 2]), Role::It, 2);
    let refused = answered.apply(WorkshopAction::ChooseRerated(vec![dimension(2)]));
    let title = Bank::default_bank().dimensions[0].title.clone();
    assert_eq!(refused, Err(WorkshopError::RerateAnswered(title.clone())));
    assert!(refused.unwrap_err().message(Locale::En).contains(&title));
    // Adding one is fine.
    let more = apply(
        &answered,
        WorkshopAction::ChooseRerated(vec![dimension(0), dimension(2), dimension(3)]),
    );
    assert_eq!(more.rerate.unwrap().respondents.len(), 1);
}

#[test]
fn a_turn_answers_only_the_re_rated_dimensions_without_estimates() {
    let mut workshop = rerating(&[1, 4]);
    workshop = apply(&workshop, WorkshopAction::StartTurn);
    workshop = apply(
        &workshop,
        WorkshopAction::Turn(Action::Begin {
            role: Role::Marketing,
            respondent_id: "p".into(),
        }),
    );
    // An estimate changes nothing in the second round.
    assert_eq!(
        workshop.apply(WorkshopAction::Turn(Action::Estimate {
            dimension: dimension(1),
            estimate: Rating::new(3),
        })),
        Ok(None)
    );
    let done = answer_turn(rerating(&[1, 4]), Role::Marketing, 4);
    let rerate = done.rerate.as_deref().unwrap();
    assert_eq!(rerate.respondents.len(), 1);
    let again = done.rerate_bank();
    let items: Vec<&str> = again.items().map(|(_, item)| item.id.as_str()).collect();
    assert!(rerate.respondents[0].estimates.is_empty());
    assert_eq!(
        rerate.respondents[0]
            .answers
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        {
            let mut sorted = items.clone();
            sorted.sort_unstable();
            sorted
        }
    );
    // The first round is untouched.
    assert_eq!(done.respondents.len(), 3);
}

#[test]
fn the_room_sees_the_second_round_only_once_the_facilitator_shows_it() {
    let mut workshop = rerating(&[0, 1]);
    for (role, value) in [(Role::Marketing, 4), (Role::It, 4), (Role::Other, 4)] {
        workshop = answer_turn(workshop, role, value);
    }
    assert_eq!(workshop.slides(), [Slide::JoinAgain]);
    assert!(!workshop.second_round_shown());
    workshop = apply(&workshop, WorkshopAction::RevealAgain);
    assert!(workshop.second_round_shown());
    assert_eq!(
        workshop.slides(),
        [Slide::JoinAgain, Slide::AfterDiscussion]
    );
    let convergence = workshop.convergence().unwrap();
    assert_eq!(convergence.dimensions.len(), 2);
    assert_eq!(
        convergence.converged(),
        2,
        "everyone answered 4 the second time"
    );
    // The export carries the round and recomputes the same figures.
    let document = WorkshopDocument::from_json(&workshop.document().to_json()).unwrap();
    assert_eq!(
        document.document.rerate,
        workshop.rerate.as_deref().cloned()
    );
}

#[test]
fn each_round_refuses_the_other_rounds_code_saying_which_round_it_is() {
    let workshop = rerating(&[0, 1]);
    let first = code_for(&workshop, Round::First, 7, Role::It, &[0, 1, 2]);
    let second = code_for(&workshop, Round::Second, 8, Role::It, &[0, 1]);

    let (after, received) = workshop.receive(&second);
    assert_eq!(after, workshop, "nothing changes");
    let [Received::Refused { error, .. }] = received.as_slice() else {
        panic!("{received:?}");
    };
    assert_eq!(
        *error,
        CodeError::Round {
            found: Round::Second
        }
    );
    assert!(error.message(Locale::En).contains("second round"));
    assert!(error.message(Locale::De).contains("zweiten Runde"));

    let (after, received) = workshop.receive_again(&first);
    assert_eq!(after, workshop);
    let [Received::Refused { error, .. }] = received.as_slice() else {
        panic!("{received:?}");
    };
    assert_eq!(
        *error,
        CodeError::Round {
            found: Round::First
        }
    );
    assert!(error.message(Locale::En).contains("first round"));

    // Each in its own box is taken, once.
    let (after, received) = workshop.receive_again(&second);
    assert!(matches!(
        received.as_slice(),
        [Received::Arrived {
            arrival: Arrival::New,
            role: Role::It,
            ..
        }]
    ));
    assert_eq!(after.rerate.as_deref().unwrap().respondents.len(), 1);
    let (again, received) = after.receive_again(&second);
    assert_eq!(again, after);
    assert!(matches!(
        received.as_slice(),
        [Received::Arrived {
            arrival: Arrival::Same,
            ..
        }]
    ));
    let (after, _) = workshop.receive(&first);
    assert_eq!(after.respondents.len(), 4);
}

#[test]
fn a_second_round_code_for_dimensions_not_re_rated_or_no_round_is_refused() {
    let workshop = rerating(&[0]);
    let wider = code_for(&workshop, Round::Second, 9, Role::It, &[0, 3]);
    let (after, received) = workshop.receive_again(&wider);
    assert_eq!(after, workshop);
    assert!(matches!(
        received.as_slice(),
        [Received::Refused {
            error: CodeError::NotRerated,
            ..
        }]
    ));
    let none = revealed_at_rerate();
    let code = code_for(&none, Round::Second, 9, Role::It, &[0]);
    assert!(matches!(
        none.receive_again(&code).1.as_slice(),
        [Received::Refused {
            error: CodeError::NoSecondRound,
            ..
        }]
    ));
}

#[test]
fn a_second_round_link_opened_here_joins_the_round_it_belongs_to() {
    let workshop = rerating(&[2]);
    let workshops = Workshops::default().with(workshop.clone());
    let link = code_for(&workshop, Round::Second, 11, Role::Marketing, &[2]);
    let (changed, linked) = workshops.receive_link(&workshop.bank, &link);
    assert!(matches!(
        linked,
        Linked::Arrived {
            round: Round::Second,
            arrival: Arrival::New,
            ..
        }
    ));
    assert!(
        linked
            .message(Locale::En)
            .contains("again after discussion")
    );
    let changed = changed.unwrap();
    let saved = changed.get(&workshop.id).unwrap();
    assert_eq!(saved.rerate.as_deref().unwrap().respondents.len(), 1);
    assert_eq!(saved.respondents.len(), 3, "not a first-round respondent");
    // A workshop that re-rates nothing says so.
    let plain = Workshops::default().with(revealed_at_rerate());
    let (unchanged, linked) = plain.receive_link(&workshop.bank, &link);
    assert!(unchanged.is_none());
    assert_eq!(linked, Linked::Unreadable(CodeError::NoSecondRound));
}

#[test]
fn a_participant_answers_the_re_rated_dimensions_again_and_gets_a_second_round_code() {
    let full = Bank::default_bank();
    let workshop = rerating(&[3, 6]);
    let rerated = workshop.rerate.as_deref().unwrap().dimensions.clone();
    let mut participation =
        Participation::second(code::workshop_code(&workshop.id), 0xABCDE, rerated);
    assert_eq!(participation.round(), Round::Second);
    let bank = participation.bank(&full);
    assert_eq!(bank.dimensions.len(), 2);
    participation = participation
        .apply(
            &bank,
            Action::Begin {
                role: Role::It,
                respondent_id: String::new(),
            },
        )
        .unwrap();
    assert_eq!(
        participation.apply(
            &bank,
            Action::Estimate {
                dimension: dimension(3),
                estimate: Rating::new(2),
            }
        ),
        None,
        "no estimates in the second round"
    );
    for (_, item) in bank.items() {
        participation = participation
            .apply(
                &bank,
                Action::Answer {
                    item: item.id.clone(),
                    answer: Rating::new(2),
                },
            )
            .unwrap();
    }
    participation = participation
        .apply(&bank, Action::GoTo(Screen::Report))
        .unwrap();
    let text = participation.code(&full).unwrap();
    assert_eq!(text.len(), code::length_in(&full, Round::Second));
    assert!(text.len() < code::length(&full));
    let (after, received) = workshop.receive_again(&text);
    assert!(
        matches!(received.as_slice(), [Received::Arrived { .. }]),
        "{received:?}"
    );
    let again_answered = &after.rerate.as_deref().unwrap().respondents[0];
    assert_eq!(again_answered.role, Role::It);
    assert_eq!(again_answered.answers.len(), bank.item_count());
}

#[test]
fn codes_of_both_rounds_pasted_together_in_groups_are_each_read() {
    let workshop = rerating(&[0, 1]);
    let first = code_for(&workshop, Round::First, 21, Role::Marketing, &[0]);
    let second = code_for(&workshop, Round::Second, 22, Role::It, &[0, 1]);
    let pasted = format!(
        "{}\n{}\n{}",
        code::grouped(&second).replace('-', " "),
        code::grouped(&first).replace('-', " "),
        code::grouped(&second),
    );
    let (_, received) = workshop.receive_again(&pasted);
    let errors: Vec<Option<&CodeError>> = received
        .iter()
        .map(|received| match received {
            Received::Refused { error, .. } => Some(error),
            Received::Arrived { .. } => None,
        })
        .collect();
    assert_eq!(
        errors,
        [
            None,
            Some(&CodeError::Round {
                found: Round::First
            }),
            None
        ]
    );
}

fn second_round_responses() -> impl Strategy<Value = Response> {
    let bank = Bank::default_bank();
    (
        proptest::collection::vec(0u8..=6, bank.item_count()),
        0u32..(1 << 30),
        0usize..3,
    )
        .prop_map(move |(answers, key, role)| {
            let role = [Role::Marketing, Role::It, Role::Other][role];
            let mut respondent = Respondent::new(code::respondent_id(key), role);
            for ((_, item), answer) in bank.items().zip(answers) {
                match answer {
                    0 => {}
                    6 => {
                        respondent.answers.insert(item.id.clone(), None);
                    }
                    value => {
                        respondent
                            .answers
                            .insert(item.id.clone(), Rating::new(value));
                    }
                }
            }
            Response {
                round: Round::Second,
                workshop: 0x5A3C1,
                key,
                respondent,
            }
        })
}

proptest! {
    #[test]
    fn a_second_round_code_decodes_to_what_was_encoded(response in second_round_responses()) {
        let bank = Bank::default_bank();
        let text = code::encode(&bank, &response);
        prop_assert_eq!(text.len(), code::length_in(&bank, Round::Second));
        prop_assert_eq!(code::decode(&bank, 0x5A3C1, &text), Ok(response));
    }

    #[test]
    fn a_mistyped_character_in_a_second_round_code_is_caught(
        response in second_round_responses(),
        at in 0usize..38,
        by in 1u8..32,
    ) {
        let bank = Bank::default_bank();
        let text = code::encode(&bank, &response);
        let alphabet = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let mut bytes = text.into_bytes();
        let at = at % bytes.len();
        let value = alphabet.iter().position(|&c| c == bytes[at]).unwrap();
        bytes[at] = alphabet[(value + usize::from(by)) % 32];
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert!(code::decode(&bank, 0x5A3C1, &changed).is_err(), "{}", changed);
    }
}

/// One thing a facilitator or a participant may do during the second round.
#[derive(Debug, Clone)]
enum Step {
    /// Choose these dimensions (indices into the bank) to answer again.
    Choose(Vec<usize>),
    /// A participant with this key sends a second-round code for these dimensions.
    Code(u32, Role, Vec<usize>),
    /// A participant answers in a turn on the facilitator's device.
    Turn(Role, u8),
    /// A first-round code pasted into the second round's box.
    Wrong(u32),
    RevealAgain,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let dimensions = proptest::collection::vec(0usize..8, 0..4);
    let role = prop_oneof![Just(Role::Marketing), Just(Role::It), Just(Role::Other)];
    let step = prop_oneof![
        dimensions.clone().prop_map(Step::Choose),
        (0u32..6, role.clone(), dimensions).prop_map(|(key, role, d)| Step::Code(key, role, d)),
        (role, 1u8..=5).prop_map(|(role, value)| Step::Turn(role, value)),
        (0u32..6).prop_map(Step::Wrong),
        Just(Step::RevealAgain),
    ];
    proptest::collection::vec(step, 1..25)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the facilitator and the participants do, in any order: no second-round answer
    /// is ever dropped, every answer belongs to a re-rated dimension, the first round never
    /// changes, and the workshop's document is valid and survives export and import.
    #[test]
    fn no_sequence_of_actions_loses_a_second_round_answer_or_breaks_the_document(
        steps in steps()
    ) {
        let first = revealed_at_rerate();
        let mut workshop = first.clone();
        for step in steps {
            let before = workshop.rerate.as_deref().map_or(0, |rerate| rerate.respondents.len());
            let answered_before: Vec<String> = workshop.rerate.as_deref().map_or_else(Vec::new, |rerate| {
                rerate.respondents.iter().map(|r| r.id.clone()).collect()
            });
            match step {
                Step::Choose(dimensions) => {
                    let chosen = dimensions.iter().map(|&d| dimension(d)).collect();
                    if let Ok(Some(next)) = workshop.apply(WorkshopAction::ChooseRerated(chosen)) {
                        workshop = next;
                    }
                }
                Step::Code(key, role, dimensions) => {
                    let text = code_for(&workshop, Round::Second, key, role, &dimensions);
                    workshop = workshop.receive_again(&text).0;
                }
                Step::Turn(role, value) => {
                    if workshop.rerate.is_some() {
                        workshop = answer_turn(workshop, role, value);
                    } else {
                        prop_assert_eq!(
                            workshop.apply(WorkshopAction::StartTurn),
                            Err(WorkshopError::NotRerating)
                        );
                    }
                }
                Step::Wrong(key) => {
                    let text = code_for(&workshop, Round::First, key, Role::It, &[0]);
                    let (after, received) = workshop.receive_again(&text);
                    prop_assert_eq!(&after, &workshop);
                    let refused_for_round = matches!(
                        received.as_slice(),
                        [Received::Refused { error: CodeError::Round { found: Round::First }, .. }]
                    );
                    prop_assert!(refused_for_round);
                }
                Step::RevealAgain => {
                    if let Ok(Some(next)) = workshop.apply(WorkshopAction::RevealAgain) {
                        workshop = next;
                    }
                }
            }
            let rerate = workshop.rerate.as_deref();
            let after = rerate.map_or(0, |rerate| rerate.respondents.len());
            prop_assert!(after >= before, "a second-round answer was dropped");
            for id in &answered_before {
                prop_assert!(rerate.is_some_and(|r| r.respondents.iter().any(|r| &r.id == id)));
            }
            if let Some(rerate) = rerate {
                let again = workshop.bank.only(&rerate.dimensions);
                for rerater in &rerate.respondents {
                    prop_assert!(rerater.estimates.is_empty());
                    prop_assert!(rerater.answers.keys().all(|item| again.item(item).is_some()));
                }
            }
            prop_assert_eq!(&workshop.respondents, &first.respondents);
            prop_assert!(workshop.document().check().is_ok());
        }
        let text = workshop.document().to_json();
        let imported = WorkshopDocument::from_json(&text).unwrap();
        prop_assert_eq!(imported.document.to_json(), text);
        prop_assert_eq!(imported.document.rerate, workshop.rerate.as_deref().cloned());
    }
}

#[test]
fn a_second_round_link_reads_each_dimension_once_and_stops_at_what_is_not_one() {
    let link = code::parse_again("marketing-it-alignment/B8Y1/5.2.5.x.1/Q3%20launch");
    assert_eq!(link.rerated, Some(vec![5, 2]));
    assert_eq!(link.name.as_deref(), Some("Q3 launch"));
    assert_eq!(code::parse_again("b/B8Y1//Q3").rerated, Some(vec![]));
    assert_eq!(code::parse_join("b/B8Y1/Q3").rerated, None);
    let bank = Bank::default_bank();
    let again = code::JoinLink::again(&bank, 0x5A3C1, "Q3 launch", &[dimension(2), dimension(5)]);
    assert_eq!(again.rerated, Some(vec![2, 5]));
    assert_eq!(code::parse_again(&again.path()), again);
    assert_eq!(
        again.rerated_ids(&bank),
        Some(vec![dimension(2), dimension(5)])
    );
    assert_eq!(code::parse_again("b/B8Y1/2.99/Q3").rerated_ids(&bank), None);
}

#[test]
fn a_participant_whose_link_changed_sends_only_the_dimensions_re_rated_now() {
    let full = Bank::default_bank();
    let workshop = rerating(&[1]);
    let mut participation = Participation::second(
        code::workshop_code(&workshop.id),
        77,
        vec![dimension(0), dimension(1)],
    );
    let bank = participation.bank(&full);
    participation = participation
        .apply(
            &bank,
            Action::Begin {
                role: Role::It,
                respondent_id: String::new(),
            },
        )
        .unwrap();
    for (_, item) in bank.items() {
        participation = participation
            .apply(
                &bank,
                Action::Answer {
                    item: item.id.clone(),
                    answer: Rating::new(3),
                },
            )
            .unwrap();
    }
    // The facilitator narrowed the round to one dimension and sent the new link.
    participation.rerated = Some(vec![dimension(1)]);
    participation = participation
        .apply(&participation.bank(&full), Action::GoTo(Screen::Report))
        .unwrap();
    let text = participation.code(&full).unwrap();
    let (after, received) = workshop.receive_again(&text);
    assert!(
        matches!(received.as_slice(), [Received::Arrived { .. }]),
        "{received:?}"
    );
    let answers = &after.rerate.as_deref().unwrap().respondents[0].answers;
    assert_eq!(answers.len(), full.dimensions[1].items.len());
}

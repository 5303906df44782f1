//! Well-formed data with values out of range cannot stop the app: arbitrary states (steps past
//! the bank, a phase past the agenda, turns at step 99, another bank's journey, odd thresholds)
//! go through the root reducer with arbitrary actions, another tab's saves and restored backups,
//! and through the views the screens read. Nothing panics, and every state the reducer returns
//! fits its bank, so no screen meets a step it cannot show.

use std::rc::Rc;

use proptest::prelude::*;
use tandem_core::backup::Backup;
use tandem_core::workshop::Holder;
use tandem_core::{
    Action, Bank, NormsAction, Phase, Rating, Respondent, Role, Screen, Tandem, TandemAction, Turn,
    View, Workshop, WorkshopAction, Workshops, export, history, i18n::Locale,
};

/// The default bank, or the default bank cut to two dimensions (an embed's own bank).
fn bank() -> impl Strategy<Value = Bank> {
    prop_oneof![Just(Bank::default_bank()), Just(small_bank())]
}

fn small_bank() -> Bank {
    let mut bank = Bank::default_bank();
    bank.id = "two-dimensions".into();
    bank.dimensions.truncate(2);
    bank
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![Just(Role::Marketing), Just(Role::It), Just(Role::Other)]
}

/// Answers to the default bank's items and to items no bank has.
fn respondent() -> impl Strategy<Value = Respondent> {
    let items: Vec<String> = Bank::default_bank()
        .items()
        .map(|(_, item)| item.id.clone())
        .chain(["no-such-item".to_owned()])
        .collect();
    (
        "[a-z]{1,3}",
        role(),
        proptest::collection::vec((0..items.len(), 0u8..=5), 0..12),
    )
        .prop_map(move |(id, role, answers)| {
            let mut respondent = Respondent::new(id, role);
            for (item, value) in answers {
                respondent
                    .answers
                    .insert(items[item].clone(), Rating::new(value));
            }
            respondent
        })
}

fn screen() -> impl Strategy<Value = Screen> {
    prop_oneof![
        Just(Screen::Start),
        (0usize..120).prop_map(Screen::Step),
        Just(Screen::Report)
    ]
}

fn journey() -> impl Strategy<Value = tandem_core::Journey> {
    (proptest::option::of(respondent()), screen())
        .prop_map(|(respondent, screen)| tandem_core::Journey { respondent, screen })
}

fn turn() -> impl Strategy<Value = Option<Turn>> {
    prop_oneof![
        Just(None),
        journey().prop_map(|journey| Some(Turn::Answering(journey))),
        Just(Some(Turn::Writing {
            author: "a1".into()
        })),
        Just(Some(Turn::Voting { voter: "v1".into() })),
        Just(Some(Turn::Finished)),
    ]
}

fn workshop() -> impl Strategy<Value = Workshop> {
    (
        ("w[0-2]", bank(), 0u8..=255),
        proptest::collection::vec(proptest::sample::select(Phase::ALL.to_vec()), 0..9),
        (0usize..20, 0usize..12),
        any::<bool>(),
        turn(),
        proptest::option::of(prop_oneof![Just("t0"), Just("t1")]),
        proptest::collection::vec(respondent(), 0..4),
    )
        .prop_map(
            |((id, bank, threshold), phases, (current, shown), revealed, turn, holder, people)| {
                let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
                let mut workshop = Workshop::new(id, "Kickoff", day, bank);
                workshop.threshold = threshold;
                workshop.phases = phases;
                workshop.current = current;
                workshop.shown = shown;
                workshop.revealed = revealed;
                workshop.holder = holder.filter(|_| turn.is_some()).map(|tab| Holder {
                    tab: tab.into(),
                    turn: format!("{tab}.0"),
                });
                workshop.turn = turn;
                workshop.respondents = Rc::new(people);
                workshop
            },
        )
}

fn view() -> impl Strategy<Value = View> {
    prop_oneof![
        Just(View::SelfAssessment),
        Just(View::Workshops),
        Just(View::Proposal),
        "w[0-3]".prop_map(View::Workshop),
    ]
}

/// A state as storage, another tab or a backup could hand over: well-formed, out of range.
fn state() -> impl Strategy<Value = Tandem> {
    (
        journey(),
        proptest::collection::vec(workshop(), 0..3),
        view(),
        prop_oneof![Just("t0"), Just("t1")],
    )
        .prop_map(|(journey, list, view, tab)| Tandem {
            journey,
            workshops: Workshops {
                list,
                deleted: Vec::new(),
            },
            view,
            tab: tab.into(),
            ..Tandem::default()
        })
}

fn journey_action() -> impl Strategy<Value = Action> {
    let items: Vec<String> = Bank::default_bank()
        .items()
        .map(|(_, item)| item.id.clone())
        .collect();
    prop_oneof![
        role().prop_map(|role| Action::Begin {
            role,
            respondent_id: "me".into()
        }),
        (0..items.len(), 0u8..=5).prop_map(move |(item, value)| Action::Answer {
            item: items[item].clone(),
            answer: Rating::new(value),
        }),
        Just(Action::Next),
        Just(Action::Back),
        screen().prop_map(Action::GoTo),
        Just(Action::GoToFirstUnanswered),
        Just(Action::StartOver),
    ]
}

fn workshop_action() -> impl Strategy<Value = WorkshopAction> {
    prop_oneof![
        (0usize..20, 0u64..10_000_000)
            .prop_map(|(index, now_ms)| WorkshopAction::GoToPhase { index, now_ms }),
        (0u64..10_000_000).prop_map(|now_ms| WorkshopAction::NextPhase { now_ms }),
        (0u64..10_000_000).prop_map(|now_ms| WorkshopAction::PreviousPhase { now_ms }),
        Just(WorkshopAction::ShowNext),
        Just(WorkshopAction::ShowPrevious),
        any::<bool>().prop_map(WorkshopAction::SetAutoTimer),
        Just(WorkshopAction::Reveal),
        Just(WorkshopAction::StartTurn),
        journey_action().prop_map(WorkshopAction::Turn),
        Just(WorkshopAction::EndTurn),
        Just(WorkshopAction::FinishTurn),
        Just(WorkshopAction::StartWriting {
            author: "a2".into()
        }),
        Just(WorkshopAction::StartVoting { voter: "v2".into() }),
        (0u8..=12).prop_map(WorkshopAction::SetThreshold),
        proptest::collection::vec(proptest::sample::select(Phase::ALL.to_vec()), 0..9)
            .prop_map(WorkshopAction::SetPhases),
        Just(WorkshopAction::Norms(NormsAction::Reveal)),
        Just(WorkshopAction::Norms(NormsAction::CloseVoting)),
        // Pasted text of any kind: junk, chat, near-codes.
        "[0-9A-Z #/:,.-]{0,80}".prop_map(WorkshopAction::Receive),
        (0usize..20).prop_map(|to| WorkshopAction::Norms(NormsAction::Move {
            id: "n1".into(),
            to
        })),
    ]
}

fn action() -> impl Strategy<Value = TandemAction> {
    prop_oneof![
        4 => journey_action().prop_map(TandemAction::SelfAssessment),
        6 => ("w[0-3]", workshop_action())
            .prop_map(|(id, action)| TandemAction::Workshop { id, action }),
        1 => view().prop_map(TandemAction::Open),
        1 => "w[0-3]".prop_map(TandemAction::TakeOverTurn),
        1 => "[0-9A-Z-]{0,60}".prop_map(TandemAction::ReceiveLink),
        1 => ("[a-z ]{0,12}", "[a-z]{0,12}").prop_map(|(text, dimension)| {
            TandemAction::Proposal(NormsAction::Propose {
                id: "p1".into(),
                dimension,
                text,
                today: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            })
        }),
        1 => "w[0-3]".prop_map(|id| TandemAction::Duplicate { id, new_id: "w9".into(), locale: tandem_core::i18n::Locale::En }),
        1 => "w[0-3]".prop_map(TandemAction::Delete),
        1 => Just(TandemAction::RecordRun {
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
        }),
        1 => state().prop_map(|saved| TandemAction::Sync(Box::new(saved))),
        1 => state().prop_map(|other| {
            TandemAction::Restore(Box::new(Backup::of(&other, None)))
        }),
    ]
}

/// Everything a screen reads of a state, read.
fn read_every_view(bank: &Bank, state: &Tandem) {
    let journey = &state.journey;
    let _ = journey.progress(bank);
    let _ = journey.first_unanswered(bank);
    if let Some(document) = journey.document(bank, &tandem_core::Norms::default()) {
        let _ = document.to_json();
        let _ = export::report_markdown(&document, "Me", Locale::En);
    }
    let _ = state.open_workshop();
    let _ = state.in_turn();
    for workshop in &state.workshops.list {
        let _ = workshop.phase();
        let _ = workshop.slide();
        let report = workshop.report();
        let _ = report.starting_points();
        let document = workshop.document();
        let _ = document.to_json();
        let _ = export::answers_csv(&document, &workshop.name);
        let _ = export::summary_csv(&document, &workshop.name);
        let _ = export::report_markdown(&document, &workshop.name, Locale::En);
    }
    let runs = state.workshops.runs();
    if let Some(current) = runs.first() {
        let _ = history::trend(bank, current, &runs);
    }
}

/// The state fits its banks: what every screen may rely on.
fn fits(bank: &Bank, state: &Tandem) -> Result<(), TestCaseError> {
    prop_assert!(
        state.journey.fits(bank),
        "journey {:?}",
        state.journey.screen
    );
    for workshop in &state.workshops.list {
        prop_assert!(
            workshop.current < workshop.phases.len(),
            "phase past the agenda"
        );
        prop_assert!(
            workshop.shown < workshop.slides().len(),
            "slide past the phase's slides"
        );
        if let Some(Turn::Answering(journey)) = &workshop.turn {
            prop_assert!(journey.fits(&workshop.bank), "turn at {:?}", journey.screen);
        }
    }
    if let View::Workshop(id) = &state.view {
        prop_assert!(
            state.workshops.get(id).is_some(),
            "view of a missing workshop"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn no_state_and_no_action_stops_the_app(
        bank in bank(),
        start in state(),
        actions in proptest::collection::vec(action(), 1..16),
    ) {
        // What the app does on load: fit what storage held.
        let mut state = start;
        state.fit(&bank);
        fits(&bank, &state)?;
        read_every_view(&bank, &state);
        for action in actions {
            if let Ok(step) = state.step(&bank, action)
                && let Some(next) = step.state
            {
                state = next;
            }
            fits(&bank, &state)?;
            read_every_view(&bank, &state);
        }
    }
}

/// A backup of `state` restored into a browser with nothing, with `bank`.
fn restored_into_nothing(bank: &Bank, state: &Tandem) -> Tandem {
    let backup = Box::new(Backup::of(state, None));
    let step = Tandem::default().step(bank, TandemAction::Restore(backup));
    step.unwrap().state.unwrap()
}

/// The cases of the report, one by one: a turn at step 99, a participation at step 99, and a
/// self-assessment from the default bank at step 7 restored into an embed with two dimensions.
#[test]
fn a_step_past_the_bank_is_brought_back_into_it() {
    let small = small_bank();
    let mut turn = tandem_core::Journey {
        respondent: Some(Respondent::new("p1", Role::It)),
        screen: Screen::Step(99),
    };
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mut workshop = Workshop::new("w1", "Kickoff", day, Bank::default_bank());
    workshop.current = 1;
    workshop.turn = Some(Turn::Answering(turn.clone()));
    let stored = Tandem {
        workshops: Workshops {
            list: vec![workshop],
            deleted: Vec::new(),
        },
        view: View::Workshop("w1".into()),
        ..Tandem::default()
    };
    // From storage.
    let mut loaded = stored.clone();
    loaded.fit(&small);
    let Some(Turn::Answering(fitted)) = &loaded.workshops.list[0].turn else {
        panic!("the turn is kept");
    };
    assert_eq!(
        fitted.screen,
        Screen::Step(7),
        "the workshop's own bank has eight"
    );

    // From a backup, into a browser with nothing.
    let restored = restored_into_nothing(&small, &stored);
    let Some(Turn::Answering(fitted)) = &restored.workshops.list[0].turn else {
        panic!("the turn is restored");
    };
    assert!(fitted.fits(&restored.workshops.list[0].bank));

    // A participation on the participant's own device.
    let participation = tandem_core::assessment::Participation {
        workshop: 1,
        key: 2,
        rerated: None,
        journey: turn.clone(),
    };
    assert_eq!(
        participation.fitted_to(&small).journey.screen,
        Screen::Step(1)
    );

    // A self-assessment from the default bank at step 7, restored into a two-dimension embed.
    turn.screen = Screen::Step(7);
    let from_default = Tandem {
        journey: turn,
        ..Tandem::default()
    };
    let restored = restored_into_nothing(&small, &from_default);
    assert_eq!(restored.journey.screen, Screen::Step(1));
}

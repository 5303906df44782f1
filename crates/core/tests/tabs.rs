//! Two and three tabs of one browser, model-checked: random interleavings of what each tab's
//! facilitator and participants do and of the storage events that tell each tab what another
//! saved, run through the core's reducer and its sync exactly as the app runs them. Whatever the
//! order, no participant handed back is lost or changed, a finished turn never reopens, and no
//! turn's answers appear in another turn.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use tandem_core::{Action, Bank, Rating, Role, Screen, Tandem, TandemAction, Turn, WorkshopAction};

const WORKSHOP: &str = "w1";

/// What one tab can be asked to do.
#[derive(Debug, Clone)]
enum Op {
    StartTurn,
    Begin(Role),
    Answer {
        item: usize,
        value: u8,
    },
    Next,
    Finish,
    EndTurn,
    TakeOver,
    /// The tab is reloaded: it reads what storage holds, and is still the same tab.
    Reload,
}

#[derive(Debug, Clone)]
enum Event {
    /// Tab `tab` does `op`, then saves what changed.
    Act { tab: usize, op: Op },
    /// Tab `tab` receives the storage event of another tab's save (if one is pending).
    Deliver { tab: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => Just(Op::StartTurn),
        2 => prop_oneof![Just(Role::Marketing), Just(Role::It), Just(Role::Other)].prop_map(Op::Begin),
        6 => (0usize..6, 1u8..=5).prop_map(|(item, value)| Op::Answer { item, value }),
        1 => Just(Op::Next),
        2 => Just(Op::Finish),
        1 => Just(Op::EndTurn),
        1 => Just(Op::TakeOver),
        1 => Just(Op::Reload),
    ]
}

fn events(tabs: usize) -> impl Strategy<Value = Vec<Event>> {
    let event = prop_oneof![
        3 => (0..tabs, op()).prop_map(|(tab, op)| Event::Act { tab, op }),
        2 => (0..tabs).prop_map(|tab| Event::Deliver { tab }),
    ];
    proptest::collection::vec(event, 1..120)
}

/// The browser: each tab's state, what storage holds, and which tabs have a storage event
/// waiting. Plus what the test saw happen, to check the promises against.
struct Browser {
    bank: Bank,
    tabs: Vec<Tandem>,
    storage: Tandem,
    pending: Vec<bool>,
    fresh_ids: usize,
    /// Every participant handed back, with their answers at that moment.
    handed_back: BTreeMap<String, BTreeMap<String, Option<Rating>>>,
    /// Every value given to each item, by respondent id: a turn may only hold those.
    given: BTreeMap<String, BTreeMap<String, BTreeSet<Option<Rating>>>>,
}

impl Browser {
    fn new(tabs: usize) -> Browser {
        let bank = Bank::default_bank();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let workshop = tandem_core::Workshop::new(WORKSHOP, "Kickoff", day, bank.clone());
        let first = Tandem {
            tab: "t0".into(),
            ..Tandem::default()
        };
        let first = first
            .apply(&bank, TandemAction::Create(workshop))
            .unwrap()
            .unwrap()
            .apply(
                &bank,
                TandemAction::Workshop {
                    id: WORKSHOP.into(),
                    action: WorkshopAction::NextPhase { now_ms: 0 },
                },
            )
            .unwrap()
            .unwrap();
        let storage = stored(&first);
        // Every other tab opens later and loads what is stored.
        let mut all = vec![first];
        for n in 1..tabs {
            let mut state = storage.clone();
            state.tab = format!("t{n}");
            state.view = all[0].view.clone();
            state.fit(&bank);
            all.push(state);
        }
        Browser {
            bank,
            tabs: all,
            storage,
            pending: vec![false; tabs],
            fresh_ids: 0,
            handed_back: BTreeMap::new(),
            given: BTreeMap::new(),
        }
    }

    fn action(&mut self, tab: usize, op: &Op) -> TandemAction {
        let workshop = |action| TandemAction::Workshop {
            id: WORKSHOP.into(),
            action,
        };
        match op {
            Op::StartTurn => workshop(WorkshopAction::StartTurn),
            Op::Begin(role) => {
                self.fresh_ids += 1;
                workshop(WorkshopAction::Turn(Action::Begin {
                    role: *role,
                    respondent_id: format!("p{}", self.fresh_ids),
                }))
            }
            Op::Answer { item, value } => {
                let (_, item) = self.bank.items().nth(*item).unwrap();
                let answer = Rating::new(*value);
                if let Some(respondent) = turn_respondent(&self.tabs[tab]) {
                    self.given
                        .entry(respondent)
                        .or_default()
                        .entry(item.id.clone())
                        .or_default()
                        .insert(answer);
                }
                workshop(WorkshopAction::Turn(Action::Answer {
                    item: item.id.clone(),
                    answer,
                }))
            }
            Op::Next => workshop(WorkshopAction::Turn(Action::Next)),
            Op::Finish => workshop(WorkshopAction::Turn(Action::GoTo(Screen::Report))),
            Op::EndTurn => workshop(WorkshopAction::EndTurn),
            Op::TakeOver => TandemAction::TakeOverTurn(WORKSHOP.into()),
            Op::Reload => unreachable!("a reload is not an action"),
        }
    }

    fn run(&mut self, event: &Event) {
        match event {
            Event::Act {
                tab,
                op: Op::Reload,
            } => {
                // Someone reloads long after the storage events of the last saves arrived.
                self.settle_now();
                let mut state = self.storage.clone();
                state.tab = format!("t{tab}");
                state.view = self.tabs[*tab].view.clone();
                state.fit(&self.bank);
                self.tabs[*tab] = state;
                self.pending[*tab] = false;
            }
            Event::Act { tab, op } => {
                let before = respondents(&self.tabs[*tab]);
                let action = self.action(*tab, op);
                if let Ok(Some(next)) = self.tabs[*tab].apply(&self.bank, action) {
                    // A participant handed back in this step: remember them as they were.
                    for (id, answers) in respondents(&next) {
                        if !before.contains_key(&id) {
                            self.handed_back.insert(id, answers);
                        }
                    }
                    self.tabs[*tab] = next;
                    self.save(*tab);
                }
                // A take-over is asked for when the other tab is closed or left alone; storage
                // events arrive in milliseconds, long before anyone there acts again.
                if matches!(op, Op::TakeOver) {
                    self.settle_now();
                }
            }
            Event::Deliver { tab } => self.deliver(*tab),
        }
    }

    /// The tab saves: what storage holds becomes its state, and every other tab is told, as the
    /// browser tells them only when a value really changed.
    fn save(&mut self, tab: usize) {
        let saved = stored(&self.tabs[tab]);
        if saved != self.storage {
            self.storage = saved;
            for (other, pending) in self.pending.iter_mut().enumerate() {
                if other != tab {
                    *pending = true;
                }
            }
        }
    }

    fn deliver(&mut self, tab: usize) {
        if !std::mem::take(&mut self.pending[tab]) {
            return;
        }
        let saved = Box::new(self.storage.clone());
        // As the app does: a changed state is saved, and so is one that storage lacks part of.
        if let Ok(step) = self.tabs[tab].step(&self.bank, TandemAction::Sync(saved)) {
            let changed = step.state.is_some();
            if let Some(next) = step.state {
                self.tabs[tab] = next;
            }
            if changed || step.rewrite {
                self.save(tab);
            }
        }
    }

    fn settle_now(&mut self) {
        for _ in 0..200 {
            let Some(tab) = self.pending.iter().position(|&p| p) else {
                return;
            };
            self.deliver(tab);
        }
    }

    /// Every storage event delivered until none is left; the tabs must settle.
    fn settle(&mut self) -> Result<(), TestCaseError> {
        for _ in 0..200 {
            let Some(tab) = self.pending.iter().position(|&p| p) else {
                return Ok(());
            };
            self.deliver(tab);
        }
        Err(TestCaseError::fail(
            "the tabs keep telling each other of saves",
        ))
    }

    fn check(&self) -> Result<(), TestCaseError> {
        for (n, state) in self.tabs.iter().chain([&self.storage]).enumerate() {
            let here = respondents(state);
            for (id, answers) in &here {
                if let Some(handed) = self.handed_back.get(id) {
                    prop_assert_eq!(answers, handed, "tab {}: {} was changed", n, id);
                }
            }
            let Some(workshop) = state.workshops.get(WORKSHOP) else {
                return Err(TestCaseError::fail(format!("tab {n} lost the workshop")));
            };
            if n < self.tabs.len()
                && workshop.turn_is_held_by(&state.tab)
                && let Some(Turn::Answering(journey)) = &workshop.turn
                && let Some(respondent) = &journey.respondent
            {
                prop_assert!(
                    !self.handed_back.contains_key(&respondent.id),
                    "tab {}: the finished turn of {} reopened",
                    n,
                    respondent.id
                );
                let given = self.given.get(&respondent.id);
                for (item, answer) in &respondent.answers {
                    let was_given = given
                        .and_then(|items| items.get(item))
                        .is_some_and(|values| values.contains(answer));
                    prop_assert!(
                        was_given,
                        "tab {}: {}'s turn holds {:?} for {}, never given in it",
                        n,
                        respondent.id,
                        answer,
                        item
                    );
                }
            }
        }
        Ok(())
    }

    fn check_settled(&self) -> Result<(), TestCaseError> {
        for (n, state) in self.tabs.iter().chain([&self.storage]).enumerate() {
            let here = respondents(state);
            for (id, answers) in &self.handed_back {
                prop_assert_eq!(here.get(id), Some(answers), "tab {}: {} is missing", n, id);
            }
            prop_assert_eq!(here.len(), self.handed_back.len(), "tab {}", n);
        }
        Ok(())
    }
}

/// What a tab's save leaves in storage: the state without what is the tab's own.
fn stored(state: &Tandem) -> Tandem {
    Tandem {
        tab: String::new(),
        opened: 0,
        ..state.clone()
    }
}

fn respondents(state: &Tandem) -> BTreeMap<String, BTreeMap<String, Option<Rating>>> {
    state
        .workshops
        .get(WORKSHOP)
        .map(|workshop| {
            workshop
                .respondents
                .iter()
                .map(|r| (r.id.clone(), r.answers.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// The respondent of the turn this tab holds, if it has begun.
fn turn_respondent(state: &Tandem) -> Option<String> {
    let workshop = state.workshops.get(WORKSHOP)?;
    if !workshop.turn_is_held_by(&state.tab) {
        return None;
    }
    match &workshop.turn {
        Some(Turn::Answering(journey)) => journey.respondent.as_ref().map(|r| r.id.clone()),
        _ => None,
    }
}

fn check_interleaving(tabs: usize, events: &[Event]) -> Result<(), TestCaseError> {
    let mut browser = Browser::new(tabs);
    for event in events {
        browser.run(event);
        browser.check()?;
    }
    browser.settle()?;
    browser.check()?;
    browser.check_settled()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn two_tabs_never_lose_change_or_leak_a_participant(events in events(2)) {
        check_interleaving(2, &events)?;
    }

    #[test]
    fn three_tabs_never_lose_change_or_leak_a_participant(events in events(3)) {
        check_interleaving(3, &events)?;
    }
}

/// Two tabs press "I'm next" at the same moment and both participants answer; one tab is
/// reloaded. Neither turn is lost: storage keeps both, each with the tab that holds it.
#[test]
fn two_turns_opened_at_once_are_both_kept_through_a_reload() {
    let act = |tab, op| Event::Act { tab, op };
    let events = [
        act(0, Op::StartTurn),
        act(1, Op::StartTurn),
        act(0, Op::Begin(Role::It)),
        act(0, Op::Answer { item: 0, value: 2 }),
        act(1, Op::Begin(Role::Marketing)),
        act(1, Op::Answer { item: 1, value: 5 }),
        Event::Deliver { tab: 0 },
        Event::Deliver { tab: 1 },
        act(0, Op::Reload),
    ];
    let mut browser = Browser::new(2);
    for event in &events {
        browser.run(event);
        browser.check().unwrap();
    }
    for tab in 0..2 {
        assert_eq!(
            turn_respondent(&browser.tabs[tab]),
            Some(format!("p{}", tab + 1))
        );
    }
    for tab in [0, 1] {
        browser.run(&act(tab, Op::Finish));
    }
    browser.settle().unwrap();
    browser.check_settled().unwrap();
    assert_eq!(browser.handed_back.len(), 2);
}

/// The report that started this: tab A opens a turn, a participant answers two statements, tab
/// B opens; A's participant finishes and hands back; the next participant's turn must not come
/// back with the first one's answers, and both must be counted.
#[test]
fn a_finished_turn_does_not_come_back_from_the_other_tab() {
    let act = |tab, op| Event::Act { tab, op };
    let deliver = |tab| Event::Deliver { tab };
    let events = [
        act(0, Op::StartTurn),
        act(0, Op::Begin(Role::Marketing)),
        act(0, Op::Answer { item: 0, value: 4 }),
        act(0, Op::Answer { item: 1, value: 2 }),
        deliver(1),
        // B shows the turn as open elsewhere, and cannot answer in it.
        act(1, Op::Answer { item: 2, value: 5 }),
        act(0, Op::Finish),
        act(0, Op::EndTurn),
        deliver(1),
        deliver(0),
        act(0, Op::StartTurn),
        act(0, Op::Begin(Role::It)),
        act(0, Op::Finish),
        act(0, Op::EndTurn),
    ];
    let mut browser = Browser::new(2);
    for event in &events {
        browser.run(event);
        browser.check().unwrap();
    }
    browser.settle().unwrap();
    browser.check_settled().unwrap();
    assert_eq!(browser.handed_back.len(), 2);
    let workshop = browser.tabs[1].workshops.get(WORKSHOP).unwrap();
    assert!(!workshop.turn_is_held_by("t1"));
}

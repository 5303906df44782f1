//! Everything that can happen in the app, and what it does to the state: the web app's one
//! root reducer calls [`Tandem::step`]. Every transition is one of the pure transitions of
//! `assessment`, `norms` or `workshop`, or a merge, restore or forgetting of `sync`, `backup` and
//! `retention`, routed here. The top of the crate: nothing in it builds on this.

use crate::assessment::Action;
use crate::backup::{Backup, Restored};
use crate::bank::Bank;
use crate::code::Round;
use crate::history::History;
use crate::i18n::Locale;
use crate::norms::NormsAction;
use crate::state::{Tandem, View};
use crate::sync::Replaced;
use crate::workshop::{
    Holder, Linked, OnConflict, Receipt, Turn, Workshop, WorkshopAction, WorkshopError, Workshops,
};

/// Everything that can happen in the app.
#[derive(Debug, Clone, PartialEq)]
pub enum TandemAction {
    SelfAssessment(Action),
    /// A change to the norms drafted after the self-assessment.
    Proposal(NormsAction),
    /// Remember the finished self-assessment on screen as a run of `date`, for the trend; the
    /// same assessment recorded again (answers changed) replaces its run.
    RecordRun {
        date: chrono::NaiveDate,
    },
    Open(View),
    /// Save a new workshop and open it.
    Create(Workshop),
    /// Save a copy of workshop `id` under `new_id`, named as a copy in `locale`.
    Duplicate {
        id: String,
        new_id: String,
        locale: Locale,
    },
    Delete(String),
    Workshop {
        id: String,
        action: WorkshopAction,
    },
    /// Save a workshop read from a file (see [`Workshops::import`]).
    Import {
        workshop: Workshop,
        on_conflict: OnConflict,
    },
    /// Another tab saved: merge what it saved into this tab's state (see
    /// [`Tandem::merged_with_saved`]).
    Sync(Box<Tandem>),
    /// Keep runs and workshops for this many days (`None`: for ever).
    SetRetention(Option<u32>),
    /// Merge a backup into what is saved (see [`Tandem::restore`]).
    Restore(Box<Backup>),
    /// Forget the self-assessment and every workshop.
    DeleteEverything,
    /// A response link (`#code/…`) opened on this device: add its response to the saved
    /// workshop it belongs to and open that workshop (see [`Workshops::receive_link`]).
    ReceiveLink(String),
    /// Take over the turn open in workshop `id` in another tab or window, when the facilitator
    /// asks to (that tab was closed, or the participant moved here).
    TakeOverTurn(String),
}

/// What the self-assessment's own page may do (its entry, `self-assessment`, holds no
/// workshops and cannot change them): the subset of [`TandemAction`] it needs, so the page
/// carries none of the rest. [`Tandem::step`] routes these same actions to
/// [`Tandem::step_own`].
#[derive(Debug, Clone, PartialEq)]
pub enum OwnAction {
    /// As [`TandemAction::SelfAssessment`].
    Answer(Action),
    /// As [`TandemAction::RecordRun`].
    RecordRun { date: chrono::NaiveDate },
    /// As [`TandemAction::SetRetention`].
    SetRetention(Option<u32>),
    /// As [`TandemAction::Sync`]: on this page the state holds no workshops, and neither does
    /// what it reads back, so there is none to merge.
    Sync(Box<Tandem>),
    /// As [`TandemAction::DeleteEverything`].
    DeleteEverything,
}

/// What an action did: the new state, if it changed, and what the person should be told about
/// it (what a restored backup added, what another tab's save replaced).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Step {
    pub state: Option<Tandem>,
    pub told: Option<Told>,
    /// What storage holds lacks something this tab has (after another tab's save that did not
    /// know of it): save everything again, even when this tab's state did not change, or it
    /// would be lost once this tab closes.
    pub rewrite: bool,
}

/// What the person should be told about an action's effect on their data.
#[derive(Debug, Clone, PartialEq)]
pub enum Told {
    /// What a restored backup added.
    Restored(Restored),
    /// What another tab's later save replaced here.
    Replaced(Vec<Replaced>),
    /// What became of codes pasted into a workshop's box; shown beside the box, not as a
    /// notice.
    Received(Receipt),
    /// What a response link opened on this device did.
    Linked(Linked),
}

impl Told {
    /// The sentence to show, in `locale`.
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Told::Restored(restored) => restored.summary(locale),
            Told::Replaced(replaced) => {
                let what = replaced
                    .iter()
                    .map(|each| each.message(locale))
                    .collect::<Vec<_>>()
                    .join(", ");
                locale.format("told.replaced", &[("what", &what)])
            }
            Told::Received(receipt) => receipt
                .received
                .iter()
                .map(|received| received.message(locale))
                .collect::<Vec<_>>()
                .join("\n"),
            Told::Linked(linked) => linked.message(locale),
        }
    }
}

impl Tandem {
    /// [`Tandem::merged_with_saved`], with what replaced versions the person should be told of.
    #[must_use]
    pub fn synced_with(&self, saved: &Tandem) -> (Tandem, Option<Told>) {
        let (merged, replaced) = self.merged_with_saved(saved);
        let told = (!replaced.is_empty()).then_some(Told::Replaced(replaced));
        (merged, told)
    }

    /// The state after `action`; `Ok(None)` when nothing changes.
    ///
    /// # Errors
    /// [`WorkshopError`] when a workshop change is refused; nothing changes then.
    pub fn apply(
        &self,
        bank: &Bank,
        action: TandemAction,
    ) -> Result<Option<Tandem>, WorkshopError> {
        self.step(bank, action).map(|step| step.state)
    }

    /// [`Tandem::apply`], with what the person should be told.
    ///
    /// # Errors
    /// As [`Tandem::apply`].
    pub fn step(&self, bank: &Bank, action: TandemAction) -> Result<Step, WorkshopError> {
        let mut next = self.clone();
        let mut told = None;
        let rewrite = false;
        match action {
            TandemAction::SelfAssessment(action) => {
                return Ok(self.step_own(bank, OwnAction::Answer(action)));
            }
            TandemAction::Proposal(action) => {
                let Some(proposed) = self.with_proposal(bank, action)? else {
                    return Ok(Step::default());
                };
                next = proposed;
            }
            TandemAction::RecordRun { date } => {
                return Ok(self.step_own(bank, OwnAction::RecordRun { date }));
            }
            TandemAction::Open(view) => {
                if let View::Workshop(id) = &view
                    && self.workshops.get(id).is_none()
                {
                    return Ok(Step::default());
                }
                next.view = view;
            }
            TandemAction::Create(workshop) => {
                if workshop.name.trim().is_empty() {
                    return Err(WorkshopError::EmptyName);
                }
                next.view = View::Workshop(workshop.id.clone());
                next.workshops = self.workshops.with(workshop);
            }
            TandemAction::Duplicate { id, new_id, locale } => {
                let Some(original) = self.workshops.get(&id) else {
                    return Ok(Step::default());
                };
                let copy = original.duplicate(new_id, original.copy_name(locale));
                next.workshops = self.workshops.with(copy);
            }
            TandemAction::Delete(id) => {
                let Some(workshops) = self.workshops.without(&id) else {
                    return Ok(Step::default());
                };
                next.workshops = workshops;
                if self.view == View::Workshop(id) {
                    next.view = View::Workshops;
                }
            }
            TandemAction::Workshop {
                id,
                action: WorkshopAction::Receive(text),
            } => (next.workshops, told) = self.with_codes(&id, Round::First, &text),
            TandemAction::Workshop {
                id,
                action: WorkshopAction::ReceiveAgain(text),
            } => (next.workshops, told) = self.with_codes(&id, Round::Second, &text),
            TandemAction::Workshop { id, action } => {
                let Some((workshops, opened)) = self.in_workshop(&id, action)? else {
                    return Ok(Step::default());
                };
                (next.workshops, next.opened) = (workshops, opened);
            }
            TandemAction::ReceiveLink(text) => {
                let linked;
                (next, linked) = self.with_link(bank, &text);
                told = Some(Told::Linked(linked));
            }
            TandemAction::TakeOverTurn(id) => {
                let Some(workshops) = self.workshops.with_turn_taken_over(&id, &self.tab) else {
                    return Ok(Step::default());
                };
                next.workshops = workshops;
            }
            TandemAction::Import {
                workshop,
                on_conflict,
            } => next.workshops = self.workshops.import(workshop, on_conflict),
            TandemAction::Restore(backup) => {
                let (restored, what) = self.restore(*backup);
                (next, told) = (restored, Some(Told::Restored(what)));
            }
            TandemAction::SetRetention(days) => {
                return Ok(self.step_own(bank, OwnAction::SetRetention(days)));
            }
            TandemAction::Sync(saved) => return Ok(self.step_own(bank, OwnAction::Sync(saved))),
            TandemAction::DeleteEverything => {
                return Ok(self.step_own(bank, OwnAction::DeleteEverything));
            }
        }
        // Whatever came in (another tab's save, a backup, a file) is fitted before it is used.
        next.fit(bank);
        Ok(Step {
            state: (next != *self).then_some(next),
            told,
            rewrite,
        })
    }

    /// What an [`OwnAction`] does: the self-assessment's page calls this, and [`Tandem::step`]
    /// routes the same actions here, so both follow one rule. Never refused.
    #[must_use]
    pub fn step_own(&self, bank: &Bank, action: OwnAction) -> Step {
        let mut next = self.clone();
        let mut told = None;
        let mut rewrite = false;
        match action {
            OwnAction::Answer(action) => {
                let Some(journey) = self.journey.apply(bank, action) else {
                    return Step::default();
                };
                next.journey = journey;
                next.view = View::SelfAssessment;
            }
            OwnAction::RecordRun { date } => {
                let Some(history) = self.with_run(bank, date) else {
                    return Step::default();
                };
                next.history = history;
            }
            OwnAction::SetRetention(days) => next.retention.days = days,
            OwnAction::Sync(saved) => {
                (next, told) = self.synced_with(&saved);
                next.fit(bank);
                rewrite = next.lasting() != saved.lasting();
            }
            OwnAction::DeleteEverything => next = Tandem::default(),
        }
        next.fit(bank);
        Step {
            state: (next != *self).then_some(next),
            told,
            rewrite,
        }
    }

    /// The state after a change to the norms drafted after the self-assessment, shown;
    /// `Ok(None)` when nothing changes.
    fn with_proposal(
        &self,
        bank: &Bank,
        action: NormsAction,
    ) -> Result<Option<Tandem>, WorkshopError> {
        let Some(proposal) = self.proposal.apply(bank, action)? else {
            return Ok(None);
        };
        let mut next = self.clone();
        // The norms drafted after a self-assessment belong to its run: the next run's trend
        // names them where a dimension moved.
        if let Some(respondent) = &self.journey.respondent
            && let Some(run) = next.history.runs.iter_mut().find(|r| r.id == respondent.id)
        {
            run.norms = crate::history::adopted(&proposal);
        }
        next.proposal = proposal;
        next.view = View::Proposal;
        Ok(Some(next))
    }

    /// The state after a response link opened here: its response added to the workshop it
    /// belongs to, which opens; and what happened.
    fn with_link(&self, bank: &Bank, text: &str) -> (Tandem, Linked) {
        let mut next = self.clone();
        let (workshops, linked) = self.workshops.receive_link(bank, text);
        if let Some(workshops) = workshops {
            next.workshops = workshops;
        }
        if let Linked::Arrived { workshop, .. } = &linked {
            next.view = View::Workshop(workshop.clone());
        }
        (next, linked)
    }

    /// The history with the finished self-assessment on screen recorded as a run of `date`
    /// (the date it was first finished stays its date); `None` when it is not finished.
    fn with_run(&self, bank: &Bank, date: chrono::NaiveDate) -> Option<History> {
        let (crate::assessment::Screen::Report, Some(respondent)) =
            (self.journey.screen, &self.journey.respondent)
        else {
            return None;
        };
        let run = self.history.run_for(bank, respondent, &self.proposal, date);
        Some(self.history.with(run))
    }

    /// The workshops with the codes in `text` received in workshop `id`, decoded once, and
    /// what became of each: said whether or not anything changed. Nothing to say when there is
    /// no such workshop.
    fn with_codes(&self, id: &str, round: Round, text: &str) -> (Workshops, Option<Told>) {
        let Some(workshop) = self.workshops.get(id) else {
            return (self.workshops.clone(), None);
        };
        let (after, received) = workshop.receive_in(round, text);
        let receipt = Receipt {
            workshop: id.to_owned(),
            round,
            received,
        };
        (
            self.workshops.replaced(after),
            Some(Told::Received(receipt)),
        )
    }

    /// The workshops after `action` in workshop `id`, and the count of turns this tab opened;
    /// `Ok(None)` when nothing changes.
    fn in_workshop(
        &self,
        id: &str,
        action: WorkshopAction,
    ) -> Result<Option<(Workshops, u32)>, WorkshopError> {
        let Some(workshop) = self.workshops.get(id) else {
            return Ok(None);
        };
        // A turn belongs to the tab that holds it: nobody else answers in it, ends it or opens
        // another beside it.
        if workshop.turn_is_elsewhere(&self.tab) && touches_turn(&action, workshop) {
            return Ok(None);
        }
        let opens = matches!(
            action,
            WorkshopAction::StartTurn
                | WorkshopAction::StartWriting { .. }
                | WorkshopAction::StartVoting { .. }
        );
        let before = workshop.turn.clone();
        let Some(mut workshops) = self.workshops.update(id, action)? else {
            return Ok(None);
        };
        let mut opened = self.opened;
        // A turn opened here is held here, under a new id; so is a turn from before turns had
        // holders, once this tab acts in it.
        if let Some(changed) = workshops.list.iter_mut().find(|w| w.id == id)
            && changed.turn.is_some()
            && ((opens && changed.turn != before) || changed.holder.is_none())
        {
            changed.holder = Some(Holder {
                tab: self.tab.clone(),
                turn: format!("{}.{}", self.tab, self.opened),
            });
            opened += 1;
        }
        Ok(Some((workshops, opened)))
    }
}

/// Whether `action` acts in the open turn of `workshop` (answers, writes or votes in it, ends
/// it, or would open another), rather than being the facilitator's own.
fn touches_turn(action: &WorkshopAction, workshop: &Workshop) -> bool {
    match action {
        WorkshopAction::Turn(_)
        | WorkshopAction::EndTurn
        | WorkshopAction::FinishTurn
        | WorkshopAction::StartTurn
        | WorkshopAction::StartWriting { .. }
        | WorkshopAction::StartVoting { .. } => true,
        WorkshopAction::Norms(NormsAction::Add { author, .. }) => {
            matches!(&workshop.turn, Some(Turn::Writing { author: writer }) if writer == author)
        }
        WorkshopAction::Norms(
            NormsAction::CastVote { voter, .. } | NormsAction::TakeBackVote { voter, .. },
        ) => matches!(&workshop.turn, Some(Turn::Voting { voter: v }) if v == voter),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::respondent::Role;

    fn date() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
    }

    fn with_workshop() -> Tandem {
        let bank = Bank::default_bank();
        let workshop = Workshop::new("w1", "Kickoff", date(), bank.clone());
        Tandem::default()
            .apply(&bank, TandemAction::Create(workshop))
            .unwrap()
            .unwrap()
    }

    #[test]
    fn creating_a_workshop_saves_and_opens_it() {
        let state = with_workshop();
        assert_eq!(state.view, View::Workshop("w1".into()));
        assert_eq!(
            state.open_workshop().map(|w| w.name.as_str()),
            Some("Kickoff")
        );
    }

    #[test]
    fn a_nameless_workshop_is_refused() {
        let bank = Bank::default_bank();
        let workshop = Workshop::new("w1", " ", date(), bank.clone());
        assert_eq!(
            Tandem::default().apply(&bank, TandemAction::Create(workshop)),
            Err(WorkshopError::EmptyName)
        );
    }

    #[test]
    fn deleting_the_open_workshop_returns_to_the_list() {
        let bank = Bank::default_bank();
        let state = with_workshop()
            .apply(&bank, TandemAction::Delete("w1".into()))
            .unwrap()
            .unwrap();
        assert!(state.workshops.list.is_empty());
        assert_eq!(state.view, View::Workshops);
        assert_eq!(
            state.apply(&bank, TandemAction::Delete("w1".into())),
            Ok(None)
        );
    }

    #[test]
    fn the_turn_a_tab_holds_is_its_own_and_no_other_tabs() {
        let bank = Bank::default_bank();
        let mut state = with_workshop();
        state.tab = "a".into();
        assert_eq!(state.held_turn(), None, "no turn is open");
        let in_w1 = |action| TandemAction::Workshop {
            id: "w1".into(),
            action,
        };
        for action in [
            WorkshopAction::NextPhase { now_ms: 0 },
            WorkshopAction::StartTurn,
        ] {
            state = state.apply(&bank, in_w1(action)).unwrap().unwrap();
        }
        assert_eq!(state.held_turn(), Some("w1"));
        state.tab = "b".into();
        assert_eq!(state.held_turn(), None, "another tab's turn");
    }

    #[test]
    fn opening_a_missing_workshop_changes_nothing() {
        let bank = Bank::default_bank();
        let open = TandemAction::Open(View::Workshop("nope".into()));
        assert_eq!(Tandem::default().apply(&bank, open), Ok(None));
    }

    #[test]
    fn self_assessment_actions_reach_the_journey_and_show_it() {
        let bank = Bank::default_bank();
        let begin = Action::Begin {
            role: Role::It,
            respondent_id: "me".into(),
        };
        let state = with_workshop()
            .apply(&bank, TandemAction::SelfAssessment(begin))
            .unwrap()
            .unwrap();
        assert_eq!(state.view, View::SelfAssessment);
        assert!(state.journey.respondent.is_some());
        assert_eq!(state.workshops.list.len(), 1, "workshops are untouched");
    }

    #[test]
    fn workshop_actions_reach_the_named_workshop_and_duplicates_get_a_new_name() {
        let bank = Bank::default_bank();
        let state = with_workshop()
            .apply(
                &bank,
                TandemAction::Workshop {
                    id: "w1".into(),
                    action: WorkshopAction::NextPhase { now_ms: 0 },
                },
            )
            .unwrap()
            .unwrap()
            .apply(
                &bank,
                TandemAction::Duplicate {
                    id: "w1".into(),
                    new_id: "w2".into(),
                    locale: Locale::En,
                },
            )
            .unwrap()
            .unwrap();
        assert_eq!(state.workshops.list[0].current, 1);
        assert_eq!(state.workshops.list[1].name, "Kickoff (copy)");
        let mut named = state.workshops.list[0].clone();
        named.name = "x".repeat(crate::workshop::NAME_MAX);
        let copy = named.copy_name(Locale::De);
        assert_eq!(copy.chars().count(), crate::workshop::NAME_MAX);
        assert!(copy.ends_with("x\u{2026} (Kopie)"), "{copy}");
        assert_eq!(state.workshops.list[1].current, 0);
    }

    #[test]
    fn drafted_norms_survive_starting_over_and_go_with_delete_everything() {
        let bank = Bank::default_bank();
        let add = TandemAction::Proposal(NormsAction::Add {
            id: "n1".into(),
            author: "me".into(),
            dimension: "kpis".into(),
            text: "One KPI glossary".into(),
        });
        let drafted = with_workshop().apply(&bank, add).unwrap().unwrap();
        assert_eq!(drafted.view, View::Proposal);
        assert_eq!(drafted.proposal.ideas.len(), 1);
        let restarted = drafted
            .apply(&bank, TandemAction::SelfAssessment(Action::StartOver))
            .unwrap()
            .unwrap_or_else(|| drafted.clone());
        assert_eq!(restarted.proposal, drafted.proposal);
        let deleted = drafted
            .apply(&bank, TandemAction::DeleteEverything)
            .unwrap()
            .unwrap();
        assert!(deleted.proposal.is_empty());
    }

    #[test]
    fn a_finished_self_assessment_is_recorded_once_with_the_date_it_was_first_finished() {
        let bank = Bank::default_bank();
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
        let record =
            |state: &Tandem, d| state.apply(&bank, TandemAction::RecordRun { date: day(d) });
        assert_eq!(
            record(&Tandem::default(), 1),
            Ok(None),
            "nothing finished yet"
        );
        let mut state = Tandem::default();
        for action in [
            Action::Begin {
                role: Role::It,
                respondent_id: "me".into(),
            },
            Action::Answer {
                item: bank.dimensions[0].items[0].id.clone(),
                answer: crate::respondent::Rating::new(4),
            },
            Action::GoTo(crate::assessment::Screen::Report),
        ] {
            state = state
                .apply(&bank, TandemAction::SelfAssessment(action))
                .unwrap()
                .unwrap();
        }
        let recorded = record(&state, 1).unwrap().unwrap();
        assert_eq!(recorded.history.runs.len(), 1);
        assert_eq!(recorded.history.runs[0].date, day(1));
        assert_eq!(record(&recorded, 9), Ok(None), "the same run, unchanged");
        // Norms drafted afterwards are remembered with the run.
        let drafted = recorded
            .apply(
                &bank,
                TandemAction::Proposal(NormsAction::Add {
                    id: "n1".into(),
                    author: "me".into(),
                    dimension: "kpis".into(),
                    text: "One glossary".into(),
                }),
            )
            .unwrap()
            .unwrap()
            .apply(
                &bank,
                TandemAction::Proposal(NormsAction::Agree {
                    id: "n1".into(),
                    agreement: Some(crate::norms::Agreement {
                        owner: crate::norms::Owner::Both,
                        review: day(30),
                        status: crate::norms::Status::Proposed,
                    }),
                }),
            )
            .unwrap()
            .unwrap();
        assert_eq!(drafted.history.runs[0].norms[0].text, "One glossary");
    }

    #[test]
    fn delete_everything_forgets_answers_and_workshops() {
        let bank = Bank::default_bank();
        let state = with_workshop()
            .apply(&bank, TandemAction::DeleteEverything)
            .unwrap()
            .unwrap();
        assert_eq!(state, Tandem::default());
    }
}

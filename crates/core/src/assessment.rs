//! The self-assessment journey as pure state transitions: choose a function, answer one
//! dimension per step, see the report. The web app's root reducer calls [`Journey::apply`] and
//! nothing else changes this state; saving it is the app's business, not this module's.

use serde::{Deserialize, Serialize};

use crate::bank::{Bank, Item};
use crate::code;
use crate::document::WorkshopDocument;
use crate::norms::Norms;
use crate::respondent::{Rating, Respondent, Role};

/// Where the person is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Screen {
    /// What Tandem is, and the choice of function.
    #[default]
    Start,
    /// The statements of one dimension, by index in the bank.
    Step(usize),
    Report,
}

/// Everything a person can do in the self-assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Choose (or change) one's function and go to the first step. The id is used only when no
    /// respondent exists yet; it comes from outside because the core has no randomness.
    Begin {
        role: Role,
        respondent_id: String,
    },
    /// Rate an item, or `None` for "don't know".
    Answer {
        item: String,
        answer: Option<Rating>,
    },
    /// Estimate how the other function rates a dimension, or `None` to withdraw the estimate.
    Estimate {
        dimension: String,
        estimate: Option<Rating>,
    },
    Next,
    Back,
    GoTo(Screen),
    /// Go to the step holding the first unanswered item.
    GoToFirstUnanswered,
    /// Forget every answer and return to the start.
    StartOver,
}

/// How far through the bank the respondent is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

/// The whole state of a self-assessment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Journey {
    pub respondent: Option<Respondent>,
    pub screen: Screen,
}

impl Journey {
    /// The state after `action`, or `None` when the action changes nothing (so the caller can
    /// keep the old state and skip a re-render and a save).
    #[must_use]
    pub fn apply(&self, bank: &Bank, action: Action) -> Option<Journey> {
        let last_step = bank.dimensions.len().checked_sub(1)?;
        let mut next = self.clone();
        match action {
            Action::Begin {
                role,
                respondent_id,
            } => {
                let respondent = next
                    .respondent
                    .get_or_insert_with(|| Respondent::new(respondent_id, role));
                respondent.role = role;
                if role == Role::Other {
                    respondent.estimates.clear();
                }
                next.screen = Screen::Step(0);
            }
            Action::Answer { item, answer } => {
                bank.item(&item)?;
                let respondent = next.respondent.as_mut()?;
                respondent.answers.insert(item, answer);
            }
            Action::Estimate {
                dimension,
                estimate,
            } => {
                bank.dimension_index(&dimension)?;
                let respondent = next.respondent.as_mut()?;
                respondent.role.other_side()?;
                match estimate {
                    Some(rating) => respondent.estimates.insert(dimension, rating),
                    None => respondent.estimates.remove(&dimension),
                };
            }
            Action::Next => {
                next.screen = match self.screen {
                    Screen::Step(step) if step < last_step => Screen::Step(step + 1),
                    Screen::Step(_) => Screen::Report,
                    Screen::Start | Screen::Report => return None,
                };
            }
            Action::Back => {
                next.screen = match self.screen {
                    Screen::Step(0) => Screen::Start,
                    Screen::Step(step) => Screen::Step(step - 1),
                    Screen::Report => Screen::Step(last_step),
                    Screen::Start => return None,
                };
            }
            Action::GoTo(screen) => {
                let allowed = match screen {
                    Screen::Start => true,
                    Screen::Step(step) => step <= last_step && self.respondent.is_some(),
                    Screen::Report => self.respondent.is_some(),
                };
                if !allowed {
                    return None;
                }
                next.screen = screen;
            }
            Action::GoToFirstUnanswered => {
                let (step, _) = self.respondent.as_ref()?.first_unanswered(bank)?;
                next.screen = Screen::Step(step);
            }
            Action::StartOver => next = Journey::default(),
        }
        (next != *self).then_some(next)
    }

    /// A journey read back from storage, made safe for this bank: a step past the end (the bank
    /// got shorter) becomes the last step. Answers to items the bank no longer has are kept, and
    /// simply not scored.
    #[must_use]
    pub fn fitted_to(mut self, bank: &Bank) -> Journey {
        match self.screen {
            _ if self.respondent.is_none() => self.screen = Screen::Start,
            Screen::Step(step) if step >= bank.dimensions.len() => {
                self.screen = Screen::Step(bank.dimensions.len().saturating_sub(1));
            }
            _ => {}
        }
        self
    }

    /// Whether the journey can be shown with `bank` as it is: [`Journey::fitted_to`] changes
    /// nothing.
    #[must_use]
    pub fn fits(&self, bank: &Bank) -> bool {
        match self.screen {
            _ if self.respondent.is_none() => self.screen == Screen::Start,
            Screen::Step(step) => step < bank.dimensions.len(),
            Screen::Start | Screen::Report => true,
        }
    }

    /// The first item in bank order without an answer ("don't know" counts as an answer).
    #[must_use]
    pub fn first_unanswered<'b>(&self, bank: &'b Bank) -> Option<(usize, &'b Item)> {
        match &self.respondent {
            Some(respondent) => respondent.first_unanswered(bank),
            None => bank.items().next(),
        }
    }

    #[must_use]
    pub fn progress(&self, bank: &Bank) -> Progress {
        let answered = self.respondent.as_ref().map_or(0, |respondent| {
            bank.dimensions
                .iter()
                .map(|dimension| respondent.answered_in(dimension))
                .sum()
        });
        Progress {
            answered,
            total: bank.item_count(),
        }
    }

    /// The respondent's answers as a one-person workshop document with the norms they drafted
    /// after it, ready to score or export.
    #[must_use]
    pub fn document(&self, bank: &Bank, norms: &Norms) -> Option<WorkshopDocument> {
        let respondent = self.respondent.as_ref()?;
        Some(WorkshopDocument::self_assessment(bank, respondent, norms))
    }
}

/// A participant answering on their own device: their journey, the workshop it is for and the
/// random key that makes them one respondent however often their code is imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation {
    pub workshop: u32,
    pub key: u32,
    /// For the second round (answering again after discussion): the ids of the dimensions
    /// re-rated, as the second-round join link carries them; the journey then runs over only
    /// those ([`Participation::bank`]). `None` in the first round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rerated: Option<Vec<String>>,
    pub journey: Journey,
}

impl Participation {
    /// A participation for `workshop`; `key` comes from outside (the core has no randomness).
    #[must_use]
    pub fn new(workshop: u32, key: u32) -> Self {
        Participation {
            workshop,
            key: code::respondent_key(key),
            rerated: None,
            journey: Journey::default(),
        }
    }

    /// A second-round participation for `workshop`, answering the dimensions `rerated` again.
    #[must_use]
    pub fn second(workshop: u32, key: u32, rerated: Vec<String>) -> Self {
        Participation {
            rerated: Some(rerated),
            ..Participation::new(workshop, key)
        }
    }

    /// The round this participation answers.
    #[must_use]
    pub fn round(&self) -> code::Round {
        if self.rerated.is_some() {
            code::Round::Second
        } else {
            code::Round::First
        }
    }

    /// What the participant answers, from the workshop's `bank`: all of it in the first round,
    /// the re-rated dimensions in the second. The journey's steps count in this bank.
    #[must_use]
    pub fn bank(&self, bank: &Bank) -> Bank {
        match &self.rerated {
            Some(rerated) => bank.only(rerated),
            None => bank.clone(),
        }
    }

    /// The participation made safe to show with `bank`, however it was stored (see
    /// [`Journey::fitted_to`]).
    #[must_use]
    pub fn fitted_to(mut self, bank: &Bank) -> Participation {
        self.journey = self.journey.fitted_to(bank);
        self
    }

    /// The participation after `action`, exactly as in a self-assessment, over `bank` as
    /// [`Participation::bank`] gives it; `None` when nothing changes. The respondent's id always
    /// follows from the key. A second round takes no estimates.
    #[must_use]
    pub fn apply(&self, bank: &Bank, action: Action) -> Option<Participation> {
        let action = match action {
            Action::Begin { role, .. } => Action::Begin {
                role,
                respondent_id: code::respondent_id(self.key),
            },
            Action::Estimate { .. } if self.rerated.is_some() => return None,
            other => other,
        };
        let journey = self.journey.apply(bank, action)?;
        Some(Participation {
            journey,
            ..self.clone()
        })
    }

    /// The response code for the workshop's whole `bank`, once the participant has finished.
    #[must_use]
    pub fn code(&self, bank: &Bank) -> Option<String> {
        if self.journey.screen != Screen::Report {
            return None;
        }
        let mut respondent = self.journey.respondent.clone()?;
        if self.rerated.is_some() {
            // Only the re-rated dimensions' answers, and no estimates, belong to a second round
            // (a participant whose link changed may have answered others before).
            let given = std::mem::take(&mut respondent.answers);
            for (_, item) in self.bank(bank).items() {
                if let Some(answer) = given.get(&item.id) {
                    respondent.answers.insert(item.id.clone(), *answer);
                }
            }
            respondent.estimates.clear();
        }
        Some(code::encode(
            bank,
            &code::Response {
                round: self.round(),
                workshop: self.workshop,
                key: self.key,
                respondent,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> Bank {
        Bank::default_bank()
    }

    fn begun(role: Role) -> Journey {
        Journey::default()
            .apply(
                &bank(),
                Action::Begin {
                    role,
                    respondent_id: "me".into(),
                },
            )
            .unwrap()
    }

    fn rating(value: u8) -> Option<Rating> {
        Rating::new(value)
    }

    #[test]
    fn beginning_creates_the_respondent_and_opens_the_first_step() {
        let journey = begun(Role::Marketing);
        assert_eq!(journey.screen, Screen::Step(0));
        let respondent = journey.respondent.unwrap();
        assert_eq!(
            (respondent.id.as_str(), respondent.role),
            ("me", Role::Marketing)
        );
    }

    #[test]
    fn changing_function_keeps_the_answers_and_the_id() {
        let bank = bank();
        let item = bank.dimensions[0].items[0].id.clone();
        let journey = begun(Role::Marketing)
            .apply(
                &bank,
                Action::Answer {
                    item: item.clone(),
                    answer: rating(4),
                },
            )
            .unwrap()
            .apply(
                &bank,
                Action::Begin {
                    role: Role::It,
                    respondent_id: "other-id".into(),
                },
            )
            .unwrap();
        let respondent = journey.respondent.unwrap();
        assert_eq!(respondent.id, "me");
        assert_eq!(respondent.role, Role::It);
        assert_eq!(respondent.answers.get(&item), Some(&rating(4)));
    }

    #[test]
    fn an_answer_is_recorded_and_repeating_it_changes_nothing() {
        let bank = bank();
        let item = bank.dimensions[0].items[1].id.clone();
        let once = begun(Role::It)
            .apply(
                &bank,
                Action::Answer {
                    item: item.clone(),
                    answer: None,
                },
            )
            .unwrap();
        assert_eq!(
            once.respondent.as_ref().unwrap().answers.get(&item),
            Some(&None)
        );
        assert_eq!(
            once.apply(&bank, Action::Answer { item, answer: None }),
            None
        );
    }

    #[test]
    fn answers_to_unknown_items_and_before_beginning_are_ignored() {
        let bank = bank();
        let unknown = Action::Answer {
            item: "nope".into(),
            answer: rating(3),
        };
        assert_eq!(begun(Role::It).apply(&bank, unknown), None);
        let early = Action::Answer {
            item: bank.dimensions[0].items[0].id.clone(),
            answer: rating(3),
        };
        assert_eq!(Journey::default().apply(&bank, early), None);
    }

    #[test]
    fn estimates_can_be_given_and_withdrawn_but_not_by_other_functions() {
        let bank = bank();
        let dimension = bank.dimensions[2].id.clone();
        let give = Action::Estimate {
            dimension: dimension.clone(),
            estimate: rating(2),
        };
        let given = begun(Role::Marketing).apply(&bank, give.clone()).unwrap();
        assert_eq!(
            given.respondent.as_ref().unwrap().estimates.get(&dimension),
            rating(2).as_ref()
        );
        let withdrawn = given
            .apply(
                &bank,
                Action::Estimate {
                    dimension,
                    estimate: None,
                },
            )
            .unwrap();
        assert!(withdrawn.respondent.unwrap().estimates.is_empty());
        assert_eq!(begun(Role::Other).apply(&bank, give), None);
    }

    #[test]
    fn becoming_another_function_drops_estimates() {
        let bank = bank();
        let give = Action::Estimate {
            dimension: bank.dimensions[0].id.clone(),
            estimate: rating(5),
        };
        let journey = begun(Role::It)
            .apply(&bank, give)
            .unwrap()
            .apply(
                &bank,
                Action::Begin {
                    role: Role::Other,
                    respondent_id: String::new(),
                },
            )
            .unwrap();
        assert!(journey.respondent.unwrap().estimates.is_empty());
    }

    #[test]
    fn next_and_back_walk_the_steps_and_bracket_them_with_start_and_report() {
        let bank = bank();
        let last = bank.dimensions.len() - 1;
        let mut journey = begun(Role::It);
        for step in 1..=last {
            journey = journey.apply(&bank, Action::Next).unwrap();
            assert_eq!(journey.screen, Screen::Step(step));
        }
        journey = journey.apply(&bank, Action::Next).unwrap();
        assert_eq!(journey.screen, Screen::Report);
        assert_eq!(journey.apply(&bank, Action::Next), None);
        journey = journey.apply(&bank, Action::Back).unwrap();
        assert_eq!(journey.screen, Screen::Step(last));
        let first = journey.apply(&bank, Action::GoTo(Screen::Step(0))).unwrap();
        assert_eq!(
            first.apply(&bank, Action::Back).unwrap().screen,
            Screen::Start
        );
    }

    #[test]
    fn going_to_a_step_needs_a_respondent_and_a_real_step() {
        let bank = bank();
        assert_eq!(
            Journey::default().apply(&bank, Action::GoTo(Screen::Step(0))),
            None
        );
        assert_eq!(
            Journey::default().apply(&bank, Action::GoTo(Screen::Report)),
            None
        );
        let journey = begun(Role::It);
        let past_end = Screen::Step(bank.dimensions.len());
        assert_eq!(journey.apply(&bank, Action::GoTo(past_end)), None);
    }

    #[test]
    fn start_over_forgets_everything() {
        let bank = bank();
        let journey = begun(Role::It).apply(&bank, Action::StartOver).unwrap();
        assert_eq!(journey, Journey::default());
        assert_eq!(journey.apply(&bank, Action::StartOver), None);
    }

    #[test]
    fn first_unanswered_skips_answered_and_dont_know() {
        let bank = bank();
        let first = bank.dimensions[0].items[0].id.clone();
        let journey = begun(Role::It)
            .apply(
                &bank,
                Action::Answer {
                    item: first,
                    answer: None,
                },
            )
            .unwrap();
        let (step, item) = journey.first_unanswered(&bank).unwrap();
        assert_eq!((step, &item.id), (0, &bank.dimensions[0].items[1].id));
        assert_eq!(journey.progress(&bank).answered, 1);
        assert_eq!(journey.progress(&bank).total, bank.item_count());
    }

    #[test]
    fn a_stored_journey_is_fitted_to_a_shorter_bank() {
        let bank = bank();
        let mut journey = begun(Role::It);
        journey.screen = Screen::Step(99);
        assert_eq!(
            journey.fitted_to(&bank).screen,
            Screen::Step(bank.dimensions.len() - 1)
        );
        let orphan = Journey {
            respondent: None,
            screen: Screen::Report,
        };
        assert_eq!(orphan.fitted_to(&bank).screen, Screen::Start);
    }

    #[test]
    fn going_to_the_first_unanswered_item_opens_its_step() {
        let bank = bank();
        let mut journey = begun(Role::It);
        for item in &bank.dimensions[0].items {
            journey = journey
                .apply(
                    &bank,
                    Action::Answer {
                        item: item.id.clone(),
                        answer: rating(3),
                    },
                )
                .unwrap();
        }
        journey = journey.apply(&bank, Action::GoTo(Screen::Report)).unwrap();
        let resumed = journey.apply(&bank, Action::GoToFirstUnanswered).unwrap();
        assert_eq!(resumed.screen, Screen::Step(1));
        assert_eq!(
            Journey::default().apply(&bank, Action::GoToFirstUnanswered),
            None
        );
    }
}

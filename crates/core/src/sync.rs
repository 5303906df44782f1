//! Two tabs on one browser: when another tab saves, its state is merged into this one's so
//! neither overwrites the other's work. Records are merged by id (workshops, respondents, runs,
//! norms, answers). For the same record changed in both, the other tab's version wins, being
//! the later save, and the one it replaced is named so the person is told rather than losing it
//! silently.

use crate::assessment::Journey;
use crate::convergence::Rerate;
use crate::history::History;
use crate::i18n::Locale;
use crate::merge::{self, Wins};
use crate::norms::Norms;
use crate::state::Tandem;
use crate::workshop::{Workshop, Workshops};

impl Tandem {
    /// This tab's state with `saved` (what another tab just saved) merged in, and a line for
    /// each record of this tab that the other tab's later version replaced. The open view stays
    /// this tab's own.
    #[must_use]
    pub fn merged_with_saved(&self, saved: &Tandem) -> (Tandem, Vec<Replaced>) {
        // Nothing saved at all: the other tab deleted everything, which this tab follows.
        if *saved == Tandem::default() {
            return (
                Tandem {
                    view: self.view.clone(),
                    tab: self.tab.clone(),
                    opened: self.opened,
                    ..Tandem::default()
                },
                Vec::new(),
            );
        }
        let mut replaced = Vec::new();
        let merged = Tandem {
            journey: merge_journey(&self.journey, &saved.journey, &mut replaced),
            proposal: merge_norms(&self.proposal, &saved.proposal, &mut replaced),
            history: merge_history(&self.history, &saved.history),
            workshops: merge_workshops(&self.workshops, &saved.workshops, &self.tab, &mut replaced),
            // A setting is the other tab's later word, and participations are the participant's
            // page's: what storage holds is theirs.
            retention: saved.retention,
            participations: saved.participations.clone(),
            view: self.view.clone(),
            tab: self.tab.clone(),
            opened: self.opened,
        };
        (merged, replaced)
    }
}

/// A record of this tab that another tab's later save replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replaced {
    /// An answer in the self-assessment, by item id.
    Answer { item: String },
    /// The whole self-assessment, started over in the other tab.
    SelfAssessment,
    /// A drafted or workshop norm, by its text.
    Norm { text: String },
    /// One participant's answers in a workshop, by the workshop's name.
    Participant { workshop: String },
}

impl Replaced {
    /// What was replaced, in `locale`.
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Replaced::Answer { item } => locale.format("replaced.answer", &[("item", item)]),
            Replaced::SelfAssessment => locale.text("replaced.self-assessment").to_owned(),
            Replaced::Norm { text } => locale.format("replaced.norm", &[("text", text)]),
            Replaced::Participant { workshop } => {
                locale.format("replaced.participant", &[("workshop", workshop)])
            }
        }
    }
}

fn merge_journey(mine: &Journey, theirs: &Journey, replaced: &mut Vec<Replaced>) -> Journey {
    match (&mine.respondent, &theirs.respondent) {
        (Some(me), Some(them)) if me.id == them.id => {
            let mut merged = theirs.clone();
            if let Some(respondent) = &mut merged.respondent {
                for (item, answer) in &me.answers {
                    match them.answers.get(item) {
                        None => {
                            respondent.answers.insert(item.clone(), *answer);
                        }
                        Some(other) if other != answer => {
                            replaced.push(Replaced::Answer { item: item.clone() });
                        }
                        Some(_) => {}
                    }
                }
                for (dimension, estimate) in &me.estimates {
                    respondent
                        .estimates
                        .entry(dimension.clone())
                        .or_insert(*estimate);
                }
            }
            // Each tab keeps its own place in the questions.
            merged.screen = mine.screen;
            merged
        }
        // Every change is saved at once, so a saved self-assessment that differs from this tab's
        // or is gone was started over (or deleted) in the other tab, later: follow it.
        (Some(_), _) => {
            replaced.push(Replaced::SelfAssessment);
            theirs.clone()
        }
        (None, _) => theirs.clone(),
    }
}

fn merge_norms(mine: &Norms, theirs: &Norms, replaced: &mut Vec<Replaced>) -> Norms {
    let mut merged = theirs.clone();
    let lost = merge::by_id(&mut merged.ideas, &mine.ideas, |n| &n.id, Wins::Kept).lost;
    replaced.extend(
        lost.into_iter()
            .map(|norm| Replaced::Norm { text: norm.text }),
    );
    merged
}

fn merge_history(mine: &History, theirs: &History) -> History {
    let mut merged = theirs.clone();
    merge::by_id(&mut merged.runs, &mine.runs, |r| &r.id, Wins::Kept);
    merged
}

fn merge_workshops(
    mine: &Workshops,
    theirs: &Workshops,
    tab: &str,
    replaced: &mut Vec<Replaced>,
) -> Workshops {
    let mut merged = theirs.clone();
    // A workshop deleted in either tab stays deleted.
    merged.list.retain(|w| !mine.deleted.contains(&w.id));
    for id in &mine.deleted {
        if !merged.deleted.contains(id) {
            merged.deleted.push(id.clone());
        }
    }
    for workshop in &mine.list {
        if theirs.deleted.contains(&workshop.id) {
            continue;
        }
        match theirs.get(&workshop.id) {
            None => merged.list.push(workshop.clone()),
            Some(other) if other != workshop => {
                let kept = merge_workshop(workshop, other, tab, replaced);
                if let Some(slot) = merged.list.iter_mut().find(|w| w.id == workshop.id) {
                    *slot = kept;
                }
            }
            Some(_) => {}
        }
    }
    merged
}

/// The other tab's workshop with this tab's respondents added; a respondent both have with other
/// answers, and norms both changed, take the other tab's version and are named. The open turn
/// follows who holds it (this tab is `tab`): this tab's own turn stays as it is here, unless the
/// other tab took it over; a turn of this tab's that it no longer has was ended here and never
/// comes back from an older save; another tab's turn is shown as open elsewhere.
fn merge_workshop(
    mine: &Workshop,
    theirs: &Workshop,
    tab: &str,
    replaced: &mut Vec<Replaced>,
) -> Workshop {
    let mut merged = theirs.clone();
    let respondents = std::rc::Rc::make_mut(&mut merged.respondents);
    let lost = merge::by_id(respondents, &mine.respondents, |r| &r.id, Wins::Kept).lost;
    replaced.extend(lost.iter().map(|_| Replaced::Participant {
        workshop: mine.name.clone(),
    }));
    let (rerate, lost) =
        Rerate::merged(theirs.rerate.as_deref(), mine.rerate.as_deref(), Wins::Kept);
    merged.rerate = rerate.map(std::rc::Rc::new);
    replaced.extend(lost.iter().map(|_| Replaced::Participant {
        workshop: mine.name.clone(),
    }));
    merged.norms = merge_norms(&mine.norms, &theirs.norms, replaced);
    // Answers came in under the stricter of the two thresholds: a merge never lowers it.
    if merged.has_answers() {
        merged.threshold = mine.threshold.max(theirs.threshold);
    }
    // Open turns: this tab's own stays as it is here, unless the other tab took it over (it
    // holds the same turn now); every other open turn is as the later save has it, but a turn
    // held by this tab is never taken from it: this tab ended it.
    let theirs_turns = theirs.open_turns();
    let own = mine
        .turn_is_held_by(tab)
        .then(|| (mine.holder.clone(), mine.turn.clone()));
    let taken_over = own.as_ref().is_some_and(|(holder, _)| {
        holder.as_ref().is_some_and(|here| {
            theirs_turns
                .iter()
                .any(|there| there.holder.turn == here.turn && there.holder.tab != tab)
        })
    });
    let own_id = own
        .as_ref()
        .and_then(|(holder, _)| holder.as_ref().map(|holder| holder.turn.clone()));
    merged.others = theirs_turns
        .into_iter()
        .filter(|there| there.holder.tab != tab)
        .filter(|there| taken_over || Some(&there.holder.turn) != own_id.as_ref())
        .collect();
    match own {
        Some((holder, turn)) if !taken_over => {
            merged.turn = turn;
            merged.holder = holder;
        }
        _ => {
            merged.turn = None;
            merged.holder = None;
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Action;
    use crate::bank::Bank;
    use crate::respondent::{Rating, Respondent, Role};
    use crate::workshop::WorkshopAction;

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
    }

    fn person(id: &str, value: u8) -> Respondent {
        let mut respondent = Respondent::new(id, Role::It);
        for (_, item) in Bank::default_bank().items() {
            respondent
                .answers
                .insert(item.id.clone(), Rating::new(value));
        }
        respondent
    }

    fn workshop(people: &[(&str, u8)]) -> Tandem {
        let mut workshop = Workshop::new("w1", "Kickoff", day(), Bank::default_bank());
        for (id, value) in people {
            workshop = workshop
                .apply(WorkshopAction::AddRespondent(person(id, *value)))
                .unwrap()
                .unwrap();
        }
        Tandem {
            workshops: Workshops::default().with(workshop),
            ..Tandem::default()
        }
    }

    fn respondents(state: &Tandem) -> Vec<String> {
        let mut ids: Vec<String> = state.workshops.list[0]
            .respondents
            .iter()
            .map(|r| r.id.clone())
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn two_tabs_adding_participants_to_one_workshop_keep_them_all() {
        let mine = workshop(&[("a", 3), ("b", 3)]);
        let theirs = workshop(&[("a", 3), ("c", 4)]);
        let (merged, replaced) = mine.merged_with_saved(&theirs);
        assert_eq!(respondents(&merged), ["a", "b", "c"]);
        assert!(replaced.is_empty());
        // Merging is idempotent: the other tab merging back changes nothing more.
        let (back, _) = theirs.merged_with_saved(&merged);
        assert_eq!(respondents(&back), ["a", "b", "c"]);
        assert_eq!(merged.merged_with_saved(&merged).0, merged);
    }

    #[test]
    fn starting_over_in_one_tab_is_followed_by_the_other_and_said() {
        let bank = Bank::default_bank();
        let begin = Action::Begin {
            role: Role::It,
            respondent_id: "me".into(),
        };
        let mine = Tandem {
            journey: Journey::default().apply(&bank, begin).unwrap(),
            ..workshop(&[("a", 3)])
        };
        let theirs = workshop(&[("a", 3)]);
        let (merged, replaced) = mine.merged_with_saved(&theirs);
        assert_eq!(merged.journey, Journey::default());
        assert_eq!(replaced, [Replaced::SelfAssessment]);
        assert_eq!(
            replaced[0].message(Locale::En),
            "the self-assessment (it was started over in another tab)"
        );
    }

    #[test]
    fn a_workshop_deleted_in_one_tab_is_not_brought_back_by_the_other() {
        let both = workshop(&[("a", 3)]);
        let deleted = Tandem {
            workshops: both.workshops.without("w1").unwrap(),
            ..Tandem::default()
        };
        let (merged, _) = both.merged_with_saved(&deleted);
        assert!(merged.workshops.list.is_empty());
        let (merged, _) = deleted.merged_with_saved(&both);
        assert!(merged.workshops.list.is_empty());
    }

    #[test]
    fn delete_everything_in_another_tab_empties_this_one_too() {
        let (merged, _) = workshop(&[("a", 3)]).merged_with_saved(&Tandem::default());
        assert_eq!(merged, Tandem::default());
    }

    #[test]
    fn the_later_save_wins_a_conflict_and_the_replaced_version_is_named() {
        let (merged, replaced) = workshop(&[("a", 2)]).merged_with_saved(&workshop(&[("a", 5)]));
        assert_eq!(
            merged.workshops.list[0].respondents[0],
            person("a", 5),
            "the other tab saved later"
        );
        assert_eq!(
            replaced[0].message(Locale::En),
            "one participant's answers in \u{201c}Kickoff\u{201d}"
        );
        assert_eq!(
            replaced[0].message(Locale::De),
            "die Antworten einer teilnehmenden Person in \u{201e}Kickoff\u{201c}"
        );
    }

    #[test]
    fn answers_given_in_either_tab_to_the_same_self_assessment_are_all_kept() {
        let bank = Bank::default_bank();
        let begin = Action::Begin {
            role: Role::Marketing,
            respondent_id: "me".into(),
        };
        let start = Journey::default().apply(&bank, begin).unwrap();
        let answer = |journey: &Journey, item: usize, value: u8| {
            journey
                .apply(
                    &bank,
                    Action::Answer {
                        item: bank.dimensions[0].items[item].id.clone(),
                        answer: Rating::new(value),
                    },
                )
                .unwrap()
        };
        let mine = Tandem {
            journey: answer(&start, 0, 4),
            ..Tandem::default()
        };
        let theirs = Tandem {
            journey: answer(&start, 1, 2),
            ..Tandem::default()
        };
        let (merged, replaced) = mine.merged_with_saved(&theirs);
        let answers = &merged.journey.respondent.as_ref().unwrap().answers;
        assert_eq!(answers.len(), 2);
        assert!(replaced.is_empty());
    }
}

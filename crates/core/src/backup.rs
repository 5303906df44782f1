//! One file with everything Tandem keeps in a browser: the self-assessment, the norms drafted
//! after it, the finished runs, every workshop and what was answered here as a participant.
//! Restoring merges it into what is there and never wipes anything: workshops merge respondents
//! by id, runs and norms are added when missing, and a self-assessment or participation in
//! progress is merged by item: the backup fills in what is not answered here, and an item
//! answered in both keeps the answer given here.

use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

use crate::assessment::Journey;
use crate::assessment::Participation;
use crate::history::History;
use crate::merge::{self, Wins};
use crate::norms::Norms;
use crate::state::Tandem;
use crate::validation::{Invalid, Problem, at_index, parse_json};
use crate::workshop::{OnConflict, Workshops};

/// The value of a backup's `format` field.
pub const FORMAT: &str = "tandem.backup";
/// The backup version this Tandem writes and the newest it reads.
pub const VERSION: u32 = 1;

/// Everything kept in a browser, as one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    /// When it was made (ISO 8601), supplied by the caller: the core has no clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    #[serde(default)]
    pub self_assessment: Journey,
    #[serde(default)]
    pub proposal: Norms,
    #[serde(default)]
    pub history: History,
    #[serde(default)]
    pub workshops: Workshops,
    /// What this browser answered as a participant on its own device, one per workshop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participations: Vec<Participation>,
}

/// What a restore did, for telling the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Restored {
    pub workshops_added: usize,
    pub workshops_merged: usize,
    /// Respondents added to workshops, new or merged.
    pub respondents_added: usize,
    pub runs_added: usize,
    pub norms_added: usize,
    /// Whether the backup's self-assessment was taken whole (there was none in progress).
    pub self_assessment: bool,
    /// Answers (and estimates) of the backup's self-assessment added to the one in progress
    /// here, the same person's: items answered here keep the answer given here.
    pub self_answers_added: usize,
    /// The backup's self-assessment is another person's (another respondent) and was not merged
    /// into the one in progress here.
    pub self_assessment_other: bool,
    /// Participations on this device that came back, whole or answers added.
    pub participations_restored: usize,
}

impl Restored {
    /// "Restored 2 workshops (1 new, 1 merged, 5 respondents added), 3 earlier runs, 2 drafted
    /// norms.", in `locale`.
    #[must_use]
    pub fn summary(&self, locale: Locale) -> String {
        let workshops = self.workshops_added + self.workshops_merged;
        let mut text = locale.format(
            "told.restored",
            &[
                (
                    "workshops",
                    &locale.count("count.workshop", "count.workshops", workshops),
                ),
                ("new", &self.workshops_added),
                ("merged", &self.workshops_merged),
                (
                    "respondents",
                    &locale.count(
                        "count.respondent",
                        "count.respondents",
                        self.respondents_added,
                    ),
                ),
                (
                    "runs",
                    &locale.count("count.earlier-run", "count.earlier-runs", self.runs_added),
                ),
                (
                    "norms",
                    &locale.count(
                        "count.drafted-norm",
                        "count.drafted-norms",
                        self.norms_added,
                    ),
                ),
            ],
        );
        let mut add = |sentence: String| {
            text.push(' ');
            text.push_str(&sentence);
        };
        if self.self_assessment {
            add(locale.text("told.restored-self").to_owned());
        } else if self.self_answers_added > 0 {
            add(locale.format(
                "told.restored-self-answers",
                &[(
                    "answers",
                    &locale.count("count.answer", "count.answers", self.self_answers_added),
                )],
            ));
        } else if self.self_assessment_other {
            add(locale.text("told.restored-self-other").to_owned());
        }
        if self.participations_restored > 0 {
            add(locale.format(
                "told.restored-participations",
                &[(
                    "participations",
                    &locale.count(
                        "count.participation",
                        "count.participations",
                        self.participations_restored,
                    ),
                )],
            ));
        }
        text
    }
}

impl Backup {
    /// Everything in `state`.
    #[must_use]
    pub fn of(state: &Tandem, exported_at: Option<String>) -> Backup {
        Backup {
            format: FORMAT.to_owned(),
            version: VERSION,
            exported_at,
            self_assessment: state.journey.clone(),
            proposal: state.proposal.clone(),
            history: state.history.clone(),
            workshops: state.workshops.clone(),
            participations: state.participations.clone(),
        }
    }

    /// The backup as pretty JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        crate::document::pretty_json(self)
    }

    /// Reads a backup and checks every workshop in it as an imported workshop document would be.
    ///
    /// # Errors
    /// [`Invalid`] with every problem and its location; nothing is half-read.
    pub fn from_json(text: &str) -> Result<Backup, Invalid> {
        let backup: Backup = parse_json(text)?;
        if backup.format != FORMAT {
            return Err(Invalid(vec![Problem::with(
                "format",
                "problem.not-a-backup",
                &[
                    ("found", &format!("{:?}", backup.format)),
                    ("expected", &format!("{FORMAT:?}")),
                ],
            )]));
        }
        if backup.version > VERSION {
            return Err(Invalid(vec![Problem::with(
                "version",
                "problem.newer-backup",
                &[("version", &backup.version), ("supported", &VERSION)],
            )]));
        }
        let mut problems = Vec::new();
        for (w, workshop) in backup.workshops.list.iter().enumerate() {
            if let Err(Invalid(found)) = workshop.document().check() {
                let here = at_index("workshops.list", w);
                problems.extend(found.into_iter().map(|p| p.inside(&here)));
            }
        }
        if problems.is_empty() {
            Ok(backup)
        } else {
            Err(Invalid(problems))
        }
    }
}

/// Merges a backup's participations into those on this device, by workshop: one this device
/// lacks is added; the same participant's (same key) gets the answers it lacks, an item answered
/// in both keeping this device's answer; another participant's for the same workshop leaves this
/// device's as it is. Returns how many came back, whole or in part. The one rule for the state
/// and for what the participant's page keeps in storage.
pub fn merge_participations(here: &mut Vec<Participation>, incoming: Vec<Participation>) -> usize {
    let mut restored = 0;
    for incoming in incoming {
        match here
            .iter_mut()
            .find(|p| p.workshop == incoming.workshop && p.round() == incoming.round())
        {
            None => {
                here.push(incoming);
                restored += 1;
            }
            Some(kept) if kept.key == incoming.key => {
                let added = match (&mut kept.journey.respondent, incoming.journey.respondent) {
                    (Some(mine), Some(theirs)) => mine.filled_from(&theirs),
                    (None, Some(theirs)) => {
                        kept.journey.respondent = Some(theirs);
                        kept.journey.screen = incoming.journey.screen;
                        1
                    }
                    (_, None) => 0,
                };
                restored += usize::from(added > 0);
            }
            Some(_) => {}
        }
    }
    restored
}

impl Tandem {
    /// The state with `backup` merged in, and what was added. Nothing in the state is lost.
    #[must_use]
    pub fn restore(&self, backup: Backup) -> (Tandem, Restored) {
        let mut next = self.clone();
        let mut restored = Restored::default();
        for workshop in backup.workshops.list {
            if let Some(saved) = next.workshops.get(&workshop.id) {
                let before = saved.respondents.len();
                next.workshops = next.workshops.import(workshop.clone(), OnConflict::Merge);
                let after = next
                    .workshops
                    .get(&workshop.id)
                    .map_or(before, |w| w.respondents.len());
                restored.workshops_merged += 1;
                restored.respondents_added += after - before;
            } else {
                restored.respondents_added += workshop.respondents.len();
                restored.workshops_added += 1;
                next.workshops = next.workshops.with(workshop);
            }
        }
        // Nothing here is lost: what the backup has in another version stays as it is here.
        let runs = &backup.history.runs;
        restored.runs_added =
            merge::by_id(&mut next.history.runs, runs, |r| &r.id, Wins::Kept).added;
        let ideas = &backup.proposal.ideas;
        restored.norms_added =
            merge::by_id(&mut next.proposal.ideas, ideas, |n| &n.id, Wins::Kept).added;
        match (&self.journey.respondent, backup.self_assessment.respondent) {
            (None, Some(theirs)) => {
                next.journey.respondent = Some(theirs);
                next.journey.screen = backup.self_assessment.screen;
                restored.self_assessment = true;
            }
            (Some(here), Some(theirs)) if here.id == theirs.id => {
                if let Some(respondent) = &mut next.journey.respondent {
                    restored.self_answers_added = respondent.filled_from(&theirs);
                }
            }
            (Some(_), Some(_)) => restored.self_assessment_other = true,
            (_, None) => {}
        }
        restored.participations_restored =
            merge_participations(&mut next.participations, backup.participations);
        (next, restored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Bank;
    use crate::respondent::{Rating, Respondent, Role};
    use crate::workshop::{Workshop, WorkshopAction};

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
    }

    fn person(id: &str) -> Respondent {
        let mut respondent = Respondent::new(id, Role::It);
        for (_, item) in Bank::default_bank().items() {
            respondent.answers.insert(item.id.clone(), Rating::new(3));
        }
        respondent
    }

    fn with_workshop(id: &str, people: &[&str]) -> Tandem {
        let mut workshop = Workshop::new(id, "W", day(), Bank::default_bank());
        for p in people {
            workshop = workshop
                .apply(WorkshopAction::AddRespondent(person(p)))
                .unwrap()
                .unwrap();
        }
        Tandem {
            workshops: Workshops::default().with(workshop),
            ..Tandem::default()
        }
    }

    fn answers(state: &Tandem) -> usize {
        state
            .workshops
            .list
            .iter()
            .flat_map(|w| w.respondents.iter())
            .map(|r| r.answers.len())
            .sum()
    }

    #[test]
    fn a_backup_round_trips_and_restores_into_an_empty_browser() {
        let state = with_workshop("w1", &["a", "b"]);
        let json = Backup::of(&state, Some("2026-11-24T10:00:00Z".into())).to_json();
        let backup = Backup::from_json(&json).unwrap();
        let (restored, what) = Tandem::default().restore(backup);
        assert_eq!(restored.workshops, state.workshops);
        assert_eq!(answers(&restored), answers(&state));
        assert_eq!((what.workshops_added, what.respondents_added), (1, 2));
    }

    #[test]
    fn restoring_merges_and_never_drops_what_is_there() {
        let here = with_workshop("w1", &["a"])
            .restore(Backup::of(&with_workshop("w2", &["z"]), None))
            .0;
        let backup = Backup::of(&with_workshop("w1", &["a", "b"]), None);
        let (merged, what) = here.restore(backup.clone());
        assert_eq!(merged.workshops.list.len(), 2, "w2 is still there");
        assert_eq!(merged.workshops.get("w1").unwrap().respondents.len(), 2);
        assert_eq!((what.workshops_merged, what.respondents_added), (1, 1));
        assert_eq!(
            what.summary(Locale::En),
            "Restored 1 workshop (0 new, 1 merged, 1 respondent added), 0 earlier runs, 0 drafted norms."
        );
        // Restoring the same backup again adds nothing.
        let (again, what) = merged.restore(backup);
        assert_eq!(again, merged);
        assert_eq!(what.respondents_added, 0);
    }

    #[test]
    fn a_workshop_file_or_a_bad_backup_is_refused_with_the_place() {
        let refused = Backup::from_json(r#"{"format":"tandem.workshop","version":1}"#).unwrap_err();
        assert!(
            refused
                .to_string()
                .starts_with("format: \"tandem.workshop\" is not a Tandem backup")
        );
        let mut state = with_workshop("w1", &["a"]);
        std::rc::Rc::make_mut(&mut state.workshops.list[0].respondents)[0]
            .answers
            .insert("no-such-item".into(), Rating::new(3));
        let refused = Backup::from_json(&Backup::of(&state, None).to_json()).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "workshops.list[0].respondents[0].answers[\"no-such-item\"]: there is no item \"no-such-item\" in the bank"
        );
    }

    #[test]
    fn out_of_range_figures_and_dates_are_refused_with_the_place() {
        let mut state = with_workshop("w1", &["a"]);
        state.history = state.history.with(crate::history::Run {
            id: "r1".into(),
            date: day(),
            bank: "marketing-it-alignment".into(),
            scores: [("kpis".to_owned(), 50.0)].into_iter().collect(),
            norms: Vec::new(),
        });
        let json = Backup::of(&state, None).to_json();
        assert!(Backup::from_json(&json).is_ok());

        let huge = json.replace("\"kpis\": 50.0", "\"kpis\": 1e308");
        assert_ne!(huge, json);
        let refused = Backup::from_json(&huge).unwrap_err().to_string();
        assert!(refused.contains("scores run from 0 to 100"), "{refused}");

        let far = json.replace("\"2026-11-24\"", "\"99999-01-01\"");
        assert_ne!(far, json);
        let refused = Backup::from_json(&far).unwrap_err().to_string();
        assert!(
            refused.contains("\"99999-01-01\" is not a date"),
            "{refused}"
        );
    }

    /// Writes failed after some answers: the backup, made from memory, holds all ten; the
    /// browser holds the first four. Restoring brings back the other six and keeps what is here,
    /// and says so; a participation on this device comes back the same way.
    #[test]
    fn a_journey_in_progress_is_merged_by_item_and_the_message_says_what_came_back() {
        let bank = Bank::default_bank();
        let items: Vec<String> = bank.items().map(|(_, item)| item.id.clone()).collect();
        let answered = |count: usize, value: u8| {
            let mut respondent = Respondent::new("me", Role::It);
            for item in &items[..count] {
                respondent.answers.insert(item.clone(), Rating::new(value));
            }
            Journey {
                respondent: Some(respondent),
                screen: crate::assessment::Screen::Step(2),
            }
        };
        let mut in_memory = Tandem {
            journey: answered(10, 4),
            ..Tandem::default()
        };
        let mut participation = Participation::new(7, 42);
        participation.journey = answered(3, 2);
        in_memory.participations = vec![participation.clone()];
        let backup = Backup::from_json(&Backup::of(&in_memory, None).to_json()).unwrap();

        let mut saved = Tandem {
            journey: answered(4, 5),
            ..Tandem::default()
        };
        participation.journey = answered(1, 3);
        saved.participations = vec![participation];
        let (restored, what) = saved.restore(backup.clone());
        let answers = &restored.journey.respondent.as_ref().unwrap().answers;
        assert_eq!(answers.len(), 10);
        assert_eq!(
            answers[&items[0]],
            Rating::new(5),
            "the answer given here stays"
        );
        assert_eq!(
            answers[&items[9]],
            Rating::new(4),
            "the backup fills in the rest"
        );
        let participation = &restored.participations[0].journey;
        assert_eq!(participation.respondent.as_ref().unwrap().answers.len(), 3);
        assert_eq!(what.self_answers_added, 6);
        assert_eq!(what.participations_restored, 1);
        let message = what.summary(Locale::En);
        assert!(
            message.contains("6 answers of the backup's self-assessment came back"),
            "{message}"
        );
        assert!(message.contains("for 1 workshop came back"), "{message}");

        // Again: nothing more comes back, and nothing is lost.
        let (again, what) = restored.restore(backup.clone());
        assert_eq!(again, restored);
        assert_eq!(
            (what.self_answers_added, what.participations_restored),
            (0, 0)
        );

        // Another person's self-assessment is not mixed in.
        let mut other = answered(2, 1);
        other.respondent.as_mut().unwrap().id = "someone-else".into();
        let (kept, what) = Tandem {
            journey: other.clone(),
            ..Tandem::default()
        }
        .restore(backup);
        assert_eq!(kept.journey, other);
        assert!(what.self_assessment_other);
        assert!(what.summary(Locale::En).contains("another person's"));
    }
}

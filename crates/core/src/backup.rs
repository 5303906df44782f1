//! One file with everything Tandem keeps in a browser: the self-assessment, the norms drafted
//! after it, the finished runs and every workshop. Restoring merges it into what is there and
//! never wipes anything: workshops merge respondents by id, runs and norms are added when
//! missing, and a self-assessment in progress is kept.

use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

use crate::assessment::Journey;
use crate::history::History;
use crate::norms::Norms;
use crate::tandem::Tandem;
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
    /// Whether the backup's self-assessment was taken (there was none in progress).
    pub self_assessment: bool,
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
        if self.self_assessment {
            text.push(' ');
            text.push_str(locale.text("told.restored-self"));
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
            return Err(Invalid(vec![Problem::new(
                "format",
                format!(
                    "{:?} is not a Tandem backup (expected {FORMAT:?}); a workshop file is \
                     imported from the workshops list",
                    backup.format
                ),
            )]));
        }
        if backup.version > VERSION {
            return Err(Invalid(vec![Problem::new(
                "version",
                format!(
                    "this backup was written by a newer Tandem (version {}); this one reads up \
                     to version {VERSION}",
                    backup.version
                ),
            )]));
        }
        let mut problems = Vec::new();
        for (w, workshop) in backup.workshops.list.iter().enumerate() {
            if let Err(Invalid(found)) = workshop.document().check() {
                let here = at_index("workshops.list", w);
                problems.extend(
                    found
                        .into_iter()
                        .map(|p| Problem::new(format!("{here}.{}", p.path), p.message)),
                );
            }
        }
        if problems.is_empty() {
            Ok(backup)
        } else {
            Err(Invalid(problems))
        }
    }
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
        for run in backup.history.runs {
            if !next.history.runs.iter().any(|kept| kept.id == run.id) {
                next.history.runs.push(run);
                restored.runs_added += 1;
            }
        }
        for norm in backup.proposal.ideas {
            if next.proposal.get(&norm.id).is_none() {
                next.proposal.ideas.push(norm);
                restored.norms_added += 1;
            }
        }
        if self.journey.respondent.is_none() && backup.self_assessment.respondent.is_some() {
            next.journey = backup.self_assessment;
            restored.self_assessment = true;
        }
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
}

//! Keeping data only as long as wanted: an optional number of days after which finished
//! self-assessment runs and workshops are deleted when Tandem starts. Off unless chosen.

use chrono::{Days, NaiveDate};

use crate::i18n::Locale;
use crate::state::Tandem;

/// What [`Tandem::forget_expired`] deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Forgotten {
    pub runs: usize,
    pub workshops: usize,
}

impl Forgotten {
    /// "Deleted 2 earlier runs and 1 workshop older than 30 days, as set under Your data.", in
    /// `locale`.
    #[must_use]
    pub fn summary(&self, locale: Locale, days: u32) -> String {
        locale.format(
            "told.forgotten",
            &[
                (
                    "runs",
                    &locale.count("count.earlier-run", "count.earlier-runs", self.runs),
                ),
                (
                    "workshops",
                    &locale.count("count.workshop", "count.workshops", self.workshops),
                ),
                ("days", &days),
            ],
        )
    }
}

impl Tandem {
    /// The state without the runs and workshops dated more than the retention's days before
    /// `today`, and what went; `None` when retention is off or nothing is that old.
    #[must_use]
    pub fn forget_expired(&self, today: NaiveDate) -> Option<(Tandem, Forgotten)> {
        let days = self.retention.days?;
        let cutoff = today.checked_sub_days(Days::new(u64::from(days)))?;
        let mut next = self.clone();
        let mut forgotten = Forgotten::default();
        next.history.runs.retain(|run| {
            let keep = run.date >= cutoff;
            forgotten.runs += usize::from(!keep);
            keep
        });
        for workshop in &self.workshops.list {
            if workshop.date < cutoff
                && let Some(without) = next.workshops.without(&workshop.id)
            {
                next.workshops = without;
                forgotten.workshops += 1;
            }
        }
        (forgotten != Forgotten::default()).then_some((next, forgotten))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Bank;
    use crate::history::{History, Run};
    use crate::state::Retention;
    use crate::workshop::{Workshop, Workshops};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn state(days: Option<u32>) -> Tandem {
        let run = |id: &str, date| Run {
            id: id.into(),
            date,
            bank: "b".into(),
            scores: std::collections::BTreeMap::new(),
            norms: Vec::new(),
        };
        Tandem {
            history: History {
                runs: vec![run("old", day(2026, 1, 1)), run("new", day(2026, 11, 1))],
            },
            workshops: Workshops::default()
                .with(Workshop::new(
                    "w-old",
                    "Old",
                    day(2025, 6, 1),
                    Bank::default_bank(),
                ))
                .with(Workshop::new(
                    "w-new",
                    "New",
                    day(2026, 11, 20),
                    Bank::default_bank(),
                )),
            retention: Retention { days },
            ..Tandem::default()
        }
    }

    #[test]
    fn runs_and_workshops_past_the_retention_are_deleted_and_counted() {
        let (kept, forgotten) = state(Some(90)).forget_expired(day(2026, 11, 24)).unwrap();
        assert_eq!(
            forgotten,
            Forgotten {
                runs: 1,
                workshops: 1
            }
        );
        assert_eq!(kept.history.runs[0].id, "new");
        assert_eq!(kept.workshops.list.len(), 1);
        assert_eq!(kept.workshops.list[0].id, "w-new");
        assert_eq!(
            forgotten.summary(Locale::En, 90),
            "Deleted 1 earlier run and 1 workshop older than 90 days, as set under \u{201c}Your data\u{201d}."
        );
    }

    #[test]
    fn without_retention_or_anything_that_old_nothing_changes() {
        assert_eq!(state(None).forget_expired(day(2026, 11, 24)), None);
        assert_eq!(state(Some(3650)).forget_expired(day(2026, 11, 24)), None);
    }
}

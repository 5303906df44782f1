//! Earlier runs and the trend they show. A run is one finished self-assessment or one workshop:
//! its date, its bank and its scores per dimension, with the norms it adopted. Runs of the same
//! bank are compared: the change per dimension against the previous run, the last five scores,
//! and which earlier norms targeted a dimension that moved.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::norms::Norms;
use crate::respondent::Respondent;
use crate::scoring;

/// A change of at least this many points counts as a move worth naming.
pub const MOVED: f64 = 5.0;
/// How many runs the trend line shows.
pub const TREND_RUNS: usize = 5;

/// A norm adopted in a run, remembered with the dimension it served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptedNorm {
    pub dimension: String,
    pub text: String,
}

/// One finished run's scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// The respondent's id for a self-assessment, the workshop's id for a workshop.
    pub id: String,
    #[serde(with = "crate::dates::iso")]
    pub date: NaiveDate,
    pub bank: String,
    /// Score per dimension id; a dimension nobody answered is absent. Read back only when every
    /// score is a number from 0 to 100, so a file cannot put "+inf" on the trend line.
    #[serde(deserialize_with = "scores_in_range")]
    pub scores: BTreeMap<String, f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub norms: Vec<AdoptedNorm>,
}

fn scores_in_range<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, f64>, D::Error> {
    let scores = BTreeMap::<String, f64>::deserialize(deserializer)?;
    match scores
        .iter()
        .find(|(_, score)| !(0.0..=100.0).contains(*score))
    {
        Some((dimension, score)) => Err(serde::de::Error::custom(format!(
            "the score of {dimension:?} is {score}, but scores run from 0 to 100"
        ))),
        None => Ok(scores),
    }
}

impl Run {
    /// The run of `respondents` answering `bank` on `date`, with the norms adopted then.
    #[must_use]
    pub fn of(
        id: impl Into<String>,
        date: NaiveDate,
        bank: &Bank,
        respondents: &[Respondent],
        norms: &Norms,
    ) -> Run {
        Run::from_report(id, date, bank, &scoring::score(bank, respondents), norms)
    }

    /// The run of a report already computed, so a screen that shows the report does not score
    /// it twice.
    #[must_use]
    pub fn from_report(
        id: impl Into<String>,
        date: NaiveDate,
        bank: &Bank,
        report: &scoring::Report,
        norms: &Norms,
    ) -> Run {
        Run {
            id: id.into(),
            date,
            bank: bank.id.clone(),
            scores: bank
                .dimensions
                .iter()
                .zip(&report.dimensions)
                .filter_map(|(d, figures)| figures.score.map(|score| (d.id.clone(), score)))
                .collect(),
            norms: adopted(norms),
        }
    }
}

/// The norms of an agreement as a run remembers them.
#[must_use]
pub fn adopted(norms: &Norms) -> Vec<AdoptedNorm> {
    norms
        .agreement()
        .into_iter()
        .map(|(norm, _)| AdoptedNorm {
            dimension: norm.dimension.clone(),
            text: norm.text.clone(),
        })
        .collect()
}

/// Every finished self-assessment kept in this browser, in the order they were first finished.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct History {
    pub runs: Vec<Run>,
}

impl History {
    /// The run of `respondent`'s self-assessment: as recorded, its first date kept, or as of
    /// `today` before it is.
    #[must_use]
    pub fn run_for(
        &self,
        bank: &Bank,
        respondent: &Respondent,
        norms: &Norms,
        today: NaiveDate,
    ) -> Run {
        let mut run = Run::of(
            respondent.id.clone(),
            today,
            bank,
            std::slice::from_ref(respondent),
            norms,
        );
        if let Some(recorded) = self.runs.iter().find(|r| r.id == run.id) {
            run.date = recorded.date;
        }
        run
    }

    /// The history with `run` recorded: replacing the run with the same id (the same
    /// assessment, answers changed after finishing), or added at the end.
    #[must_use]
    pub fn with(&self, run: Run) -> History {
        let mut next = self.clone();
        match next.runs.iter_mut().find(|kept| kept.id == run.id) {
            Some(kept) => *kept = run,
            None => next.runs.push(run),
        }
        next
    }
}

/// How one dimension moved.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionTrend {
    pub dimension: String,
    /// The score now and in the previous run that assessed it.
    pub current: Option<f64>,
    pub previous: Option<f64>,
    /// The previous run's date.
    pub since: Option<NaiveDate>,
    /// `current − previous`, when both exist.
    pub change: Option<f64>,
    /// The last scores, oldest first, this run's last (at most [`TREND_RUNS`]).
    pub series: Vec<f64>,
    /// Norms adopted in earlier runs for this dimension, when it moved by at least [`MOVED`].
    pub norms: Vec<String>,
}

impl DimensionTrend {
    /// Whether the change is large enough to name.
    #[must_use]
    pub fn moved(&self) -> bool {
        self.change.is_some_and(|change| change.abs() >= MOVED)
    }
}

/// The trend of `current` against the earlier runs of the same bank, per dimension of `bank`.
/// Runs are ordered by date, the order given breaking ties; `current` itself is skipped among
/// them. Empty when there is no earlier run.
#[must_use]
pub fn trend(bank: &Bank, current: &Run, runs: &[Run]) -> Vec<DimensionTrend> {
    let mut earlier: Vec<&Run> = runs
        .iter()
        .filter(|run| run.bank == current.bank && run.id != current.id && run.date <= current.date)
        .collect();
    earlier.sort_by_key(|run| run.date);
    if earlier.is_empty() {
        return Vec::new();
    }
    bank.dimensions
        .iter()
        .map(|dimension| {
            let id = &dimension.id;
            let now = current.scores.get(id).copied();
            let before = earlier
                .iter()
                .rev()
                .find_map(|run| run.scores.get(id).map(|&score| (score, run.date)));
            let mut series: Vec<f64> = earlier
                .iter()
                .filter_map(|run| run.scores.get(id).copied())
                .chain(now)
                .collect();
            series.drain(..series.len().saturating_sub(TREND_RUNS));
            let change = now.zip(before).map(|(now, (before, _))| now - before);
            let moved = change.is_some_and(|change| change.abs() >= MOVED);
            DimensionTrend {
                dimension: id.clone(),
                current: now,
                previous: before.map(|(score, _)| score),
                since: before.map(|(_, date)| date),
                change,
                series,
                norms: if moved {
                    earlier
                        .iter()
                        .flat_map(|run| &run.norms)
                        .filter(|norm| norm.dimension == *id)
                        .map(|norm| norm.text.clone())
                        .collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    fn run(id: &str, date: u32, kpis: Option<f64>, norms: &[&str]) -> Run {
        Run {
            id: id.into(),
            date: day(date),
            bank: "marketing-it-alignment".into(),
            scores: kpis
                .map(|score| ("kpis".to_owned(), score))
                .into_iter()
                .chain([("candor".to_owned(), 50.0)])
                .collect(),
            norms: norms
                .iter()
                .map(|text| AdoptedNorm {
                    dimension: "kpis".into(),
                    text: (*text).into(),
                })
                .collect(),
        }
    }

    fn kpis(trend: &[DimensionTrend]) -> &DimensionTrend {
        trend.iter().find(|t| t.dimension == "kpis").unwrap()
    }

    #[test]
    fn the_change_is_against_the_latest_earlier_run_that_assessed_the_dimension() {
        let bank = Bank::default_bank();
        let runs = [
            run("a", 1, Some(40.0), &["One KPI glossary"]),
            run("b", 8, None, &[]),
            run("c", 15, Some(55.0), &[]),
        ];
        let trend = trend(&bank, &runs[2], &runs);
        let kpis = kpis(&trend);
        assert_eq!(kpis.previous, Some(40.0));
        assert_eq!(kpis.since, Some(day(1)));
        assert_eq!(kpis.change, Some(15.0));
        assert!(kpis.moved());
        assert_eq!(kpis.series, [40.0, 55.0]);
        assert_eq!(kpis.norms, ["One KPI glossary"]);
        let candor = trend.iter().find(|t| t.dimension == "candor").unwrap();
        assert_eq!(candor.change, Some(0.0));
        assert!(!candor.moved() && candor.norms.is_empty());
    }

    #[test]
    fn the_trend_line_keeps_the_last_five_runs_and_ignores_later_ones() {
        let bank = Bank::default_bank();
        let mut runs: Vec<Run> = (1..=7)
            .map(|n| run(&format!("r{n}"), n, Some(f64::from(n) * 10.0), &[]))
            .collect();
        runs.push(run("later", 30, Some(99.0), &[]));
        let trend = trend(&bank, &runs[6], &runs);
        assert_eq!(kpis(&trend).series, [30.0, 40.0, 50.0, 60.0, 70.0]);
        assert_eq!(kpis(&trend).change, Some(10.0));
        assert!(kpis(&trend).moved());
    }

    #[test]
    fn a_first_run_or_another_bank_has_no_trend() {
        let bank = Bank::default_bank();
        let first = run("a", 1, Some(40.0), &[]);
        assert!(trend(&bank, &first, std::slice::from_ref(&first)).is_empty());
        let mut other = run("b", 0, Some(10.0), &[]);
        other.bank = "another-bank".into();
        assert!(trend(&bank, &first, &[other]).is_empty());
    }

    #[test]
    fn recording_a_run_again_replaces_it() {
        let history = History::default()
            .with(run("a", 1, Some(40.0), &[]))
            .with(run("a", 1, Some(45.0), &[]));
        assert_eq!(history.runs.len(), 1);
        assert_eq!(history.runs[0].scores.get("kpis"), Some(&45.0));
    }
}

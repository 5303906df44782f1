//! Re-rating after discussion (`shared/design/scoring.md`, "Re-rating after discussion"): a
//! workshop may answer some dimensions a second time after the reveal, and the report sets the
//! second round beside the first. Owns what a second round is ([`Rerate`]) and the convergence
//! figures computed from it; the first round stays the headline report. Knows nothing of how a
//! document holds a second round or checks it (see `document`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::merge::{self, Wins};
use crate::respondent::{Rating, Respondent, Role};
use crate::scoring::{self, Report, TOLERANCE, mean};

/// A re-rated dimension has converged when its spread after discussion is at most this…
pub const CONVERGED_SPREAD: f64 = 12.5;
/// …and its cross-function gap after discussion, where defined, is at most this.
pub const CONVERGED_GAP: f64 = 12.5;

/// The second round of a workshop: the dimensions it re-rates, in the order the report lists
/// them, and the answers given to their statements.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Rerate {
    pub dimensions: Vec<String>,
    #[serde(default)]
    pub respondents: Vec<Rerater>,
}

/// One person's second-round answers: a first-round respondent's shape without estimates. Ids
/// are unique within the round and need not match the first round's: rounds are compared as
/// groups, never person by person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rerater {
    pub id: String,
    pub role: Role,
    #[serde(default)]
    pub answers: BTreeMap<String, Option<Rating>>,
    /// Read only so that a file giving them is refused rather than silently changed: a second
    /// round has no estimates, and a checked document's are always empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub estimates: BTreeMap<String, Rating>,
}

impl Rerater {
    /// The rerater as a respondent of the scoring model, who gives no estimates.
    #[must_use]
    pub fn as_respondent(&self) -> Respondent {
        Respondent {
            id: self.id.clone(),
            role: self.role,
            answers: self.answers.clone(),
            estimates: BTreeMap::new(),
        }
    }
}

impl From<Respondent> for Rerater {
    /// A second-round answer from a respondent's shape: the same id, function and answers, and
    /// no estimates, which a second round does not ask.
    fn from(respondent: Respondent) -> Self {
        Rerater {
            id: respondent.id,
            role: respondent.role,
            answers: respondent.answers,
            estimates: BTreeMap::new(),
        }
    }
}

impl Rerate {
    /// The second round's respondents, for the scoring model.
    #[must_use]
    pub fn respondents(&self) -> Vec<Respondent> {
        self.respondents
            .iter()
            .map(Rerater::as_respondent)
            .collect()
    }

    /// The second round's own report under the privacy threshold, as if it were a first: its
    /// figures for the re-rated dimensions are the *after* of [`convergence`].
    #[must_use]
    pub fn report(&self, bank: &Bank, threshold: u8) -> Report {
        scoring::score_within(bank, &self.respondents(), threshold)
    }

    /// Two versions of a second round as one, by the rule of `merge`: every dimension either
    /// re-rates (`kept`'s in its order, then the others'), and every rerater of either, matched
    /// by id, `wins` deciding one both have in other versions. Also the versions that lost.
    #[must_use]
    pub fn merged(
        kept: Option<&Rerate>,
        incoming: Option<&Rerate>,
        wins: Wins,
    ) -> (Option<Rerate>, Vec<Rerater>) {
        let (kept, incoming) = match (kept, incoming) {
            (None, None) => return (None, Vec::new()),
            (Some(one), None) | (None, Some(one)) => return (Some(one.clone()), Vec::new()),
            (Some(kept), Some(incoming)) => (kept, incoming),
        };
        let mut merged = kept.clone();
        merge::by_id(
            &mut merged.dimensions,
            &incoming.dimensions,
            |id| id,
            Wins::Kept,
        );
        let lost = merge::by_id(
            &mut merged.respondents,
            &incoming.respondents,
            |rerater| &rerater.id,
            wins,
        )
        .lost;
        (Some(merged), lost)
    }
}

/// One re-rated dimension before and after discussion, unrounded. `None` is "undefined".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moved {
    /// Index of the dimension in the bank.
    pub dimension: usize,
    pub score_before: Option<f64>,
    pub score_after: Option<f64>,
    pub gap_before: Option<f64>,
    pub gap_after: Option<f64>,
    pub spread_before: Option<f64>,
    pub spread_after: Option<f64>,
    /// The spread after is at most [`CONVERGED_SPREAD`] and the gap after, where defined, at
    /// most [`CONVERGED_GAP`]; `false` when nobody answered the dimension again.
    pub converged: bool,
}

impl Moved {
    /// Whether somebody answered the dimension again: without that it has not converged, but
    /// it is not known to be apart either.
    #[must_use]
    pub fn answered_again(&self) -> bool {
        self.spread_after.is_some()
    }

    /// Answered again and not converged: where Marketing and IT are still apart.
    #[must_use]
    pub fn still_apart(&self) -> bool {
        self.answered_again() && !self.converged
    }

    /// The catalogue key of its verdict: converged, still apart, or not answered again.
    #[must_use]
    pub fn verdict(&self) -> &'static str {
        if self.converged {
            "after.yes"
        } else if self.answered_again() {
            "after.no"
        } else {
            "after.unanswered"
        }
    }
}

/// How far Marketing and IT came together, over the re-rated dimensions.
#[derive(Debug, Clone, PartialEq)]
pub struct Convergence {
    /// In the order of [`Rerate::dimensions`]; ids the bank does not have are left out (a
    /// checked document has none).
    pub dimensions: Vec<Moved>,
    /// Mean of `σ_after − σ_before` over the dimensions with both spreads: negative when the
    /// group came closer. `None` when no dimension has both.
    pub spread_change: Option<f64>,
    /// Mean of `G_after − G_before` over the dimensions with both gaps. `None` when no dimension
    /// has both (a round below the privacy threshold has no gap).
    pub gap_change: Option<f64>,
}

impl Convergence {
    /// How many re-rated dimensions converged.
    #[must_use]
    pub fn converged(&self) -> usize {
        self.dimensions
            .iter()
            .filter(|moved| moved.converged)
            .count()
    }

    /// Whether every re-rated dimension converged.
    #[must_use]
    pub fn all_converged(&self) -> bool {
        self.dimensions.iter().all(|moved| moved.converged)
    }

    /// The re-rated dimensions still apart (answered again, not converged), in the order they
    /// were re-rated.
    #[must_use]
    pub fn apart(&self) -> Vec<usize> {
        self.dimensions
            .iter()
            .filter(|moved| moved.still_apart())
            .map(|moved| moved.dimension)
            .collect()
    }

    /// Where the norms should start after a second round: the re-rated dimensions still apart
    /// (answered again, not converged), in the order they were re-rated, then the first
    /// round's starting points (its leading hotspots, or the dimension to keep watching) not
    /// among them.
    #[must_use]
    pub fn starting_points(&self, report: &Report) -> Vec<usize> {
        let mut points = self.apart();
        for d in report.starting_points() {
            if !points.contains(&d) {
                points.push(d);
            }
        }
        points
    }

    /// Whether the bank's dimension `d` was re-rated, answered again and did not converge:
    /// where Marketing and IT still disagree after discussing it.
    #[must_use]
    pub fn still_apart(&self, d: usize) -> bool {
        self.dimensions
            .iter()
            .any(|moved| moved.dimension == d && moved.still_apart())
    }
}

/// Where the norms should start: after a second round, its dimensions still apart first (see
/// [`Convergence::starting_points`]); without one, the report's starting points.
#[must_use]
pub fn starting_points(report: &Report, convergence: Option<&Convergence>) -> Vec<usize> {
    convergence.map_or_else(
        || report.starting_points(),
        |convergence| convergence.starting_points(report),
    )
}

/// The convergence figures of a second round against the first round's report `before` (scored
/// under the same privacy threshold). Each round meets the threshold on its own: a round with
/// fewer than `threshold` Marketing or IT respondents has no gap.
#[must_use]
pub fn convergence(bank: &Bank, before: &Report, rerate: &Rerate, threshold: u8) -> Convergence {
    let after = rerate.report(bank, threshold);
    let dimensions: Vec<Moved> = rerate
        .dimensions
        .iter()
        .filter_map(|id| bank.dimension_index(id))
        .map(|d| {
            let (first, second) = (&before.dimensions[d], &after.dimensions[d]);
            Moved {
                dimension: d,
                score_before: first.score,
                score_after: second.score,
                gap_before: first.gap,
                gap_after: second.gap,
                spread_before: first.spread,
                spread_after: second.spread,
                converged: second.spread.is_some_and(|spread| {
                    spread <= CONVERGED_SPREAD + TOLERANCE
                        && second
                            .gap
                            .is_none_or(|gap| gap <= CONVERGED_GAP + TOLERANCE)
                }),
            }
        })
        .collect();
    let change = |of: fn(&Moved) -> (Option<f64>, Option<f64>)| {
        mean(dimensions.iter().filter_map(|moved| match of(moved) {
            (Some(before), Some(after)) => Some(after - before),
            _ => None,
        }))
    };
    Convergence {
        spread_change: change(|moved| (moved.spread_before, moved.spread_after)),
        gap_change: change(|moved| (moved.gap_before, moved.gap_after)),
        dimensions,
    }
}

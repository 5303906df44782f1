//! The scoring model of `shared/design/scoring.md`, computed exactly and on unrounded values.
//! Owns the weights, the levels, hotspots, the privacy threshold's rule (below it the report is
//! computed as if nobody had said which function they work in) and rounding; knows nothing of
//! how figures are shown or exported (see `document`).

use crate::i18n::Locale;
use serde::Serialize;

use crate::bank::Bank;
use crate::respondent::{Respondent, Role};

/// Weight of `100 − S(d)` in friction.
pub const SCORE_WEIGHT: f64 = 0.5;
/// Weight of the cross-function gap (or the estimated gap standing in for it) in friction.
pub const GAP_WEIGHT: f64 = 0.3;
/// Weight of `min(100, 2σ)` in friction.
pub const SPREAD_WEIGHT: f64 = 0.2;
/// Spread is doubled before weighting so its 0–50 range counts like the other 0–100 terms.
pub const SPREAD_FACTOR: f64 = 2.0;
/// A dimension with at least this friction is a hotspot.
pub const HOTSPOT_FRICTION: f64 = 40.0;
/// How many hotspots the report leads with.
pub const LEADING_HOTSPOTS: usize = 3;

/// Values closer than this are equal when deciding levels, hotspots and ties. Figures are exact
/// fractions in theory; summing floats in another order moves them by about 1e-13, and such noise
/// must not turn a tie into an order or a 40 into a 39.999…. A millionth of a point is far below
/// the tenth that is ever shown.
pub(crate) const TOLERANCE: f64 = 1e-6;

/// Maturity level of a score, after Luftman's strategic alignment maturity model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Initial = 1,
    Committed = 2,
    Established = 3,
    Improved = 4,
    Optimised = 5,
}

impl Level {
    /// Every level with the lowest score that reaches it, lowest first.
    pub const BANDS: [(Level, f64); 5] = [
        (Level::Initial, 0.0),
        (Level::Committed, 20.0),
        (Level::Established, 40.0),
        (Level::Improved, 60.0),
        (Level::Optimised, 80.0),
    ];

    /// The level of an unrounded score `s`: below 20 Initial, below 40 Committed, below 60
    /// Established, below 80 Improved, otherwise Optimised.
    #[must_use]
    pub fn of(score: f64) -> Level {
        Self::BANDS
            .iter()
            .rev()
            .find(|(_, from)| score + TOLERANCE >= *from)
            .map_or(Level::Initial, |(level, _)| *level)
    }

    #[must_use]
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The level's name in `locale`.
    #[must_use]
    pub fn name(self, locale: Locale) -> &'static str {
        locale.text(match self {
            Level::Initial => "level.initial",
            Level::Committed => "level.committed",
            Level::Established => "level.established",
            Level::Improved => "level.improved",
            Level::Optimised => "level.optimised",
        })
    }
}

impl Serialize for Level {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.number())
    }
}

/// Every figure for one dimension, unrounded. `None` is "undefined" in the model.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Figures {
    /// `S(d)`: role-balanced score, 0–100, higher is better.
    pub score: Option<f64>,
    /// `m(d,M)`: mean of Marketing respondents.
    pub marketing: Option<f64>,
    /// `m(d,T)`: mean of IT respondents.
    pub it: Option<f64>,
    /// `G(d)`: distance between the Marketing and IT means.
    pub gap: Option<f64>,
    /// `Ĝ(d)`: how far people's own view is from what they expect the other side to say.
    pub estimated_gap: Option<f64>,
    /// `P(d)`: how far people's estimate of the other side is from what it actually said.
    pub perception_gap: Option<f64>,
    /// What IT respondents think Marketing would score (mean normalised estimate over IT), to
    /// set beside `marketing`.
    pub marketing_as_seen_by_it: Option<f64>,
    /// What Marketing respondents think IT would score, to set beside `it`.
    pub it_as_seen_by_marketing: Option<f64>,
    /// `σ(d)`: population standard deviation of respondent scores.
    pub spread: Option<f64>,
    /// `F(d)`: 0–100, higher is worse; undefined exactly when `score` is.
    pub friction: Option<f64>,
}

impl Figures {
    #[must_use]
    pub fn level(&self) -> Option<Level> {
        self.score.map(Level::of)
    }

    /// Marketing's view minus IT's, signed, for the diverging gap chart: positive when Marketing
    /// rates the dimension higher. Where one side did not answer (a self-assessment), that
    /// side's view is what the other side estimated it to be.
    #[must_use]
    pub fn signed_gap(&self) -> Option<f64> {
        let marketing = self.marketing.or(self.marketing_as_seen_by_it)?;
        let it = self.it.or(self.it_as_seen_by_marketing)?;
        Some(marketing - it)
    }

    /// Whether anybody answered this dimension; one that nobody did is "not assessed".
    #[must_use]
    pub fn is_assessed(&self) -> bool {
        self.score.is_some()
    }
}

/// How many respondents each role group has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct RoleCounts {
    pub marketing: usize,
    pub it: usize,
    pub other: usize,
}

impl RoleCounts {
    #[must_use]
    pub fn of(respondents: &[Respondent]) -> Self {
        let mut counts = Self::default();
        for respondent in respondents {
            match respondent.role {
                Role::Marketing => counts.marketing += 1,
                Role::It => counts.it += 1,
                Role::Other => counts.other += 1,
            }
        }
        counts
    }

    #[must_use]
    pub fn total(&self) -> usize {
        self.marketing + self.it + self.other
    }
}

/// Whether the report may tell Marketing and IT apart: when both reach the privacy threshold `k`.
///
/// A lone respondent (a self-assessment) sees their own figures: with one person no group figure
/// says more than their own answers.
#[must_use]
pub fn groups_visible(counts: RoleCounts, threshold: u8) -> bool {
    let k = usize::from(threshold);
    counts.total() == 1 || (counts.marketing >= k && counts.it >= k)
}

/// The scored friction report, unrounded: one [`Figures`] per bank dimension, in bank order.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub counts: RoleCounts,
    /// Whether the figures were computed with the respondents' functions. When `false` (below
    /// the privacy threshold) every figure is as if nobody had said which function they work in:
    /// no figure of one role group is defined, and none can be worked out from the others.
    pub roles_known: bool,
    pub dimensions: Vec<Figures>,
    /// `AI`: mean of the defined dimension scores.
    pub alignment_index: Option<f64>,
    /// `FI`: mean friction over the assessed dimensions.
    pub friction_index: Option<f64>,
    /// Indices of dimensions with friction ≥ 40, highest friction first, ties in bank order.
    pub hotspots: Vec<usize>,
}

impl Report {
    #[must_use]
    pub fn level(&self) -> Option<Level> {
        self.alignment_index.map(Level::of)
    }

    /// The hotspots the report leads with.
    #[must_use]
    pub fn leading_hotspots(&self) -> &[usize] {
        &self.hotspots[..self.hotspots.len().min(LEADING_HOTSPOTS)]
    }

    /// The dimension to keep watching when there is no hotspot: highest friction, first in bank
    /// order on a tie. `None` when nothing was assessed.
    #[must_use]
    pub fn watch(&self) -> Option<usize> {
        by_friction(&self.dimensions).into_iter().next()
    }

    /// Where to start working: the leading hotspots, or the dimension to keep watching when
    /// there are none. Empty when nothing was assessed.
    #[must_use]
    pub fn starting_points(&self) -> Vec<usize> {
        let leading = self.leading_hotspots();
        if leading.is_empty() {
            self.watch().into_iter().collect()
        } else {
            leading.to_vec()
        }
    }
}

/// Assessed dimension indices ordered by friction, highest first, ties in bank order.
fn by_friction(dimensions: &[Figures]) -> Vec<usize> {
    let mut order: Vec<(usize, f64)> = dimensions
        .iter()
        .enumerate()
        .filter_map(|(d, figures)| figures.friction.map(|f| (d, f)))
        .collect();
    // A stable sort keeps bank order among equal friction; the key is friction in steps of
    // the tolerance, so float noise cannot split a tie.
    order.sort_by_key(|&(_, friction)| std::cmp::Reverse(in_tolerance_steps(friction)));
    order.into_iter().map(|(d, _)| d).collect()
}

/// A 0–100 figure as a whole number of tolerance steps: a total order that treats noise as equal.
#[allow(clippy::cast_possible_truncation)] // 0–100 / 1e-6 is at most 1e8, far inside i64.
fn in_tolerance_steps(value: f64) -> i64 {
    (value / TOLERANCE).round() as i64
}

/// Keyed and normalised value of an answer: `(v' − 1) × 25` with `v' = 6 − v` when reverse-keyed.
#[must_use]
pub fn normalised(value: u8, reverse: bool) -> f64 {
    let keyed = if reverse { 6 - value } else { value };
    f64::from(keyed - 1) * 25.0
}

/// `r(p,d)` for every dimension of the bank: the mean normalised value over the items of `d`
/// the respondent rated ("don't know" does not count).
#[must_use]
pub fn respondent_scores(bank: &Bank, respondent: &Respondent) -> Vec<Option<f64>> {
    bank.dimensions
        .iter()
        .map(|dimension| {
            mean(dimension.items.iter().filter_map(|item| {
                respondent
                    .answers
                    .get(&item.id)
                    .copied()
                    .flatten()
                    .map(|rating| normalised(rating.value(), item.reverse))
            }))
        })
        .collect()
}

/// Scores a set of respondents against a bank with their functions known: every figure of the
/// model. A workshop is scored with [`score_within`] its privacy threshold instead.
#[must_use]
pub fn score(bank: &Bank, respondents: &[Respondent]) -> Report {
    score_with(bank, respondents, true)
}

/// Scores a workshop under its privacy threshold: with the functions known when Marketing and IT
/// both reach it ([`groups_visible`]), and otherwise as if nobody had said which function they
/// work in. Then `S(d)` is everyone's mean, `G(d)` and `P(d)` are undefined (so friction takes
/// `Ĝ(d)`), and no group mean or group estimate is defined; `Ĝ(d)` and `σ(d)` stay.
#[must_use]
pub fn score_within(bank: &Bank, respondents: &[Respondent], threshold: u8) -> Report {
    let visible = groups_visible(RoleCounts::of(respondents), threshold);
    score_with(bank, respondents, visible)
}

fn score_with(bank: &Bank, respondents: &[Respondent], roles_known: bool) -> Report {
    let own: Vec<Vec<Option<f64>>> = respondents
        .iter()
        .map(|respondent| respondent_scores(bank, respondent))
        .collect();
    let dimensions: Vec<Figures> = bank
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dimension)| {
            let r = |p: usize| own[p][d];
            let estimate = |p: usize| {
                respondents[p]
                    .estimates
                    .get(&dimension.id)
                    .map(|rating| f64::from(rating.value() - 1) * 25.0)
            };
            figures(respondents, roles_known, &r, &estimate)
        })
        .collect();

    let alignment_index = mean(dimensions.iter().filter_map(|f| f.score));
    let friction_index = mean(dimensions.iter().filter_map(|f| f.friction));
    let hotspots = by_friction(&dimensions)
        .into_iter()
        .filter(|&d| {
            dimensions[d]
                .friction
                .is_some_and(|f| f + TOLERANCE >= HOTSPOT_FRICTION)
        })
        .collect();
    Report {
        counts: RoleCounts::of(respondents),
        roles_known,
        dimensions,
        alignment_index,
        friction_index,
        hotspots,
    }
}

/// The figures of one dimension from each respondent's score `r(p)` and normalised estimate
/// `e(p)` for it. Without `roles_known` no figure of one role group is defined.
fn figures(
    respondents: &[Respondent],
    roles_known: bool,
    r: &dyn Fn(usize) -> Option<f64>,
    e: &dyn Fn(usize) -> Option<f64>,
) -> Figures {
    let people = 0..respondents.len();
    let in_group = |p: usize, role: Role| roles_known && respondents[p].role == role;
    let group_mean = |role: Role| mean(people.clone().filter(|&p| in_group(p, role)).filter_map(r));
    let marketing = group_mean(Role::Marketing);
    let it = group_mean(Role::It);
    let everyone = mean(people.clone().filter_map(r));

    let score = match (marketing, it) {
        (Some(m), Some(t)) => Some(f64::midpoint(m, t)),
        _ => everyone,
    };
    let gap = marketing.zip(it).map(|(m, t)| (m - t).abs());

    let estimated_gap = mean(people.clone().filter_map(|p| {
        respondents[p].role.other_side()?;
        Some((r(p)? - e(p)?).abs())
    }));
    let perception_gap = mean(people.clone().filter_map(|p| {
        let other = match respondents[p].role.other_side()? {
            Role::Marketing => marketing,
            _ => it,
        };
        Some((e(p)? - other?).abs())
    }));

    let estimate_by =
        |role: Role| mean(people.clone().filter(|&p| in_group(p, role)).filter_map(e));
    let marketing_as_seen_by_it = estimate_by(Role::It);
    let it_as_seen_by_marketing = estimate_by(Role::Marketing);

    let spread = population_sd(people.filter_map(r));
    let friction = score.map(|s| {
        let gap_term = gap.or(estimated_gap).unwrap_or(0.0);
        let spread_term = spread.map_or(0.0, |sd| (SPREAD_FACTOR * sd).min(100.0));
        SCORE_WEIGHT * (100.0 - s) + GAP_WEIGHT * gap_term + SPREAD_WEIGHT * spread_term
    });

    Figures {
        score,
        marketing,
        it,
        gap,
        estimated_gap,
        perception_gap,
        marketing_as_seen_by_it,
        it_as_seen_by_marketing,
        spread,
        friction,
    }
}

pub(crate) fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0usize), |(sum, count), v| (sum + v, count + 1));
    (count > 0).then(|| sum / count as f64)
}

fn population_sd(values: impl Iterator<Item = f64>) -> Option<f64> {
    let values: Vec<f64> = values.collect();
    let mean = mean(values.iter().copied())?;
    let variance = mean_of_squares(&values, mean);
    Some(variance.sqrt())
}

fn mean_of_squares(values: &[f64], centre: f64) -> f64 {
    values.iter().map(|v| (v - centre).powi(2)).sum::<f64>() / values.len() as f64
}

/// "How this is scored", in plain words, built from the constants above so the explanation
/// cannot drift from the arithmetic.
#[must_use]
pub fn explanation(locale: Locale) -> Vec<String> {
    let pct = |weight: f64| format!("{:.0}%", weight * 100.0);
    let bands = Level::BANDS
        .iter()
        .map(|(level, from)| {
            locale.format(
                "explain.band",
                &[
                    ("number", &level.number()),
                    ("level", &level.name(locale)),
                    ("from", &format!("{from:.0}")),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        locale.text("explain.answers").to_owned(),
        locale.text("explain.score").to_owned(),
        locale.format(
            "explain.friction",
            &[
                ("score", &pct(SCORE_WEIGHT)),
                ("gap", &pct(GAP_WEIGHT)),
                ("spread", &pct(SPREAD_WEIGHT)),
            ],
        ),
        locale.format(
            "explain.hotspots",
            &[
                ("hotspot", &format!("{HOTSPOT_FRICTION:.0}")),
                ("leading", &LEADING_HOTSPOTS),
            ],
        ),
        locale.format("explain.levels", &[("bands", &bands)]),
    ]
}

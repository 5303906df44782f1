//! The workshop document of `shared/design/scoring.md`: the one JSON format for export and
//! import. Owns the privacy threshold, rounding on the way out, and the validation of everything
//! that comes in. A stored report is never trusted: it is recomputed on import.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::agenda::Phase;
use crate::bank::{Bank, item_ids};
use crate::convergence::{self, Convergence, Rerate};
use crate::norms::Norms;
use crate::numbers::round1;
use crate::respondent::{Respondent, Role};
use crate::scoring::{self, Figures, Report, RoleCounts};
use crate::validation::{Invalid, Problem, at_field, at_index, at_key, parse_json};

/// The value of the document's `format` field.
pub const FORMAT: &str = "tandem.workshop";
/// The document version this Tandem writes and the newest it reads.
pub const VERSION: u32 = 1;
/// The privacy threshold `k` when none is chosen.
pub const DEFAULT_THRESHOLD: u8 = 3;
/// The thresholds a facilitator may choose.
pub const THRESHOLDS: std::ops::RangeInclusive<u8> = 1..=10;

/// Which workshop a document came from. Optional: a self-assessment has none. Not required by
/// version 1 of the format, so older readers ignore it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopInfo {
    pub id: String,
    pub name: String,
    #[serde(with = "crate::dates::iso")]
    pub date: chrono::NaiveDate,
    pub phases: Vec<Phase>,
}

/// A bank, the people who answered it and the privacy threshold that governs what is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopDocument {
    pub workshop: Option<WorkshopInfo>,
    pub bank: Bank,
    pub threshold: u8,
    pub respondents: Vec<Respondent>,
    /// The second round, when some dimensions were re-rated after discussion. Optional in the
    /// format and left out when there is none, so a document without it reads, writes and
    /// scores as before.
    pub rerate: Option<Rerate>,
    /// Norm ideas, votes and the working agreement. Not required by version 1 of the format, and
    /// left out when there are none, so older readers and older files are unaffected.
    pub norms: Norms,
    /// When the document was exported (ISO 8601), supplied by the caller: the core has no clock.
    pub exported_at: Option<String>,
}

/// A document read from a file, with what the reader should be told about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub document: WorkshopDocument,
    /// Things that did not stop the import but deserve a mention, written for the user.
    pub notes: Vec<String>,
}

pub use crate::scoring::groups_visible;

/// One dimension as exported: rounded, and group figures `null` when hidden.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionExport {
    pub id: String,
    pub score: Option<f64>,
    pub level: Option<u8>,
    pub marketing: Option<f64>,
    pub it: Option<f64>,
    pub gap: Option<f64>,
    pub estimated_gap: Option<f64>,
    pub perception_gap: Option<f64>,
    pub spread: Option<f64>,
    pub friction: Option<f64>,
    /// Not required by the format: what IT thinks Marketing would score, and the reverse.
    pub marketing_as_seen_by_it: Option<f64>,
    pub it_as_seen_by_marketing: Option<f64>,
}

/// One re-rated dimension as exported, rounded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MovedExport {
    pub id: String,
    pub score_before: Option<f64>,
    pub score_after: Option<f64>,
    pub gap_before: Option<f64>,
    pub gap_after: Option<f64>,
    pub spread_before: Option<f64>,
    pub spread_after: Option<f64>,
    pub converged: bool,
}

/// The convergence figures as exported: rounded, dimension ids instead of indices, and
/// `converged` the number of converged dimensions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConvergenceExport {
    pub dimensions: Vec<MovedExport>,
    pub spread_change: Option<f64>,
    pub gap_change: Option<f64>,
    pub converged: usize,
}

impl ConvergenceExport {
    #[must_use]
    pub fn new(bank: &Bank, convergence: &Convergence) -> Self {
        ConvergenceExport {
            dimensions: convergence
                .dimensions
                .iter()
                .map(|moved| MovedExport {
                    id: bank.dimensions[moved.dimension].id.clone(),
                    score_before: moved.score_before.map(round1),
                    score_after: moved.score_after.map(round1),
                    gap_before: moved.gap_before.map(round1),
                    gap_after: moved.gap_after.map(round1),
                    spread_before: moved.spread_before.map(round1),
                    spread_after: moved.spread_after.map(round1),
                    converged: moved.converged,
                })
                .collect(),
            spread_change: convergence.spread_change.map(round1),
            gap_change: convergence.gap_change.map(round1),
            converged: convergence.converged(),
        }
    }
}

/// The report as exported: rounded, thresholded, dimension ids instead of indices.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportExport {
    pub alignment_index: Option<f64>,
    pub friction_index: Option<f64>,
    pub level: Option<u8>,
    pub dimensions: Vec<DimensionExport>,
    pub hotspots: Vec<String>,
    /// Respondents per role: not required by the format, but a reader needs it to understand why
    /// group figures are hidden.
    pub respondents: RoleCounts,
    /// Whether Marketing and IT reached the privacy threshold, so the figures were computed with
    /// the respondents' functions; when not, no figure of one group is defined.
    pub groups_visible: bool,
    /// The second round beside the first: `null` when no dimension was re-rated.
    pub convergence: Option<ConvergenceExport>,
}

impl ReportExport {
    #[must_use]
    pub fn new(bank: &Bank, report: &Report) -> Self {
        let dimensions = bank
            .dimensions
            .iter()
            .zip(&report.dimensions)
            .map(|(dimension, figures): (_, &Figures)| DimensionExport {
                id: dimension.id.clone(),
                score: figures.score.map(round1),
                level: figures.level().map(scoring::Level::number),
                marketing: figures.marketing.map(round1),
                it: figures.it.map(round1),
                gap: figures.gap.map(round1),
                estimated_gap: figures.estimated_gap.map(round1),
                perception_gap: figures.perception_gap.map(round1),
                spread: figures.spread.map(round1),
                friction: figures.friction.map(round1),
                marketing_as_seen_by_it: figures.marketing_as_seen_by_it.map(round1),
                it_as_seen_by_marketing: figures.it_as_seen_by_marketing.map(round1),
            })
            .collect();
        ReportExport {
            alignment_index: report.alignment_index.map(round1),
            friction_index: report.friction_index.map(round1),
            level: report.level().map(scoring::Level::number),
            dimensions,
            hotspots: report
                .hotspots
                .iter()
                .map(|&d| bank.dimensions[d].id.clone())
                .collect(),
            respondents: report.counts,
            groups_visible: report.roles_known,
            convergence: None,
        }
    }
}

/// The document as written: field order here is the order in the file.
#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    workshop: Option<&'a WorkshopInfo>,
    bank: &'a Bank,
    threshold: u8,
    respondents: &'a [Respondent],
    #[serde(skip_serializing_if = "Option::is_none")]
    rerate: Option<&'a Rerate>,
    #[serde(skip_serializing_if = "Norms::is_empty")]
    norms: &'a Norms,
    report: ReportExport,
}

/// A file Tandem writes: indented JSON ending in a newline.
pub(crate) fn pretty_json(value: &impl Serialize) -> String {
    // Serializing plain structs, strings and finite numbers cannot fail.
    let mut json = serde_json::to_string_pretty(value).unwrap_or_default();
    json.push('\n');
    json
}

/// The document as read: only the shape; meaning is checked by [`WorkshopDocument::check`].
#[derive(Deserialize)]
struct DocumentIn {
    format: String,
    version: u32,
    #[serde(default)]
    exported_at: Option<String>,
    #[serde(default)]
    workshop: Option<WorkshopInfo>,
    bank: Bank,
    threshold: u8,
    respondents: Vec<Respondent>,
    #[serde(default)]
    rerate: Option<Rerate>,
    #[serde(default)]
    norms: Norms,
    #[serde(default)]
    report: Option<serde_json::Value>,
}

impl WorkshopDocument {
    #[must_use]
    pub fn new(bank: Bank, threshold: u8, respondents: Vec<Respondent>) -> Self {
        Self {
            workshop: None,
            bank,
            threshold,
            respondents,
            rerate: None,
            norms: Norms::default(),
            exported_at: None,
        }
    }

    /// One person's self-assessment with the norms they drafted after it: what every export of
    /// a self-assessment holds.
    #[must_use]
    pub fn self_assessment(bank: &Bank, respondent: &Respondent, norms: &Norms) -> Self {
        Self {
            norms: norms.clone(),
            ..Self::new(bank.clone(), DEFAULT_THRESHOLD, vec![respondent.clone()])
        }
    }

    #[must_use]
    pub fn report(&self) -> Report {
        scoring::score_within(&self.bank, &self.respondents, self.threshold)
    }

    /// The second round beside the first, when some dimensions were re-rated.
    #[must_use]
    pub fn convergence(&self) -> Option<Convergence> {
        let rerate = self.rerate.as_ref()?;
        Some(convergence::convergence(
            &self.bank,
            &self.report(),
            rerate,
            self.threshold,
        ))
    }

    #[must_use]
    pub fn report_export(&self) -> ReportExport {
        ReportExport {
            convergence: self
                .convergence()
                .map(|convergence| ConvergenceExport::new(&self.bank, &convergence)),
            ..ReportExport::new(&self.bank, &self.report())
        }
    }

    /// The document as pretty JSON with a freshly computed report. The same document always
    /// gives the same bytes, so export → import → export is byte-identical.
    #[must_use]
    pub fn to_json(&self) -> String {
        let out = DocumentOut {
            format: FORMAT,
            version: VERSION,
            exported_at: self.exported_at.as_deref(),
            workshop: self.workshop.as_ref(),
            bank: &self.bank,
            threshold: self.threshold,
            respondents: &self.respondents,
            rerate: self.rerate.as_ref(),
            norms: &self.norms,
            report: self.report_export(),
        };
        pretty_json(&out)
    }

    /// Reads a workshop document, validates every part of it and recomputes its report.
    ///
    /// # Errors
    /// [`Invalid`] listing every problem with its location; nothing is half-read.
    pub fn from_json(text: &str) -> Result<Imported, Invalid> {
        let raw: DocumentIn = parse_json(text)?;
        if raw.format != FORMAT {
            return Err(Invalid(vec![Problem::with(
                "format",
                "problem.not-a-document",
                &[
                    ("found", &format!("{:?}", raw.format)),
                    ("expected", &format!("{FORMAT:?}")),
                ],
            )]));
        }
        if raw.version > VERSION {
            return Err(Invalid(vec![Problem::with(
                "version",
                "problem.newer-document",
                &[("version", &raw.version), ("supported", &VERSION)],
            )]));
        }
        let document = WorkshopDocument {
            workshop: raw.workshop,
            bank: raw.bank,
            threshold: raw.threshold,
            respondents: raw.respondents,
            rerate: raw.rerate,
            norms: raw.norms,
            exported_at: raw.exported_at,
        };
        document.check()?;
        let mut notes = Vec::new();
        if let Some(stored) = raw.report {
            let fresh = serde_json::to_value(document.report_export()).unwrap_or_default();
            // Only the figures the format requires are compared; the extras are ours.
            if !agrees(&required(&stored), &required(&fresh)) {
                notes.push(
                    "The report stored in the file did not match its answers, so it was \
                     recomputed from the answers."
                        .to_owned(),
                );
            }
        }
        Ok(Imported { document, notes })
    }

    /// Checks that the bank is valid, the threshold in range, respondent ids unique, every
    /// answer and estimate refers to something in the bank, and the norms fit the bank.
    ///
    /// # Errors
    /// [`Invalid`] with every problem found, in document order.
    pub fn check(&self) -> Result<(), Invalid> {
        let mut problems = match self.bank.validate("bank") {
            Ok(()) => Vec::new(),
            Err(Invalid(problems)) => problems,
        };
        if let Some(workshop) = &self.workshop {
            if workshop.id.trim().is_empty() {
                problems.push(Problem::new("workshop.id", "problem.empty-id"));
            }
            if workshop.name.trim().is_empty() {
                problems.push(Problem::new("workshop.name", "problem.empty"));
            }
            if workshop.phases.is_empty() {
                problems.push(Problem::new("workshop.phases", "problem.no-phases"));
            }
            if !crate::dates::is_writable(workshop.date) {
                problems.push(Problem::with(
                    "workshop.date",
                    "problem.date",
                    &[(
                        "text",
                        &format!("{:?}", crate::dates::iso_date(workshop.date)),
                    )],
                ));
            }
        }
        if !THRESHOLDS.contains(&self.threshold) {
            problems.push(Problem::with(
                "threshold",
                "problem.between",
                &[
                    ("value", &self.threshold),
                    ("min", THRESHOLDS.start()),
                    ("max", THRESHOLDS.end()),
                ],
            ));
        }
        let items = item_ids(&self.bank);
        let mut first_seen: HashMap<&str, usize> = HashMap::new();
        for (p, respondent) in self.respondents.iter().enumerate() {
            let here = at_index("respondents", p);
            if respondent.id.trim().is_empty() {
                problems.push(Problem::new(at_field(&here, "id"), "problem.empty-id"));
            } else if let Some(first) = first_seen.get(respondent.id.as_str()) {
                problems.push(Problem::with(
                    at_field(&here, "id"),
                    "problem.used-twice",
                    &[
                        ("id", &format!("{:?}", respondent.id)),
                        ("first", &format!("respondents[{first}]")),
                    ],
                ));
            } else {
                first_seen.insert(&respondent.id, p);
            }
            for item in respondent.answers.keys() {
                if !items.contains(item.as_str()) {
                    problems.push(Problem::with(
                        at_key(&at_field(&here, "answers"), item),
                        "problem.no-item",
                        &[("id", &format!("{item:?}"))],
                    ));
                }
            }
            if respondent.role == Role::Other && !respondent.estimates.is_empty() {
                problems.push(Problem::new(
                    at_field(&here, "estimates"),
                    "problem.other-estimates",
                ));
            }
            for dimension in respondent.estimates.keys() {
                if self.bank.dimension_index(dimension).is_none() {
                    problems.push(Problem::with(
                        at_key(&at_field(&here, "estimates"), dimension),
                        "problem.no-dimension",
                        &[("id", &format!("{dimension:?}"))],
                    ));
                }
            }
        }
        if let Some(rerate) = &self.rerate {
            problems.extend(rerate_problems(&self.bank, rerate));
        }
        problems.extend(self.norms.problems(&self.bank, "norms"));
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Invalid(problems))
        }
    }
}

/// What is wrong with a second round: no dimension, a dimension the bank does not have or one
/// named twice, an empty or repeated respondent id, an answer to an item the bank does not have
/// or to one of a dimension that is not re-rated.
fn rerate_problems(bank: &Bank, rerate: &Rerate) -> Vec<Problem> {
    let mut problems = Vec::new();
    if rerate.dimensions.is_empty() {
        problems.push(Problem::new("rerate.dimensions", "problem.no-rerated"));
    }
    let mut first_named: HashMap<&str, usize> = HashMap::new();
    for (i, id) in rerate.dimensions.iter().enumerate() {
        let here = at_index("rerate.dimensions", i);
        if bank.dimension_index(id).is_none() {
            problems.push(Problem::with(
                here,
                "problem.no-dimension",
                &[("id", &format!("{id:?}"))],
            ));
        } else if let Some(first) = first_named.get(id.as_str()) {
            problems.push(Problem::with(
                here,
                "problem.used-twice",
                &[
                    ("id", &format!("{id:?}")),
                    ("first", &at_index("rerate.dimensions", *first)),
                ],
            ));
        } else {
            first_named.insert(id, i);
        }
    }
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (p, rerater) in rerate.respondents.iter().enumerate() {
        let here = at_index("rerate.respondents", p);
        if rerater.id.trim().is_empty() {
            problems.push(Problem::new(at_field(&here, "id"), "problem.empty-id"));
        } else if let Some(first) = first_seen.get(rerater.id.as_str()) {
            problems.push(Problem::with(
                at_field(&here, "id"),
                "problem.used-twice",
                &[
                    ("id", &format!("{:?}", rerater.id)),
                    ("first", &at_index("rerate.respondents", *first)),
                ],
            ));
        } else {
            first_seen.insert(&rerater.id, p);
        }
        if !rerater.estimates.is_empty() {
            problems.push(Problem::new(
                at_field(&here, "estimates"),
                "problem.rerate-estimates",
            ));
        }
        for item in rerater.answers.keys() {
            let at = at_key(&at_field(&here, "answers"), item);
            match bank.item(item).map(|(d, _)| d) {
                None => problems.push(Problem::with(
                    at,
                    "problem.no-item",
                    &[("id", &format!("{item:?}"))],
                )),
                // With no dimension named, that one problem says it all, not one per answer.
                Some(d)
                    if !first_named.is_empty()
                        && !first_named.contains_key(bank.dimensions[d].id.as_str()) =>
                {
                    problems.push(Problem::with(
                        at,
                        "problem.not-rerated",
                        &[
                            ("id", &format!("{item:?}")),
                            ("dimension", &format!("{:?}", bank.dimensions[d].id)),
                        ],
                    ));
                }
                Some(_) => {}
            }
        }
    }
    problems
}

/// The fields of a report that the format requires, as listed in `scoring.md`.
const REPORT_FIELDS: [&str; 6] = [
    "alignment_index",
    "friction_index",
    "level",
    "dimensions",
    "hotspots",
    "convergence",
];
const DIMENSION_FIELDS: [&str; 10] = [
    "id",
    "score",
    "level",
    "marketing",
    "it",
    "gap",
    "estimated_gap",
    "perception_gap",
    "spread",
    "friction",
];

/// A report cut down to its required fields (a missing one becomes `null`).
fn required(report: &serde_json::Value) -> serde_json::Value {
    use serde_json::{Map, Value};
    let pick = |value: &Value, fields: &[&str]| -> Value {
        let object: Map<String, Value> = fields
            .iter()
            .map(|&field| {
                (
                    field.to_owned(),
                    value.get(field).cloned().unwrap_or(Value::Null),
                )
            })
            .collect();
        Value::Object(object)
    };
    let mut top = pick(report, &REPORT_FIELDS);
    if let Some(Value::Array(dimensions)) = top.get_mut("dimensions") {
        for dimension in dimensions.iter_mut() {
            *dimension = pick(dimension, &DIMENSION_FIELDS);
        }
    }
    top
}

/// Whether a stored report says what the fresh one says: every field of the fresh report must be
/// present and equal in the stored one; fields the stored one adds are ignored.
fn agrees(stored: &serde_json::Value, fresh: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (stored, fresh) {
        (Value::Object(stored), Value::Object(fresh)) => fresh
            .iter()
            .all(|(key, value)| stored.get(key).is_some_and(|s| agrees(s, value))),
        (Value::Array(stored), Value::Array(fresh)) => {
            stored.len() == fresh.len() && stored.iter().zip(fresh).all(|(s, f)| agrees(s, f))
        }
        (Value::Number(stored), Value::Number(fresh)) => stored.as_f64() == fresh.as_f64(),
        _ => stored == fresh,
    }
}

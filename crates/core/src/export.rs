//! The workshop document as spreadsheets and prose: CSV in a tidy long format (one row per
//! respondent and item) with a per-dimension summary, and the report as Markdown. Every export
//! respects the privacy threshold the way the report does, and every cell a person or a bank
//! author wrote is neutralised against spreadsheet formula injection.

use crate::i18n::Locale;
use std::fmt::Write as _;

use crate::bank::{Bank, Dimension};
use crate::convergence::{Convergence, Rerate};
use crate::document::{DimensionExport, ReportExport, WorkshopDocument};
use crate::norms::markdown_text;
use crate::numbers::format1;
use crate::respondent::Respondent;
use crate::scoring::{self, normalised};
use crate::validation::{Invalid, Problem};

/// The header of the long answers file.
pub const ANSWERS_HEADER: &str = "source,round,respondent,role,dimension,item,reverse,answer,value";
/// The header of the per-dimension summary file.
pub const SUMMARY_HEADER: &str = "source,round,dimension,title,score,level,marketing,it,gap,\
     estimated_gap,perception_gap,spread,friction,hotspot,converged";

/// What a spreadsheet reader may split a line on: the comma of this file, the semicolon that
/// Excel uses in locales with a decimal comma, and the tab; line breaks end a row.
const SEPARATORS: [char; 5] = [',', ';', '\t', '\r', '\n'];
/// What a spreadsheet runs as a formula when a cell starts with it.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV cell, safe in any reader. A cell holding a separator (`,` `;` tab), a quote or a line
/// break is quoted, with quotes doubled (RFC 4180). And since a reader that splits on `;` or tab
/// would cut the text into pieces of its own, every piece that starts as a formula (`=`, `+`,
/// `-`, `@`, a tab or a carriage return), at the start of the text or after any separator or
/// quote, gets a leading apostrophe, so no reader finds a formula in it.
#[must_use]
pub fn csv_cell(text: &str) -> String {
    let mut cell = String::with_capacity(text.len() + 3);
    let mut piece_starts = true;
    for c in text.chars() {
        if piece_starts && FORMULA_STARTS.contains(&c) {
            cell.push('\'');
        }
        cell.push(c);
        // A quote counts too: a reader that drops quotes would join what follows to the start.
        piece_starts = SEPARATORS.contains(&c) || c == '"';
    }
    if cell.contains(SEPARATORS) || cell.contains('"') {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

fn figure(value: Option<f64>) -> String {
    value.map(format1).unwrap_or_default()
}

/// Every answer as one row: `source` (the workshop or file it came from), the `round` (1, or 2
/// for a second round after discussion), the respondent, their role, the dimension, the item,
/// whether it is reverse-keyed, the answer (1–5, `dont_know`, or empty when unanswered) and its
/// value on the 0–100 scale after keying. A second round has rows for the items of the
/// dimensions it re-rates.
///
/// Roles are written only when the report may show group figures (see
/// [`scoring::groups_visible`]), in both rounds when there are two (ids link a person's rows
/// across rounds); below the threshold the role column says `hidden`, so the file cannot
/// reveal what the report hides.
#[must_use]
pub fn answers_csv(document: &WorkshopDocument, source: &str) -> String {
    let mut out = String::from(ANSWERS_HEADER);
    out.push('\n');
    append_answers(&mut out, document, source);
    out
}

/// The rows of [`answers_csv`] without the header, for combining files.
pub fn append_answers(out: &mut String, document: &WorkshopDocument, source: &str) {
    let source = csv_cell(source);
    let visible = |respondents: &[Respondent]| {
        scoring::groups_visible(scoring::RoleCounts::of(respondents), document.threshold)
    };
    let second = document.rerate.as_ref().map(Rerate::respondents);
    // The same people usually answer both rounds under the same ids, so a round that hides
    // roles would get them back from the other round's rows: roles are shown only when every
    // round may show them.
    let shown = visible(&document.respondents) && second.as_deref().is_none_or(visible);
    let first = &document.respondents;
    append_round(out, document, &source, 1, first, shown, |_| true);
    if let (Some(rerate), Some(second)) = (&document.rerate, &second) {
        let re_rated = |d: usize| rerate.dimensions.contains(&document.bank.dimensions[d].id);
        append_round(out, document, &source, 2, second, shown, re_rated);
    }
}

/// The answers of one round's `respondents` to the items of the dimensions `included`, with
/// their roles if `visible`.
fn append_round(
    out: &mut String,
    document: &WorkshopDocument,
    source: &str,
    round: u8,
    respondents: &[Respondent],
    visible: bool,
    included: impl Fn(usize) -> bool,
) {
    for respondent in respondents {
        let role = if visible {
            respondent.role.key()
        } else {
            "hidden"
        };
        let who = csv_cell(&respondent.id);
        for (d, item) in document.bank.items().filter(|(d, _)| included(*d)) {
            let (answer, value) = match respondent.answers.get(&item.id) {
                None => (String::new(), String::new()),
                Some(None) => ("dont_know".to_owned(), String::new()),
                Some(Some(rating)) => (
                    rating.value().to_string(),
                    format1(normalised(rating.value(), item.reverse)),
                ),
            };
            // Writing to a String cannot fail.
            let _ = writeln!(
                out,
                "{source},{round},{who},{role},{},{},{},{answer},{value}",
                csv_cell(&document.bank.dimensions[d].id),
                csv_cell(&item.id),
                item.reverse,
            );
        }
    }
}

/// One row per dimension with the exported (rounded, thresholded) figures, in `round` 1; then,
/// when dimensions were re-rated after discussion, one row per re-rated dimension in round 2
/// with the second round's figures (under the threshold on its own; no estimates, so no
/// estimated or perception gap) and whether it `converged`.
#[must_use]
pub fn summary_csv(document: &WorkshopDocument, source: &str) -> String {
    let mut out = String::from(SUMMARY_HEADER);
    out.push('\n');
    append_summary(&mut out, document, source);
    out
}

/// The rows of [`summary_csv`] without the header, for combining files.
pub fn append_summary(out: &mut String, document: &WorkshopDocument, source: &str) {
    let report = document.report_export();
    let source = csv_cell(source);
    let first = document.bank.dimensions.iter().zip(&report.dimensions);
    for (dimension, figures) in first {
        let hotspot = report.hotspots.contains(&dimension.id);
        summary_row(
            out,
            &source,
            1,
            dimension,
            figures,
            &hotspot.to_string(),
            "",
        );
    }
    let (Some(rerate), Some(convergence)) = (&document.rerate, &report.convergence) else {
        return;
    };
    let after = ReportExport::new(
        &document.bank,
        &rerate.report(&document.bank, document.threshold),
    );
    for moved in &convergence.dimensions {
        let Some(d) = document.bank.dimension_index(&moved.id) else {
            continue;
        };
        let (dimension, figures) = (&document.bank.dimensions[d], &after.dimensions[d]);
        let converged = moved.converged.to_string();
        summary_row(out, &source, 2, dimension, figures, "", &converged);
    }
}

fn summary_row(
    out: &mut String,
    source: &str,
    round: u8,
    dimension: &Dimension,
    figures: &DimensionExport,
    hotspot: &str,
    converged: &str,
) {
    let _ = writeln!(
        out,
        "{source},{round},{},{},{},{},{},{},{},{},{},{},{},{hotspot},{converged}",
        csv_cell(&dimension.id),
        csv_cell(&dimension.title),
        figure(figures.score),
        figures.level.map(|l| l.to_string()).unwrap_or_default(),
        figure(figures.marketing),
        figure(figures.it),
        figure(figures.gap),
        figure(figures.estimated_gap),
        figure(figures.perception_gap),
        figure(figures.spread),
        figure(figures.friction),
    );
}

/// The name of an exported file: the workshop's name made safe for a file, what the file holds
/// and the day, e.g. `q3-launch-answers-2026-12-01.csv`. Letters are kept in lower case (an
/// umlaut too), every run of anything else becomes one `-`, and a name with nothing left is
/// `tandem`.
#[must_use]
pub fn file_name(name: &str, what: &str, day: &str, extension: &str) -> String {
    let mut stem = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    // Long names stay readable in a downloads folder.
    let stem: String = stem.chars().take(48).collect();
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { "tandem" } else { stem };
    format!("{stem}-{what}-{day}.{extension}")
}

/// The friction report as Markdown under `heading`, in `locale`: indices, hotspots with their
/// recommendations and seed sources, every dimension's figures in a table, the working
/// agreement when there is one, and how it is scored.
#[must_use]
pub fn report_markdown(document: &WorkshopDocument, heading: &str, locale: Locale) -> String {
    let report = document.report_export();
    let bank = &document.bank;
    let figure_or = |value: Option<f64>| figure_or(locale, value);
    let mut out = format!("# {}\n\n", markdown_text(heading));
    let counts = report.respondents;
    let _ = writeln!(
        out,
        "{}\n",
        locale.format(
            "md.respondents",
            &[
                (
                    "respondents",
                    &locale.count("count.respondent", "count.respondents", counts.total()),
                ),
                ("marketing", &counts.marketing),
                ("it", &counts.it),
                ("other", &counts.other),
            ],
        )
    );
    let level = report
        .level
        .and_then(|number| {
            let (level, _) = scoring::Level::BANDS.get(usize::from(number).checked_sub(1)?)?;
            Some(format!(
                " {}",
                locale.format(
                    "md.level",
                    &[("level", &number), ("name", &level.name(locale))]
                )
            ))
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- **{}:** {} / 100{level}\n- **{}:** {} / 100",
        locale.text("report.alignment-index"),
        figure_or(report.alignment_index),
        locale.text("report.friction-index"),
        figure_or(report.friction_index),
    );
    hotspots_markdown(&mut out, bank, &report, locale);
    let _ = write!(out, "\n## {}\n\n", locale.text("report.every-dimension"));
    if !report.groups_visible {
        let _ = writeln!(
            out,
            "{}\n",
            locale.format("md.hidden", &[("threshold", &document.threshold)])
        );
    }
    let _ = writeln!(
        out,
        "| {} |\n|---|---:|---:|---:|---:|---:|---:|---:|",
        [
            "chart.dimension",
            "figure.score",
            "role.marketing",
            "role.it",
            "figure.gap",
            "figure.estimated-gap",
            "figure.spread",
            "figure.friction",
        ]
        .map(|key| locale.text(key))
        .join(" | ")
    );
    for (dimension, figures) in bank.dimensions.iter().zip(&report.dimensions) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            markdown_text(&dimension.title),
            figure_or(figures.score),
            figure_or(figures.marketing),
            figure_or(figures.it),
            figure_or(figures.gap),
            figure_or(figures.estimated_gap),
            figure_or(figures.spread),
            figure_or(figures.friction),
        );
    }
    if let Some(convergence) = document.convergence() {
        after_discussion_markdown(&mut out, document, &convergence, locale);
    }
    if !document.norms.agreement().is_empty() {
        let _ = writeln!(out, "\n## {}", locale.text("sheet.working-agreement"));
        crate::norms::append_agreement(&mut out, bank, &document.norms, "###", locale);
    }
    let _ = write!(out, "\n## {}\n\n", locale.text("report.how-scored"));
    for paragraph in scoring::explanation(locale) {
        out.push_str(&paragraph);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Several workshop documents as one, for a report across workshops: the respondents of all of
/// them, under the strictest of their privacy thresholds. Each document is named by its
/// `source` (a file name) in messages. Norms and second rounds are the workshops' own and are
/// left out: a second round is set beside its own workshop's first, not beside the others'.
///
/// # Errors
/// [`Invalid`] when the documents use different question banks, or one respondent id appears
/// twice with different answers (the same respondent exported twice is counted once).
pub fn combine(documents: Vec<(String, WorkshopDocument)>) -> Result<WorkshopDocument, Invalid> {
    let mut documents = documents.into_iter();
    let Some((first_source, first)) = documents.next() else {
        return Err(Invalid(vec![Problem::new(
            "",
            "problem.nothing-to-combine",
        )]));
    };
    let mut combined = WorkshopDocument::new(first.bank, first.threshold, Vec::new());
    // The source of each combined respondent, for messages about a clash.
    let mut sources: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    let fingerprint = crate::bank::fingerprint(&combined.bank);
    let mut pending = vec![(first_source.clone(), first.respondents)];
    for (source, document) in documents {
        if document.bank.id == combined.bank.id
            && crate::bank::fingerprint(&document.bank) == fingerprint
        {
            combined.threshold = combined.threshold.max(document.threshold);
            pending.push((source, document.respondents));
        } else {
            problems.push(Problem::with(
                &source,
                "problem.other-bank",
                &[
                    ("bank", &format!("{:?}", document.bank.id)),
                    ("first-bank", &format!("{:?}", combined.bank.id)),
                    ("first", &first_source),
                ],
            ));
        }
    }
    for (source, respondents) in pending {
        for respondent in respondents {
            match combined
                .respondents
                .iter()
                .position(|r| r.id == respondent.id)
            {
                Some(at) if combined.respondents[at] == respondent => {}
                Some(at) => problems.push(Problem::with(
                    &source,
                    "problem.respondent-twice",
                    &[
                        ("id", &format!("{:?}", respondent.id)),
                        ("other", &sources[at]),
                    ],
                )),
                None => {
                    combined.respondents.push(respondent);
                    sources.push(source.clone());
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(combined)
    } else {
        Err(Invalid(problems))
    }
}

/// The "After discussion" section: what converged, the average changes, each re-rated
/// dimension before and after, and where Marketing and IT are still apart.
fn after_discussion_markdown(
    out: &mut String,
    document: &WorkshopDocument,
    convergence: &Convergence,
    locale: Locale,
) {
    let bank = &document.bank;
    let titles = |dimensions: Vec<usize>| {
        dimensions
            .into_iter()
            .map(|d| markdown_text(&bank.dimensions[d].title))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = write!(out, "\n## {}\n\n", locale.text("after.heading"));
    let re_rated = titles(convergence.dimensions.iter().map(|m| m.dimension).collect());
    let _ = writeln!(
        out,
        "{}\n",
        locale.format("after.intro", &[("dimensions", &re_rated)])
    );
    let mut lines = vec![locale.format(
        "after.converged",
        &[
            ("converged", &convergence.converged()),
            ("total", &convergence.dimensions.len()),
        ],
    )];
    if let Some(change) = convergence.spread_change {
        lines.push(locale.format("after.spread-change", &[("change", &locale.figure(change))]));
    }
    lines.push(convergence.gap_change.map_or_else(
        || locale.format("after.gap-hidden", &[("threshold", &document.threshold)]),
        |change| locale.format("after.gap-change", &[("change", &locale.figure(change))]),
    ));
    for line in lines {
        let _ = writeln!(out, "- {line}");
    }
    let _ = writeln!(
        out,
        "\n| {} |\n|---|---:|---:|---:|---:|---:|---:|---|",
        [
            "chart.dimension",
            "after.score-before",
            "after.score-after",
            "after.gap-before",
            "after.gap-after",
            "after.spread-before",
            "after.spread-after",
            "after.verdict",
        ]
        .map(|key| locale.text(key))
        .join(" | ")
    );
    let figure_or = |value: Option<f64>| figure_or(locale, value);
    for moved in &convergence.dimensions {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            markdown_text(&bank.dimensions[moved.dimension].title),
            figure_or(moved.score_before),
            figure_or(moved.score_after),
            figure_or(moved.gap_before),
            figure_or(moved.gap_after),
            figure_or(moved.spread_before),
            figure_or(moved.spread_after),
            locale.text(moved.verdict()),
        );
    }
    // Neither verdict when the only ones not converged were not answered again: the table
    // says so for each.
    let apart = convergence.apart();
    let verdict = if !apart.is_empty() {
        format!(
            "{} ",
            locale.format("after.still-apart", &[("dimensions", &titles(apart))])
        )
    } else if convergence.all_converged() {
        format!("{} ", locale.text("after.all-converged"))
    } else {
        String::new()
    };
    let _ = writeln!(out, "\n{verdict}{}", locale.text("after.rule"));
}

fn figure_or(locale: Locale, value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |value| locale.figure(value))
}

fn hotspots_markdown(out: &mut String, bank: &Bank, report: &ReportExport, locale: Locale) {
    let _ = write!(out, "\n## {}\n\n", locale.text("md.hotspots"));
    if report.hotspots.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            locale.format(
                "md.no-hotspots",
                &[("friction", &format!("{:.0}", scoring::HOTSPOT_FRICTION))],
            )
        );
        return;
    }
    for id in report.hotspots.iter().take(scoring::LEADING_HOTSPOTS) {
        let Some(d) = bank.dimension_index(id) else {
            continue;
        };
        let dimension = &bank.dimensions[d];
        let _ = writeln!(
            out,
            "### {}\n",
            locale.format(
                "md.hotspot",
                &[
                    ("dimension", &markdown_text(&dimension.title)),
                    (
                        "friction",
                        &figure_or(locale, report.dimensions[d].friction)
                    ),
                ],
            )
        );
        for recommendation in &dimension.recommendations {
            let source = recommendation
                .source
                .as_ref()
                .map(|s| {
                    format!(
                        " {}",
                        locale.format(
                            "report.from-source",
                            &[
                                ("article", &s.article_title()),
                                ("heading", &markdown_text(&s.heading)),
                            ],
                        )
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(out, "- {}{source}", markdown_text(&recommendation.text));
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::respondent::{Rating, Respondent, Role};

    /// The cells of one CSV line, quotes undone.
    fn cells(line: &str) -> Vec<String> {
        let mut cells = vec![String::new()];
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    cells.last_mut().unwrap().push('"');
                }
                ('"', _) => quoted = !quoted,
                (',', false) => cells.push(String::new()),
                (c, _) => cells.last_mut().unwrap().push(c),
            }
        }
        cells
    }

    #[test]
    fn formulas_are_neutralised_and_separators_quoted() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tx"), "\"'\tx\"", "a tab is a separator too");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(
            cells("\"'=1\",\"a, \"\"b\"\"\",c"),
            ["'=1", "a, \"b\"", "c"]
        );
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a-b"), "a-b", "only a leading sign is a formula");
    }

    #[test]
    fn a_semicolon_or_tab_is_quoted_and_the_formula_behind_it_neutralised() {
        // Excel in a German locale splits on `;`.
        assert_eq!(
            csv_cell("Q3;=cmd|' /C calc'!A0"),
            "\"Q3;'=cmd|' /C calc'!A0\""
        );
        assert_eq!(csv_cell("a\t+1"), "\"a\t'+1\"");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("x,@SUM(A1)"), "\"x,'@SUM(A1)\"");
        assert_eq!(csv_cell("a\n-1"), "\"a\n'-1\"");
    }

    fn document(people: &[(Role, u8)], threshold: u8) -> WorkshopDocument {
        let bank = Bank::default_bank();
        let respondents = people
            .iter()
            .enumerate()
            .map(|(p, &(role, value))| {
                let mut respondent = Respondent::new(format!("p{p}"), role);
                for (_, item) in bank.items() {
                    respondent
                        .answers
                        .insert(item.id.clone(), Rating::new(value));
                }
                respondent
            })
            .collect();
        WorkshopDocument::new(bank, threshold, respondents)
    }

    #[test]
    fn the_long_file_has_a_row_per_respondent_and_item_with_keyed_values() {
        let doc = document(&[(Role::It, 4)], 3);
        let csv = answers_csv(&doc, "Q4");
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], ANSWERS_HEADER);
        assert_eq!(lines.len(), 1 + doc.bank.item_count());
        let (_, first) = doc.bank.items().next().unwrap();
        let expected_value = if first.reverse { "25.0" } else { "75.0" };
        assert_eq!(
            lines[1],
            format!(
                "Q4,1,p0,it,{},{},{},4,{expected_value}",
                doc.bank.dimensions[0].id, first.id, first.reverse
            )
        );
    }

    #[test]
    fn roles_and_group_figures_are_hidden_below_the_threshold() {
        let small = document(&[(Role::Marketing, 4), (Role::It, 2)], 3);
        assert!(
            answers_csv(&small, "s")
                .lines()
                .skip(1)
                .all(|l| l.contains(",hidden,"))
        );
        let summary = summary_csv(&small, "s");
        let row = cells(summary.lines().nth(1).unwrap());
        assert_eq!((&*row[6], &*row[7], &*row[8]), ("", "", ""), "{summary}");
        let large = document(
            &[
                (Role::Marketing, 4),
                (Role::Marketing, 4),
                (Role::It, 2),
                (Role::It, 2),
            ],
            2,
        );
        let row = cells(summary_csv(&large, "l").lines().nth(1).unwrap());
        assert!(!row[6].is_empty() && !row[7].is_empty(), "{row:?}");
    }

    #[test]
    fn the_summary_matches_the_exported_report() {
        let doc = document(&[(Role::Marketing, 5), (Role::It, 1)], 1);
        let report = doc.report_export();
        let rows = summary_csv(&doc, "x");
        for ((line, figures), dimension) in rows
            .lines()
            .skip(1)
            .zip(&report.dimensions)
            .zip(&doc.bank.dimensions)
        {
            let cells = cells(line);
            assert_eq!(
                cells[3], dimension.title,
                "titles with commas survive quoting"
            );
            assert_eq!(cells[4], figures.score.map(format1).unwrap_or_default());
            assert_eq!(cells[12], figures.friction.map(format1).unwrap_or_default());
        }
    }

    #[test]
    fn documents_of_one_bank_combine_under_the_strictest_threshold() {
        let a = document(&[(Role::Marketing, 4), (Role::It, 2)], 2);
        let mut b = document(&[(Role::Marketing, 4)], 4);
        b.respondents[0].id = "q0".into();
        let combined = combine(vec![("a.json".into(), a.clone()), ("b.json".into(), b)]).unwrap();
        assert_eq!(combined.respondents.len(), 3);
        assert_eq!(combined.threshold, 4);
        // The same respondent exported twice counts once; with other answers it is refused.
        let again = combine(vec![
            ("a.json".into(), a.clone()),
            ("a2.json".into(), a.clone()),
        ]);
        assert_eq!(again.unwrap().respondents.len(), 2);
        let mut changed = a.clone();
        changed.respondents[0].answers.clear();
        let refused = combine(vec![("a.json".into(), a), ("c.json".into(), changed)]);
        assert_eq!(
            refused.unwrap_err().to_string(),
            "c.json: respondent \"p0\" is also in a.json with other answers"
        );
    }

    #[test]
    fn documents_of_different_banks_are_not_combined() {
        let a = document(&[(Role::It, 3)], 3);
        let mut b = a.clone();
        b.bank.id = "custom".into();
        let refused = combine(vec![("a.json".into(), a), ("b.json".into(), b)]).unwrap_err();
        assert!(
            refused
                .to_string()
                .starts_with("b.json: uses the question bank \"custom\"")
        );
    }

    #[test]
    fn the_markdown_report_has_indices_hotspots_a_table_and_the_explanation() {
        let doc = document(&[(Role::Marketing, 5), (Role::It, 1)], 1);
        let markdown = report_markdown(&doc, "Q4 <alignment>", Locale::En);
        assert!(markdown.starts_with("# Q4 &lt;alignment&gt;\n\n2 respondents"));
        assert!(markdown.contains("- **Alignment index:** "));
        assert!(markdown.contains("## Hotspots"));
        assert!(markdown.contains("| Dimension | Score |"));
        assert_eq!(
            markdown.matches("\n| ").count(),
            1 + doc.bank.dimensions.len(),
            "a header and one row per dimension"
        );
        assert!(markdown.contains("## How this is scored"));
        assert!(
            markdown.contains("(from \u{201c}"),
            "recommendations cite their seed"
        );
    }

    #[test]
    fn the_markdown_report_counts_one_respondent_and_names_the_level() {
        let doc = document(&[(Role::Marketing, 2)], 1);
        let markdown = report_markdown(&doc, "Me", Locale::En);
        assert!(
            markdown.contains("\n1 respondent: 1 Marketing, 0 IT, 0 other."),
            "{markdown}"
        );
        let level = doc.report_export().level.expect("a level");
        let name = scoring::Level::BANDS[usize::from(level) - 1]
            .0
            .name(Locale::En);
        assert!(
            markdown.contains(&format!("(level {level}, {name})")),
            "{markdown}"
        );
        let german = report_markdown(&doc, "Ich", Locale::De);
        assert!(
            german.contains("1 antwortende Person: 1 Marketing"),
            "{german}"
        );
    }

    #[test]
    fn file_names_carry_the_workshop_name_what_they_hold_the_day_and_their_extension() {
        let day = "2026-12-01";
        assert_eq!(
            file_name("Q3 launch", "answers", day, "csv"),
            "q3-launch-answers-2026-12-01.csv"
        );
        assert_eq!(
            file_name("  Q3 / Launch: \"Web\"  ", "report", day, "md"),
            "q3-launch-web-report-2026-12-01.md"
        );
        assert_eq!(
            file_name("Überblick Größe", "summary", day, "csv"),
            "überblick-größe-summary-2026-12-01.csv"
        );
        assert_eq!(
            file_name("../..", "answers", day, "csv"),
            "tandem-answers-2026-12-01.csv"
        );
        assert_eq!(
            file_name("", "workshop", day, "json"),
            "tandem-workshop-2026-12-01.json"
        );
        let long = file_name(&"a".repeat(300), "answers", day, "csv");
        assert_eq!(long, format!("{}-answers-2026-12-01.csv", "a".repeat(48)));
    }

    #[test]
    fn the_markdown_report_carries_the_agreement_under_its_own_heading() {
        use crate::norms::{Agreement, NormsAction, Owner, Status};
        let mut doc = document(&[(Role::It, 2)], 3);
        let day = chrono::NaiveDate::from_ymd_opt(2027, 1, 5).unwrap_or_default();
        for action in [
            NormsAction::Add {
                id: "n1".into(),
                author: "me".into(),
                dimension: "kpis".into(),
                text: "One KPI glossary".into(),
            },
            NormsAction::Agree {
                id: "n1".into(),
                agreement: Some(Agreement {
                    owner: Owner::Both,
                    review: day,
                    status: Status::Proposed,
                }),
            },
        ] {
            doc.norms = doc.norms.apply(&doc.bank, action).unwrap().unwrap();
        }
        let markdown = report_markdown(&doc, "Mine", Locale::En);
        assert!(
            markdown.contains("\n## Working agreement\n\n### 1. One KPI glossary\n"),
            "{markdown}"
        );
        assert!(markdown.contains("- **Review on:** 5 January 2027"));
        assert!(!markdown.contains("1970"));
    }
}

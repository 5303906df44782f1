//! The friction report's parts, shared by the self-assessment's report, the workshop's reveal, the
//! presenter and the printable report: the two indices with their levels, the hotspots with
//! recommendations from the seeds, every dimension's figures as bars and numbers, the trend,
//! how it is scored, and the exports. All figures come from `tandem_core::scoring`; these only
//! lay them out.

use std::rc::Rc;

use tandem_core::convergence::Convergence;
use tandem_core::export;
use tandem_core::history::{self, Run};
use tandem_core::i18n::Locale;
use tandem_core::scoring::{self, Report};
use tandem_core::{Bank, Dimension, Figures, Level, Norms, Respondent, WorkshopDocument};
use yew::prelude::*;

use crate::setup::{Words, use_setup, use_words};

use crate::browser;
use crate::components::norms::AgreementView;
use crate::components::{BeforeAfter, GapBars, Moved, Radar, ScoreBar, Series, Sparkline};

/// The run a self-assessment report shows: as recorded, or as of today before it is.
#[must_use]
pub fn self_run(
    bank: &Bank,
    respondent: &Respondent,
    proposal: &Norms,
    history: &tandem_core::history::History,
) -> Run {
    history.run_for(bank, respondent, proposal, browser::today())
}

/// "4 Improved", or "not assessed".
#[must_use]
pub fn level_text(words: Words, level: Option<Level>) -> String {
    level.map_or_else(
        || words.t("chart.not-assessed").to_owned(),
        |level| format!("{} {}", level.number(), level.name(words.0)),
    )
}

/// A figure with one decimal in the person's language, or "not available".
#[must_use]
pub fn figure(words: Words, value: Option<f64>) -> String {
    value.map_or_else(
        || words.t("chart.not-available").to_owned(),
        |value| words.figure(value),
    )
}

#[derive(Properties, PartialEq)]
pub struct SelfReportProps {
    pub bank: Rc<Bank>,
    pub respondent: Respondent,
    pub proposal: Norms,
    pub history: tandem_core::history::History,
}

/// The body of a self-assessment report, on screen and on paper: indices, charts, hotspots, the
/// trend, the norms proposed, every dimension, and how it is scored.
#[component]
pub fn SelfReport(props: &SelfReportProps) -> Html {
    let words = use_words();
    let report = use_memo(
        (props.bank.clone(), props.respondent.clone()),
        |(bank, respondent)| scoring::score(bank, std::slice::from_ref(respondent)),
    );
    let bank = &props.bank;
    let current = self_run(bank, &props.respondent, &props.proposal, &props.history);
    html! {
        <>
            {indices(words, &report)}
            {charts(words, bank, &report, true, "self")}
            {hotspots(words, bank, &report)}
            <Trend bank={bank.clone()} {current} runs={props.history.runs.clone()} />
            if !props.proposal.agreement().is_empty() {
                <AgreementView bank={bank.clone()} norms={props.proposal.clone()} title={words.t("report.proposed-norms")} level={2} />
            }
            {dimensions(words, bank, &report)}
            {explanation(words)}
        </>
    }
}

/// "How this is scored", in words generated from the core's constants.
pub fn explanation(words: Words) -> Html {
    html! {
        <section class="explanation" aria-labelledby={words.region("how-title")}>
            {words.heading(2, words.t("report.how-scored")).id("how-title")}
            for paragraph in scoring::explanation(words.0) {
                <p>{paragraph}</p>
            }
        </section>
    }
}

pub fn indices(words: Words, report: &Report) -> Html {
    let card = |title: &'static str, value: Option<f64>, detail: String, kind: &'static str| {
        html! {
            <div class={classes!("index", format!("index-{kind}"))}>
                {words.heading(2, title).class("index-title")}
                <p class="index-value">
                    <span class="number">{figure(words, value)}</span>
                    <span class="out-of">{" / 100"}</span>
                </p>
                <ScoreBar value={value} kind={kind} />
                <p class="index-detail">{detail}</p>
            </div>
        }
    };
    html! {
        <div class="indices">
            {card(
                words.t("report.alignment-index"),
                report.alignment_index,
                words.f("report.alignment-detail", &[("level", &level_text(words, report.level()))]),
                "score",
            )}
            {card(
                words.t("report.friction-index"),
                report.friction_index,
                words.t("report.friction-detail").to_owned(),
                "friction",
            )}
        </div>
    }
}

pub fn hotspots(words: Words, bank: &Bank, report: &Report) -> Html {
    let leading = report.leading_hotspots();
    let body = if leading.is_empty() {
        let watch = report.watch().map(|d| {
            let friction = figure(words, report.dimensions[d].friction);
            words.f(
                "report.watch",
                &[
                    ("dimension", &bank.dimensions[d].title),
                    ("friction", &friction),
                ],
            )
        });
        html! {
            <p>
                {words.f("report.no-hotspots", &[("friction", &format!("{:.0}", scoring::HOTSPOT_FRICTION))])}
                if let Some(watch) = watch {
                    {" "}{watch}
                }
            </p>
        }
    } else {
        html! {
            <ol class="hotspot-list">
                for &d in leading {
                    {hotspot(words, &bank.dimensions[d], &report.dimensions[d])}
                }
            </ol>
        }
    };
    html! {
        <section class="hotspots" aria-labelledby={words.region("hotspots-title")}>
            {words.heading(2, words.t("report.hotspots")).id("hotspots-title")}
            {body}
        </section>
    }
}

/// "Friction 68.8 · score 37.5 (level 2 Committed)": a hotspot's line, in the report and on the
/// projector.
#[must_use]
pub fn hotspot_figures(words: Words, figures: &Figures) -> String {
    words.f(
        "report.hotspot-figures",
        &[
            ("friction", &figure(words, figures.friction)),
            ("score", &figure(words, figures.score)),
            ("level", &level_text(words, figures.level())),
        ],
    )
}

fn hotspot(words: Words, dimension: &Dimension, figures: &Figures) -> Html {
    html! {
        <li class="hotspot">
            {words.heading(3, &dimension.title)}
            <p class="hotspot-figures">{hotspot_figures(words, figures)}</p>
            if !dimension.recommendations.is_empty() {
                <ul class="recommendations">
                    for recommendation in &dimension.recommendations {
                        <li>
                            {&recommendation.text}
                            if let Some(source) = &recommendation.source {
                                <span class="source">
                                    {" "}{words.f("report.from-source", &[("article", &source.article_title()), ("heading", &source.heading)])}
                                </span>
                            }
                        </li>
                    }
                </ul>
            }
        </li>
    }
}

pub fn dimensions(words: Words, bank: &Bank, report: &Report) -> Html {
    html! {
        <section class="dimensions" aria-labelledby={words.region("dimensions-title")}>
            {words.heading(2, words.t("report.every-dimension")).id("dimensions-title")}
            if report.counts.total() == 1 {
                <p>
                    {words.t("report.one-person")}
                </p>
            }
            <ul class="dimension-list">
                for (dimension, figures) in bank.dimensions.iter().zip(&report.dimensions) {
                    <li class="dimension" key={dimension.id.clone()}>
                        {words.heading(3, &dimension.title)}
                        if figures.is_assessed() {
                            <p class="dimension-level">
                                {words.f("report.level", &[("level", &level_text(words, figures.level()))])}
                            </p>
                            <dl class="figures">
                                {figure_row(words, words.t("figure.score"), figures.score, 100.0, "score", words.t("chart.not-available"))}
                                {figure_row(words, words.t("figure.friction"), figures.friction, 100.0, "friction", words.t("chart.not-available"))}
                                {figure_row(words, words.t("figure.spread"), figures.spread, 50.0, "friction", words.t("chart.not-available"))}
                                {figure_row(
                                    words,
                                    words.t("figure.estimated-gap"),
                                    figures.estimated_gap,
                                    100.0,
                                    "friction",
                                    words.t("figure.no-estimate"),
                                )}
                            </dl>
                        } else {
                            <p class="not-assessed">{words.t("report.not-assessed")}</p>
                        }
                    </li>
                }
            </ul>
        </section>
    }
}

/// One figure as a labelled bar with its number written next to it.
pub fn figure_row(
    words: Words,
    label: &str,
    value: Option<f64>,
    max: f64,
    kind: &'static str,
    missing: &'static str,
) -> Html {
    html! {
        <div class="figure">
            <dt>{label.to_owned()}</dt>
            <dd>
                <ScoreBar {value} {max} {kind} />
                <span class="figure-value">{value.map_or_else(|| missing.to_owned(), |value| words.figure(value))}</span>
            </dd>
        </div>
    }
}

/// The radar of dimension scores (with Marketing and IT overlaid when the threshold allows) and
/// the diverging gap bars. `id` keeps the charts' ids unique on the page.
pub fn charts(words: Words, bank: &Bank, report: &Report, visible: bool, id: &str) -> Html {
    let dimensions: Vec<AttrValue> = bank
        .dimensions
        .iter()
        .map(|d| AttrValue::from(d.title.clone()))
        .collect();
    let column = |pick: fn(&Figures) -> Option<f64>| report.dimensions.iter().map(pick).collect();
    let mut series = vec![Series {
        label: words.t("figure.score").into(),
        kind: "overall",
        values: column(|f| f.score),
    }];
    let groups = visible && report.counts.marketing > 0 && report.counts.it > 0;
    if groups {
        series.push(Series {
            label: words.t("role.marketing").into(),
            kind: "marketing",
            values: column(|f| f.marketing),
        });
        series.push(Series {
            label: words.t("role.it").into(),
            kind: "it",
            values: column(|f| f.it),
        });
    }
    let gaps: Vec<Option<f64>> = column(Figures::signed_gap);
    let gap_note = words.t(if report.counts.total() == 1 {
        "report.gap-note-one"
    } else {
        "report.gap-note-group"
    });
    // For one person one side is their own view and the other their estimate of the other
    // function.
    let (left, right) = match (report.counts.total(), report.counts.marketing) {
        (1, 1) => ("chart.estimate-of-it-higher", "chart.own-view-higher-right"),
        (1, _) => (
            "chart.own-view-higher-left",
            "chart.estimate-of-marketing-higher",
        ),
        _ => ("chart.it-higher", "chart.marketing-higher"),
    };
    let title = format!("{id}-charts-title");
    html! {
        <section class="charts" aria-labelledby={words.region(title.clone())}>
            {words.heading(2, words.t("report.charts")).id(title)}
            <Radar id={format!("{id}-radar")} dimensions={dimensions.clone()} {series} />
            if visible && gaps.iter().any(Option::is_some) {
                <GapBars id={format!("{id}-gaps")} {dimensions} {gaps} note={gap_note}
                         left={words.t(left)} right={words.t(right)} />
            } else if visible {
                <p class="note">{words.t("report.gap-needs")}</p>
            } else {
                <p class="note">{words.t("report.gap-hidden")}</p>
            }
        </section>
    }
}

/// "After discussion": a workshop's second round beside its first. What converged and the
/// average changes, each re-rated dimension's score before and after as a chart, every figure
/// before and after in its table, and where Marketing and IT are still apart. For the room
/// (`for_room`) the chart and the verdicts alone, so the slide fits the projector.
pub fn after_discussion(
    words: Words,
    bank: &Bank,
    convergence: &Convergence,
    threshold: u8,
    for_room: bool,
) -> Html {
    let title = |d: usize| bank.dimensions[d].title.clone();
    let titles = |dimensions: Vec<usize>| {
        dimensions
            .into_iter()
            .map(title)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let re_rated: Vec<usize> = convergence.dimensions.iter().map(|m| m.dimension).collect();
    let rows: Vec<Moved> = convergence
        .dimensions
        .iter()
        .map(|moved| Moved {
            dimension: title(moved.dimension).into(),
            before: moved.score_before,
            after: moved.score_after,
        })
        .collect();
    let apart = convergence.apart();
    // Before and after in one cell, so the table fits a page and, scrolled, a phone.
    let moved_figure = |before: Option<f64>, after: Option<f64>| {
        format!("{} → {}", figure(words, before), figure(words, after))
    };
    html! {
        <section class="after-discussion" aria-labelledby={words.region("after-title")}>
            {words.heading(2, words.t("after.heading")).id("after-title")}
            if !for_room {
                <p>{words.f("after.intro", &[("dimensions", &titles(re_rated))])}</p>
            }
            <ul class="after-summary">
                <li>{words.f("after.converged", &[("converged", &convergence.converged()), ("total", &convergence.dimensions.len())])}</li>
                if let Some(change) = convergence.spread_change {
                    <li>{words.f("after.spread-change", &[("change", &words.figure(change))])}</li>
                }
                if let Some(change) = convergence.gap_change {
                    <li>{words.f("after.gap-change", &[("change", &words.figure(change))])}</li>
                } else {
                    <li>{words.f("after.gap-hidden", &[("threshold", &threshold)])}</li>
                }
            </ul>
            <BeforeAfter id="after-chart" {rows} />
            // Scrolls sideways on a phone, so it can be reached and scrolled by keyboard, and is
            // named by its caption (a landmark only where the page has regions).
            if !for_room {
                <div class="table-scroll" tabindex="0" role={words.region("region")} aria-labelledby="after-table">
                    <table class="after-table">
                        <caption id="after-table">{words.t("after.table")}</caption>
                        <thead>
                            <tr>
                                for key in ["chart.dimension", "after.verdict", "figure.score", "figure.gap", "figure.spread"] {
                                    <th scope="col">{words.t(key)}</th>
                                }
                            </tr>
                        </thead>
                        <tbody>
                            for moved in &convergence.dimensions {
                                <tr key={moved.dimension}>
                                    <th scope="row">{title(moved.dimension)}</th>
                                    <td class="verdict">{words.t(moved.verdict())}</td>
                                    <td>{moved_figure(moved.score_before, moved.score_after)}</td>
                                    <td>{moved_figure(moved.gap_before, moved.gap_after)}</td>
                                    <td>{moved_figure(moved.spread_before, moved.spread_after)}</td>
                                </tr>
                            }
                        </tbody>
                    </table>
                </div>
            }
            // Neither verdict when the only ones not converged were not answered again: the
            // table says so for each.
            if !apart.is_empty() {
                <p class="after-verdict">{words.f("after.still-apart", &[("dimensions", &titles(apart))])}</p>
            } else if convergence.all_converged() {
                <p class="after-verdict">{words.t("after.all-converged")}</p>
            }
            if !for_room {
                <p class="note">{words.t("after.rule")}</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TrendProps {
    pub bank: Rc<Bank>,
    /// The run this report shows.
    pub current: Run,
    /// Other runs; those of the same bank up to the current run's date are compared.
    pub runs: Vec<Run>,
}

/// "Since last time": the change per dimension against the previous run, the last five scores
/// as a small line, and the norms adopted earlier for the dimensions that moved.
#[component]
pub fn Trend(props: &TrendProps) -> Html {
    let words = use_words();
    let trend = history::trend(&props.bank, &props.current, &props.runs);
    if trend.is_empty() {
        return Html::default();
    }
    let title = |id: &str| props.bank.dimension_title(id).to_owned();
    let moved: Vec<_> = trend
        .iter()
        .filter(|t| t.moved() && !t.norms.is_empty())
        .collect();
    html! {
        <section class="trend" aria-labelledby={words.region("trend-title")}>
            {words.heading(2, words.t("trend.title")).id("trend-title")}
            <table class="trend-table">
                <thead>
                    <tr>
                        <th scope="col">{words.t("chart.dimension")}</th>
                        <th scope="col">{words.t("trend.now")}</th>
                        <th scope="col">{words.t("trend.change")}</th>
                        <th scope="col">{words.t("trend.last-runs")}</th>
                    </tr>
                </thead>
                <tbody>
                    for each in &trend {
                        <tr key={each.dimension.clone()} class={classes!(each.moved().then_some("moved"))}>
                            <th scope="row">{title(&each.dimension)}</th>
                            <td>{figure(words, each.current)}</td>
                            <td>
                                {match (each.change, each.since) {
                                    (Some(change), Some(since)) => words.f("trend.since", &[("change", &words.signed(change)), ("date", &words.date(since))]),
                                    _ => words.t("trend.no-earlier").to_owned(),
                                }}
                            </td>
                            <td>
                                if each.series.len() > 1 {
                                    <Sparkline
                                        values={each.series.clone()}
                                        label={words.f("trend.sparkline", &[
                                            ("runs", &each.series.len()),
                                            ("scores", &each.series.iter().map(|v| words.figure(*v)).collect::<Vec<_>>().join(", ")),
                                        ])}
                                    />
                                }
                            </td>
                        </tr>
                    }
                </tbody>
            </table>
            if !moved.is_empty() {
                {words.heading(3, words.t("trend.norms-behind"))}
                <ul>
                    for each in moved {
                        <li key={each.dimension.clone()}>
                            {words.f("trend.moved", &[
                                ("dimension", &title(&each.dimension)),
                                ("change", &each.change.map(|change| words.signed(change)).unwrap_or_default()),
                                ("norms", &each.norms.iter().map(|n| words.f("quoted", &[("text", n)])).collect::<Vec<_>>().join(", ")),
                            ])}
                        </li>
                    }
                </ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReportExportsProps {
    /// The document the exports are made from, with its norms.
    pub document: WorkshopDocument,
    /// What the file names start with: the workshop's name, or "self-assessment".
    pub name: AttrValue,
    /// The Markdown report's heading.
    pub heading: AttrValue,
    /// The source column of the CSV files: the workshop's name, or "self-assessment".
    pub source: AttrValue,
    /// The address of the printable report.
    pub sheet: AttrValue,
}

/// Writes one export from the document, its CSV source name, its Markdown heading and the
/// language of its words.
type Make = fn(&WorkshopDocument, &str, &str, Locale) -> String;

/// The report's actions, the everyday ones first: print, Markdown, the two CSV files, and the
/// JSON document that Tandem imports again. Shown at the top of a report and at its foot.
#[component]
pub fn ReportExports(props: &ReportExportsProps) -> Html {
    let words = use_words();
    let sheet = use_setup().address(&props.sheet);
    let failed = use_state_eq(|| false);
    // The files are written when asked for, not on every render: a large workshop's CSV is
    // thousands of rows.
    let exported = Rc::new((
        props.document.clone(),
        props.source.to_string(),
        props.heading.to_string(),
        props.name.to_string(),
    ));
    let offer = |what: &'static str, extension: &'static str, mime: &'static str, make: Make| {
        let (failed, exported) = (failed.clone(), exported.clone());
        Callback::from(move |_: MouseEvent| {
            let (document, source, heading, name) = &*exported;
            let day = browser::now_iso();
            let file = export::file_name(
                name,
                words.t(what),
                day.get(..10).unwrap_or("export"),
                extension,
            );
            let contents = make(document, source, heading, words.0);
            failed.set(browser::download(&file, mime, &contents).is_err());
        })
    };
    let on_json = {
        let (failed, exported) = (failed.clone(), exported.clone());
        Callback::from(move |_: MouseEvent| {
            let (document, _, _, name) = &*exported;
            failed.set(crate::offer_document(document.clone(), name).is_err());
        })
    };
    html! {
        <div class="report-actions" role="group" aria-label={words.t("export.group")}>
            <a class="button primary" href={sheet} target="tandem-report">{words.t("export.report-print")}</a>
            <button type="button" class="button" onclick={offer("export.file-report", "md", "text/markdown", |d, _, heading, locale| export::report_markdown(d, heading, locale))}>
                {words.t("export.report-md")}
            </button>
            <button type="button" class="button" onclick={offer("export.file-answers", "csv", "text/csv", |d, source, _, _| export::answers_csv(d, source))}>
                {words.t("export.answers-csv")}
            </button>
            <button type="button" class="button" onclick={offer("export.file-summary", "csv", "text/csv", |d, source, _, _| export::summary_csv(d, source))}>
                {words.t("export.summary-csv")}
            </button>
            <button type="button" class="button" onclick={on_json}>
                {words.t("export.document-json")}
            </button>
            <div role="alert">
                if *failed {
                    <p class="refusal">{words.t("notice.download-failed")}</p>
                }
            </div>
        </div>
    }
}

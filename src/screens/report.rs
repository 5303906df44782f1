//! The friction report of a self-assessment: the two indices with their levels, the hotspots with
//! recommendations from the seeds, every dimension's figures as bars and numbers, and how it is
//! scored. All figures come from `tandem_core::scoring`; this screen only lays them out.

use std::rc::Rc;

use tandem_core::scoring::{self, Report};
use tandem_core::{Bank, Dimension, Figures, Level, Norms, Respondent, format1};
use yew::prelude::*;

use crate::hooks::use_focus_on_mount;

use crate::components::{ScoreBar, StartOverButton};
use crate::screens::norms::AgreementView;

#[derive(Properties, PartialEq)]
pub struct ReportScreenProps {
    pub bank: Rc<Bank>,
    pub respondent: Respondent,
    pub unanswered: usize,
    pub on_download: Callback<()>,
    pub on_edit: Callback<()>,
    pub on_answer_rest: Callback<()>,
    pub on_start_over: Callback<()>,
    /// The norms this person has drafted to propose.
    pub proposal: Norms,
    pub on_draft_norms: Callback<()>,
}

/// "4 Improved", or "not assessed".
#[must_use]
pub fn level_text(level: Option<Level>) -> String {
    level.map_or_else(
        || "not assessed".to_owned(),
        |level| format!("{} {}", level.number(), level.name()),
    )
}

#[must_use]
pub fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "not available".to_owned(), format1)
}

#[component]
pub fn ReportScreen(props: &ReportScreenProps) -> Html {
    let report = use_memo(
        (props.bank.clone(), props.respondent.clone()),
        |(bank, respondent)| scoring::score(bank, std::slice::from_ref(respondent)),
    );
    let heading = use_focus_on_mount();
    let bank = &props.bank;
    html! {
        <section class="screen report" aria-labelledby="report-title">
            <h1 id="report-title" tabindex="-1" ref={heading}>{"Your friction report"}</h1>
            <p class="lead">
                {format!("Your view as {}, scored out of 100.", props.respondent.role.label())}
            </p>
            if props.unanswered > 0 {
                <p class="note">
                    {format!(
                        "You left {} statement{} unanswered; they are not counted. ",
                        props.unanswered,
                        if props.unanswered == 1 { "" } else { "s" }
                    )}
                    <button type="button" class="link" onclick={props.on_answer_rest.reform(|_: MouseEvent| ())}>
                        {"Answer them now"}
                    </button>
                </p>
            }
            {indices(&report)}
            {hotspots(bank, &report)}
            <section class="next-step" aria-labelledby="norms-title">
                <h2 id="norms-title">{"From friction to norms"}</h2>
                <p>
                    {"Draft the norms you would like both functions to agree on, starting from your                       hotspots, and take them to the other team."}
                </p>
                <button type="button" class="button primary" onclick={props.on_draft_norms.reform(|_: MouseEvent| ())}>
                    {if props.proposal.ideas.is_empty() { "Draft norms to propose" } else { "Edit the norms I propose" }}
                </button>
            </section>
            if !props.proposal.agreement().is_empty() {
                <AgreementView bank={bank.clone()} norms={props.proposal.clone()} title="Norms you propose" level={2} />
            }
            {dimensions(bank, &report)}
            <section class="explanation" aria-labelledby="how-title">
                <h2 id="how-title">{"How this is scored"}</h2>
                for paragraph in scoring::explanation() {
                    <p>{paragraph}</p>
                }
            </section>
            <div class="report-actions">
                <button type="button" class="button primary" onclick={props.on_download.reform(|_: MouseEvent| ())}>
                    {"Download results (JSON)"}
                </button>
                <button type="button" class="button" onclick={props.on_edit.reform(|_: MouseEvent| ())}>
                    {"Change my answers"}
                </button>
                <StartOverButton on_confirm={props.on_start_over.clone()} />
            </div>
        </section>
    }
}

pub fn indices(report: &Report) -> Html {
    let card = |title: &'static str, value: Option<f64>, detail: String, kind: &'static str| {
        html! {
            <div class={classes!("index", format!("index-{kind}"))}>
                <h2 class="index-title">{title}</h2>
                <p class="index-value">
                    <span class="number">{figure(value)}</span>
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
                "Alignment index",
                report.alignment_index,
                format!("Higher is better: level {}.", level_text(report.level())),
                "score",
            )}
            {card(
                "Friction index",
                report.friction_index,
                "Higher means more friction between the two functions.".to_owned(),
                "friction",
            )}
        </div>
    }
}

pub fn hotspots(bank: &Bank, report: &Report) -> Html {
    let leading = report.leading_hotspots();
    let body = if leading.is_empty() {
        let watch = report.watch().map(|d| {
            let friction = figure(report.dimensions[d].friction);
            format!(
                " The place to keep watching is {} (friction {friction}).",
                bank.dimensions[d].title
            )
        });
        html! {
            <p>
                {format!(
                    "No hotspots: no dimension reaches a friction of {:.0}.",
                    scoring::HOTSPOT_FRICTION
                )}
                {watch.unwrap_or_default()}
            </p>
        }
    } else {
        html! {
            <ol class="hotspot-list">
                for &d in leading {
                    {hotspot(&bank.dimensions[d], &report.dimensions[d])}
                }
            </ol>
        }
    };
    html! {
        <section class="hotspots" aria-labelledby="hotspots-title">
            <h2 id="hotspots-title">{"Hotspots: where to start"}</h2>
            {body}
        </section>
    }
}

fn hotspot(dimension: &Dimension, figures: &Figures) -> Html {
    html! {
        <li class="hotspot">
            <h3>{&dimension.title}</h3>
            <p class="hotspot-figures">
                {format!(
                    "Friction {} · score {} (level {})",
                    figure(figures.friction),
                    figure(figures.score),
                    level_text(figures.level())
                )}
            </p>
            if !dimension.recommendations.is_empty() {
                <ul class="recommendations">
                    for recommendation in &dimension.recommendations {
                        <li>
                            {&recommendation.text}
                            if let Some(source) = &recommendation.source {
                                <span class="source">
                                    {format!(" (from \u{201c}{}\u{201d}, {})", source.article_title(), source.heading)}
                                </span>
                            }
                        </li>
                    }
                </ul>
            }
        </li>
    }
}

fn dimensions(bank: &Bank, report: &Report) -> Html {
    html! {
        <section class="dimensions" aria-labelledby="dimensions-title">
            <h2 id="dimensions-title">{"Every dimension"}</h2>
            if report.counts.total() == 1 {
                <p>
                    {"Spread measures how much people disagree with each other, so with one \
                      person answering it is always 0. The estimated gap is the distance between \
                      your view and how you think the other function sees it."}
                </p>
            }
            <ul class="dimension-list">
                for (dimension, figures) in bank.dimensions.iter().zip(&report.dimensions) {
                    <li class="dimension" key={dimension.id.clone()}>
                        <h3>{&dimension.title}</h3>
                        if figures.is_assessed() {
                            <p class="dimension-level">
                                {format!("Level {}", level_text(figures.level()))}
                            </p>
                            <dl class="figures">
                                {figure_row("Score", figures.score, 100.0, "score", "not available")}
                                {figure_row("Friction", figures.friction, 100.0, "friction", "not available")}
                                {figure_row("Spread", figures.spread, 50.0, "friction", "not available")}
                                {figure_row(
                                    "Estimated gap",
                                    figures.estimated_gap,
                                    100.0,
                                    "friction",
                                    "no estimate given",
                                )}
                            </dl>
                        } else {
                            <p class="not-assessed">{"Not assessed: no statement here was answered."}</p>
                        }
                    </li>
                }
            </ul>
        </section>
    }
}

/// One figure as a labelled bar with its number written next to it.
pub fn figure_row(
    label: &'static str,
    value: Option<f64>,
    max: f64,
    kind: &'static str,
    missing: &'static str,
) -> Html {
    html! {
        <div class="figure">
            <dt>{label}</dt>
            <dd>
                <ScoreBar {value} {max} {kind} />
                <span class="figure-value">{value.map_or_else(|| missing.to_owned(), format1)}</span>
            </dd>
        </div>
    }
}

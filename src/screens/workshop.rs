//! The facilitator's view of one workshop: the agenda, the current phase's script and timer, the
//! count of answers (never the answers), the reveal of the group's friction report, the norms
//! phases (in `screens::brainstorm`), and export.

use std::rc::Rc;

use tandem_core::document::groups_visible;
use tandem_core::history::Run;
use tandem_core::scoring::Report;
use tandem_core::workshop::{iso_date, read_date_and_threshold};
use tandem_core::{Bank, Figures, Phase, TandemAction, View, Workshop, WorkshopAction, format1};
use yew::prelude::*;

use crate::browser;
use crate::components::{Countdown, CountdownControls, bind_text};
use crate::hooks::use_focus_on_mount;
use crate::hooks::{use_bank, use_report};
use crate::screens::brainstorm::{NormsPhase, agreement};
use crate::screens::collect::CollectCodes;
use crate::screens::report::{
    ReportExports, Trend, charts, figure_row, hotspots, indices, level_text,
};
use crate::screens::workshops::{answer_counts, long_date};

#[derive(Properties, PartialEq)]
pub struct FacilitatorViewProps {
    pub workshop: Workshop,
    /// Every saved workshop as a run, for the trend.
    pub runs: Vec<Run>,
    pub refusal: Option<String>,
    pub dispatch: Callback<TandemAction>,
    pub on_open: Callback<View>,
}

#[component]
pub fn FacilitatorView(props: &FacilitatorViewProps) -> Html {
    let heading = use_focus_on_mount();
    let export_failed = use_state_eq(|| false);
    let workshop = &props.workshop;
    let act = |action: fn() -> WorkshopAction| {
        let id = workshop.id.clone();
        props.dispatch.reform(move |()| TandemAction::Workshop {
            id: id.clone(),
            action: action(),
        })
    };
    let act_at = |action: fn(u64) -> WorkshopAction| {
        let id = workshop.id.clone();
        props.dispatch.reform(move |()| TandemAction::Workshop {
            id: id.clone(),
            action: action(browser::now_ms()),
        })
    };
    let controls = CountdownControls {
        on_start: act_at(|now_ms| WorkshopAction::StartTimer { now_ms }),
        on_pause: act_at(|now_ms| WorkshopAction::PauseTimer { now_ms }),
        on_extend: act_at(|now_ms| WorkshopAction::ExtendTimer {
            by_ms: 60_000,
            now_ms,
        }),
        on_reset: act(|| WorkshopAction::ResetTimer),
    };
    let on_export = {
        let (workshop, export_failed) = (workshop.clone(), export_failed.clone());
        Callback::from(move |_: MouseEvent| {
            export_failed
                .set(crate::offer_document(workshop.document(), "tandem-workshop").is_err());
        })
    };
    let phase = workshop.phase();
    let previous = workshop
        .current
        .checked_sub(1)
        .and_then(|i| workshop.phases.get(i));
    let next = workshop.phases.get(workshop.current + 1);
    html! {
        <section class="screen facilitator" aria-labelledby="workshop-title">
            <p>
                <button type="button" class="link"
                        onclick={props.on_open.reform(|_: MouseEvent| View::Workshops)}>
                    {"\u{2190} All workshops"}
                </button>
            </p>
            <h1 id="workshop-title" tabindex="-1" ref={heading}>{&workshop.name}</h1>
            <p class="workshop-meta">
                {long_date(workshop.date)}{" \u{b7} "}{answer_counts(workshop)}
            </p>
            if let Some(refusal) = &props.refusal {
                <p class="refusal" role="alert">{refusal}</p>
            }
            <nav class="agenda" aria-label="Agenda">
                <ol>
                    for (index, each) in workshop.phases.iter().enumerate() {
                        <li key={format!("{each:?}")}>
                            <button type="button" class="link"
                                    aria-current={(index == workshop.current).then_some("step")}
                                    onclick={{
                                        let id = workshop.id.clone();
                                        props.dispatch.reform(move |_: MouseEvent| TandemAction::Workshop {
                                            id: id.clone(),
                                            action: WorkshopAction::GoToPhase(index),
                                        })
                                    }}>
                                {each.title()}
                            </button>
                        </li>
                    }
                </ol>
            </nav>
            <section class="phase" aria-labelledby="phase-title">
                <h2 id="phase-title">{phase.title()}</h2>
                <p class="phase-duration">{format!("About {} minutes", phase.minutes())}</p>
                <Countdown timer={workshop.timer} phase={phase.title()} controls={Some(controls)} />
                <h3>{"Facilitator script"}</h3>
                <ul class="script">
                    for line in phase.script() {
                        <li>{*line}</li>
                    }
                </ul>
                {phase_content(workshop, &props.runs, &props.dispatch)}
            </section>
            <div class="step-actions">
                if let Some(previous) = previous {
                    <button type="button" class="button" onclick={act(|| WorkshopAction::PreviousPhase).reform(|_: MouseEvent| ())}>
                        {format!("Back: {}", previous.title())}
                    </button>
                } else {
                    <span></span>
                }
                if let Some(next) = next {
                    <button type="button" class="button primary" onclick={act(|| WorkshopAction::NextPhase).reform(|_: MouseEvent| ())}>
                        {format!("Next: {}", next.title())}
                    </button>
                }
            </div>
            <EditDetails key={workshop.id.clone()} workshop={workshop.clone()} dispatch={props.dispatch.clone()} />
            <div class="report-actions">
                <a class="button" href={crate::presenter_address(&workshop.id)} target="tandem-presenter">
                    {"Open the presenter view"}
                </a>
                <button type="button" class="button" onclick={on_export}>{"Export workshop (JSON)"}</button>
            </div>
            if *export_failed {
                <p class="refusal" role="alert">{"The browser did not start the download. Please try again."}</p>
            }
        </section>
    }
}

/// The report's exports, offered once the results are revealed.
fn exports(workshop: &Workshop) -> Html {
    html! {
        <ReportExports
            document={workshop.document()}
            stem="tandem-workshop"
            heading={format!("Friction report: {}", workshop.name)}
            source={workshop.name.clone()}
            sheet={format!("{}{}", crate::REPORT_HASH, workshop.id)}
        />
    }
}

fn phase_content(workshop: &Workshop, runs: &[Run], dispatch: &Callback<TandemAction>) -> Html {
    let id = workshop.id.clone();
    let act = move |action: WorkshopAction| {
        let id = id.clone();
        dispatch.reform(move |_: MouseEvent| TandemAction::Workshop {
            id: id.clone(),
            action: action.clone(),
        })
    };
    match workshop.phase() {
        Phase::Welcome => Html::default(),
        Phase::Assessment => html! {
            <div class="phase-content">
                <p class="answered-count" aria-live="polite">
                    {format!("Answered so far: {}.", answer_counts(workshop))}
                </p>
                <p>{"Hand the device to the next participant. Their answers stay hidden from everyone, you included."}</p>
                <button type="button" class="button primary big" onclick={act(WorkshopAction::StartTurn)}>
                    {"I'm next"}
                </button>
                <CollectCodes workshop={workshop.clone()} dispatch={dispatch.clone()} />
            </div>
        },
        Phase::Brainstorm | Phase::Vote | Phase::Rank | Phase::Agree => html! {
            <NormsPhase workshop={workshop.clone()} dispatch={dispatch.clone()} />
        },
        Phase::Summary if workshop.revealed => html! {
            <>
                <RevealReport workshop={workshop.clone()} runs={runs.to_vec()} />
                {agreement(workshop, &Rc::new(workshop.bank.clone()))}
                {exports(workshop)}
            </>
        },
        Phase::Reveal if workshop.revealed => html! {
            <>
                <RevealReport workshop={workshop.clone()} runs={runs.to_vec()} />
                {exports(workshop)}
            </>
        },
        Phase::Reveal | Phase::Summary => html! {
            <div class="phase-content">
                <p>{format!("Answered so far: {}. The results are hidden until you reveal them.", answer_counts(workshop))}</p>
                if !groups_visible(workshop.counts(), workshop.threshold) {
                    <p class="note">
                        {format!(
                            "Marketing and IT figures will stay hidden: each needs at least {} respondents.",
                            workshop.threshold
                        )}
                    </p>
                }
                <button type="button" class="button primary big" onclick={act(WorkshopAction::Reveal)}>
                    {"Reveal the results"}
                </button>
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct RevealReportProps {
    pub workshop: Workshop,
    /// Every saved workshop as a run, for the trend against earlier workshops of the same bank.
    #[prop_or_default]
    pub runs: Vec<Run>,
}

/// The group's friction report with Marketing and IT side by side, within the privacy threshold.
#[component]
pub fn RevealReport(props: &RevealReportProps) -> Html {
    let report = use_report(&props.workshop);
    let workshop = &props.workshop;
    let visible = groups_visible(report.counts, workshop.threshold);
    let bank = use_bank(&workshop.bank);
    let current = Run::from_report(
        workshop.id.clone(),
        workshop.date,
        &workshop.bank,
        &report,
        &workshop.norms,
    );
    html! {
        <div class="reveal">
            {indices(&report)}
            {charts(&workshop.bank, &report, visible, "workshop")}
            {hotspots(&workshop.bank, &report)}
            <Trend bank={bank} {current} runs={props.runs.clone()} />
            {breakdown(&workshop.bank, &report, visible, workshop.threshold)}
        </div>
    }
}

fn breakdown(bank: &Bank, report: &Report, visible: bool, threshold: u8) -> Html {
    let hidden = format!("hidden: fewer than {threshold} respondents in a group");
    html! {
        <section class="dimensions" aria-labelledby="breakdown-title">
            <h2 id="breakdown-title">{"Every dimension, Marketing and IT side by side"}</h2>
            if !visible {
                <p class="note">{format!("Marketing and IT figures are {hidden}.")}</p>
            }
            <ul class="dimension-list">
                for (dimension, figures) in bank.dimensions.iter().zip(&report.dimensions) {
                    <li class="dimension" key={dimension.id.clone()}>
                        <h3>{&dimension.title}</h3>
                        if figures.is_assessed() {
                            <p class="dimension-level">{format!("Level {}", level_text(figures.level()))}</p>
                            <dl class="figures">
                                {figure_row("Score", figures.score, 100.0, "score", "not available")}
                                if visible {
                                    {figure_row("Marketing", figures.marketing, 100.0, "score", "no answers")}
                                    {figure_row("IT", figures.it, 100.0, "score", "no answers")}
                                    {figure_row("Gap", figures.gap, 100.0, "friction", "not available")}
                                } else {
                                    <div class="figure">
                                        <dt>{"Marketing, IT, gap"}</dt>
                                        <dd><span class="hidden-figure">{&hidden}</span></dd>
                                    </div>
                                }
                                {figure_row("Spread", figures.spread, 50.0, "friction", "not available")}
                                {figure_row("Friction", figures.friction, 100.0, "friction", "not available")}
                            </dl>
                            if visible {
                                {perception(figures)}
                            }
                        } else {
                            <p class="not-assessed">{"Not assessed: nobody answered these statements."}</p>
                        }
                    </li>
                }
            </ul>
        </section>
    }
}

/// "IT thinks Marketing rates this 40; Marketing actually rates it 65", both ways.
fn perception(figures: &Figures) -> Html {
    let sentence = |guesser: &str, side: &str, guess: Option<f64>, actual: Option<f64>| {
        guess.zip(actual).map(|(guess, actual)| {
            format!(
                "{guesser} thinks {side} rates this {}; {side} actually rates it {}.",
                format1(guess),
                format1(actual)
            )
        })
    };
    let lines: Vec<String> = [
        sentence(
            "IT",
            "Marketing",
            figures.marketing_as_seen_by_it,
            figures.marketing,
        ),
        sentence(
            "Marketing",
            "IT",
            figures.it_as_seen_by_marketing,
            figures.it,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <>
            for line in lines {
                <p class="perception">{line}</p>
            }
            if let Some(gap) = figures.perception_gap {
                <p class="perception">{format!("Perception gap: {}", format1(gap))}</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct EditDetailsProps {
    workshop: Workshop,
    dispatch: Callback<TandemAction>,
}

/// Rename the workshop and change its date, threshold and phases. Each change goes through the
/// core's validation; a refusal is shown at the top of the view.
#[component]
fn EditDetails(props: &EditDetailsProps) -> Html {
    let workshop = &props.workshop;
    let name = use_state(|| workshop.name.clone());
    let date = use_state(|| iso_date(workshop.date));
    let threshold = use_state(|| workshop.threshold.to_string());
    let problem = use_state(|| None::<String>);
    let onsubmit = {
        let (name, date, threshold, problem) = (
            name.clone(),
            date.clone(),
            threshold.clone(),
            problem.clone(),
        );
        let (id, dispatch) = (workshop.id.clone(), props.dispatch.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (day, k) = match read_date_and_threshold(&date, &threshold) {
                Ok(fields) => fields,
                Err(error) => {
                    problem.set(Some(error.to_string()));
                    return;
                }
            };
            problem.set(None);
            dispatch.emit(TandemAction::Workshop {
                id: id.clone(),
                action: WorkshopAction::EditDetails {
                    name: (*name).clone(),
                    date: day,
                    threshold: k,
                },
            });
        })
    };
    let toggle_phase = |phase: Phase| {
        let (id, dispatch, phases) = (
            workshop.id.clone(),
            props.dispatch.clone(),
            workshop.phases.clone(),
        );
        Callback::from(move |_: Event| {
            let mut chosen = phases.clone();
            if let Some(at) = chosen.iter().position(|p| *p == phase) {
                chosen.remove(at);
            } else {
                chosen.push(phase);
            }
            dispatch.emit(TandemAction::Workshop {
                id: id.clone(),
                action: WorkshopAction::SetPhases(chosen),
            });
        })
    };
    html! {
        <details class="edit-details">
            <summary>{"Workshop details"}</summary>
            <form onsubmit={onsubmit} novalidate=true>
                if let Some(problem) = &*problem {
                    <p class="refusal" role="alert">{problem}</p>
                }
                <div class="field">
                    <label for="edit-name">{"Name"}</label>
                    <input id="edit-name" type="text" value={(*name).clone()} oninput={bind_text(&name)} autocomplete="off" />
                </div>
                <div class="field">
                    <label for="edit-date">{"Date"}</label>
                    <input id="edit-date" type="date" value={(*date).clone()} oninput={bind_text(&date)} />
                </div>
                <div class="field">
                    <label for="edit-threshold">{"Privacy threshold"}</label>
                    <input id="edit-threshold" type="number" min="1" max="10" value={(*threshold).clone()}
                           oninput={bind_text(&threshold)} />
                </div>
                <button type="submit" class="button">{"Save details"}</button>
                <fieldset class="field phases">
                    <legend>{"Phases (change at once)"}</legend>
                    for phase in Phase::ALL {
                        <label class="check">
                            <input type="checkbox" checked={workshop.phases.contains(&phase)}
                                   onchange={toggle_phase(phase)} />
                            {format!(" {}", phase.title())}
                        </label>
                    }
                </fieldset>
            </form>
        </details>
    }
}

//! The presenter view: what the projector shows. Large type, the current phase and its timer,
//! after the reveal the group's report, and the norms as they are revealed, voted, ranked and
//! agreed; no facilitator controls, no individual answers and no votes by person. It only reads: it follows the facilitator's window through storage events and never
//! saves anything.

use tandem_core::history::Run;
use tandem_core::{Phase, Workshop};
use yew::prelude::*;

use crate::components::Countdown;
use crate::hooks::use_report;
use crate::hooks::use_stored;
use crate::screens::norms::{AgreementView, Board, Prompts, RankedList, idea_count, voter_count};
use crate::screens::workshop::RevealReport;
use crate::screens::workshops::answer_counts;
use crate::setup::{Setup, Words, use_words};
use crate::storage;

#[derive(Properties, PartialEq, Clone)]
pub struct PresenterProps {
    pub workshop_id: AttrValue,
}

/// The workshop, and every saved workshop as a run for the trend.
fn read(setup: &Setup, id: &str) -> Option<(Workshop, Vec<Run>)> {
    let workshops = storage::load(&setup.prefix).state.workshops;
    Some((workshops.get(id)?.clone(), workshops.runs()))
}

#[component]
pub fn Presenter(props: &PresenterProps) -> Html {
    let words = use_words();
    let workshop = use_stored(props.workshop_id.clone(), read);
    let Some((workshop, runs)) = &*workshop else {
        return html! {
            <div class="tandem presenter">
                <main class="tandem-main">
                    <h1>{words.t("sheet.workshop-missing")}</h1>
                    <p class="lead">{words.t("presenter.open-from")}</p>
                </main>
            </div>
        };
    };
    let phase = workshop.phase();
    html! {
        <div class="tandem presenter">
            <main class="tandem-main">
                <p class="presenter-workshop">{&workshop.name}</p>
                <h1>{phase.title(words.0)}</h1>
                <Countdown timer={workshop.timer} phase={phase.title(words.0)} />
                {content(words, workshop, runs, phase)}
            </main>
        </div>
    }
}

fn content(words: Words, workshop: &Workshop, runs: &[Run], phase: Phase) -> Html {
    let runs = || runs.to_vec();
    match phase {
        Phase::Welcome => html! {
            <ul class="presenter-points">
                <li>{words.t("presenter.anonymous")}</li>
                <li>{words.t("presenter.threshold")}</li>
                <li>{words.t("presenter.usually")}</li>
            </ul>
        },
        Phase::Assessment => html! {
            <p class="presenter-count" aria-live="polite">{words.f("workshop.answered-so-far", &[("counts", &answer_counts(words, workshop))])}</p>
        },
        Phase::Brainstorm | Phase::Vote | Phase::Rank | Phase::Agree => html! {
            <PresentNorms workshop={workshop.clone()} />
        },
        Phase::Summary if workshop.revealed => html! {
            <>
                <RevealReport workshop={workshop.clone()} runs={runs()} />
                <PresentNorms workshop={workshop.clone()} />
            </>
        },
        Phase::Reveal if workshop.revealed => html! {
            <RevealReport workshop={workshop.clone()} runs={runs()} />
        },
        Phase::Reveal | Phase::Summary => html! {
            <p class="presenter-count">{words.t("presenter.results-appear")}</p>
        },
    }
}

#[derive(Properties, PartialEq)]
struct PresentNormsProps {
    workshop: Workshop,
}

/// The norms phase on the projector: prompts and a count while people write, the board once it
/// is revealed, the ranked list, and the agreement.
#[component]
fn PresentNorms(props: &PresentNormsProps) -> Html {
    let words = use_words();
    let workshop = &props.workshop;
    let report = use_report(workshop);
    let bank = workshop.bank.clone();
    let norms = workshop.norms.clone();
    match workshop.phase() {
        Phase::Brainstorm => html! {
            <>
                if workshop.revealed {
                    <Prompts bank={bank.clone()} report={report.clone()} level={2} />
                }
                if norms.revealed {
                    <Board bank={bank.clone()} {norms} on_action={None::<Callback<_>>} level={2} />
                } else {
                    <p class="presenter-count" aria-live="polite">
                        {idea_count(words, &norms)}{" "}{words.t("presenter.ideas-appear")}
                    </p>
                }
            </>
        },
        Phase::Vote if norms.revealed => html! {
            <>
                <p class="presenter-count" aria-live="polite">
                    {voter_count(words, &norms)}
                    if !norms.totals_visible() {
                        {" "}{words.t("presenter.totals-appear")}
                    }
                </p>
                <Board bank={bank.clone()} {norms} on_action={None::<Callback<_>>} level={2} />
            </>
        },
        Phase::Rank if norms.revealed => html! {
            <RankedList bank={bank.clone()} {norms} on_action={None::<Callback<_>>} level={2} />
        },
        Phase::Vote | Phase::Rank => html! {
            <p class="presenter-count">{words.t("presenter.ideas-appear")}</p>
        },
        _ => html! {
            <AgreementView bank={bank.clone()} {norms} title={words.t("agree.adopted")} level={2} />
        },
    }
}

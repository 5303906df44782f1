//! A participant's turn on the facilitator's device: choose a function and answer, or write norm
//! ideas, or place dots; then hand back. While it runs nothing else of the workshop is on screen,
//! so nobody sees another person's answers, ideas or votes, or the running results.

use std::rc::Rc;

use tandem_core::norms::NormsAction;
use tandem_core::workshop::Turn;
use tandem_core::{Action, Screen, Workshop, WorkshopAction};
use yew::prelude::*;

use crate::browser;
use crate::components::norms::{Ballot, IdeaForm, Prompts, first_focus, quoted};
use crate::components::{ChooseFunction, ConfirmButton};
use crate::hooks::use_focus_on_mount;
use crate::hooks::{use_convergence, use_report};
use crate::screens::AssessmentStep;
use crate::setup::{Words, use_words};

#[derive(Properties, PartialEq)]
pub struct TurnViewProps {
    pub workshop: Workshop,
    /// Why the last change was refused, for the person on the device.
    pub refusal: Option<String>,
    pub on_action: Callback<WorkshopAction>,
}

#[component]
pub fn TurnView(props: &TurnViewProps) -> Html {
    let words = use_words();
    let in_turn = {
        let on_action = props.on_action.clone();
        Callback::from(move |action: Action| {
            on_action.emit(WorkshopAction::Turn(action));
        })
    };
    let end_turn = {
        let on_action = props.on_action.clone();
        Callback::from(move |()| {
            on_action.emit(WorkshopAction::EndTurn);
        })
    };
    // A second-round turn answers only the re-rated dimensions, without estimates.
    let (journey, again) = match &props.workshop.turn {
        Some(Turn::Answering(journey)) => (journey, false),
        Some(Turn::Rerating(journey)) => (journey, true),
        Some(Turn::Writing { author }) => {
            return html! {
                <WriteIdeas workshop={props.workshop.clone()} author={author.clone()}
                            refusal={props.refusal.clone()} on_action={props.on_action.clone()} />
            };
        }
        Some(Turn::Voting { voter }) => {
            return html! {
                <Vote workshop={props.workshop.clone()} voter={voter.clone()}
                      refusal={props.refusal.clone()} on_action={props.on_action.clone()} />
            };
        }
        Some(Turn::Finished) | None => return html! { <HandBack on_done={end_turn} /> },
    };
    let cancel = html! {
        <div class="danger-zone">
            <ConfirmButton
                label={words.t("turn.cancel")}
                question={words.t("turn.cancel-question")}
                confirm_label={words.t("turn.cancel-confirm")}
                on_confirm={end_turn.clone()}
            />
        </div>
    };
    let bank = if again {
        Rc::new(props.workshop.rerate_bank())
    } else {
        props.workshop.bank.clone()
    };
    match (journey.screen, journey.respondent.clone()) {
        (Screen::Step(_), Some(_)) => html! {
            <>
                <AssessmentStep {bank} journey={journey.clone()} on_action={in_turn.clone()}
                                finish_label={words.t("turn.finish")} can_start_over={false}
                                estimates={!again} />
                {cancel}
            </>
        },
        _ => html! {
            <>
                <ChooseFunction id="turn-title" workshop={props.workshop.name.clone()}
                                title={words.t(if again { "turn.again-title" } else { "turn.your-turn" })}
                                lead={words.t(if again { "turn.again-lead" } else { "turn.private" })}
                                on_begin={in_turn.reform(|role| Action::Begin { role, respondent_id: browser::random_id() })} />
                {cancel}
            </>
        },
    }
}

#[derive(Properties, PartialEq)]
struct HandBackProps {
    on_done: Callback<()>,
}

#[component]
fn HandBack(props: &HandBackProps) -> Html {
    let words = use_words();
    let heading = use_focus_on_mount();
    html! {
        <section class="screen start" aria-labelledby={words.region("thanks-title")}>
            {words.heading(1, words.t("turn.thanks")).id("thanks-title").focusable(heading)}
            <p class="lead">{words.t("turn.saved")}</p>
            <button type="button" class="button primary" onclick={props.on_done.reform(|_: MouseEvent| ())}>
                {words.t("turn.back")}
            </button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct NormsTurnProps {
    workshop: Workshop,
    /// The anonymous id of the person writing or voting.
    #[prop_or_default]
    author: String,
    #[prop_or_default]
    voter: String,
    refusal: Option<String>,
    on_action: Callback<WorkshopAction>,
}

/// Sends a workshop action for the workshop on the device.
fn workshop_action(props: &NormsTurnProps) -> Callback<WorkshopAction> {
    let on_action = props.on_action.clone();
    Callback::from(move |action| {
        on_action.emit(action);
    })
}

/// One person writes norm ideas in private: only their own are on screen.
#[component]
fn WriteIdeas(props: &NormsTurnProps) -> Html {
    let words = use_words();
    let heading = use_focus_on_mount();
    let report = use_report(&props.workshop);
    let bank = props.workshop.bank.clone();
    let act = workshop_action(props);
    let author = props.author.clone();
    let on_add = act.reform(move |(dimension, text): (String, String)| {
        WorkshopAction::Norms(NormsAction::Add {
            id: browser::random_id(),
            author: author.clone(),
            dimension,
            text,
        })
    });
    let convergence = use_convergence(&props.workshop, &report);
    let first = first_focus(&bank, &report, convergence.as_deref());
    let mine: Vec<_> = props.workshop.norms.by(&props.author).cloned().collect();
    html! {
        <section class="screen" aria-labelledby={words.region("write-title")}>
            <p class="step-label">{&props.workshop.name}</p>
            {words.heading(1, words.t("turn.your-ideas")).id("write-title").focusable(heading)}
            <p class="lead">
                {words.t("turn.ideas-lead")}
            </p>
            if props.workshop.revealed {
                <Prompts bank={bank.clone()} report={report.clone()} {convergence} level={2} />
            }
            if let Some(refusal) = &props.refusal {
                <p class="refusal" role="alert">{refusal}</p>
            }
            <IdeaForm bank={bank.clone()} dimension={first} id="turn-idea" legend={words.t("turn.new-idea")} {on_add} />
            if !mine.is_empty() {
                {words.heading(2, words.t("turn.so-far"))}
                <ul class="idea-list">
                    for norm in mine {
                        <li class="idea" key={norm.id.clone()}>
                            <p class="idea-text">{&norm.text}</p>
                            <button type="button" class="button"
                                    aria-label={words.f("turn.remove-name", &[("idea", &quoted(words, &norm.text))])}
                                    onclick={act.reform(move |_: MouseEvent| WorkshopAction::Norms(NormsAction::Delete(norm.id.clone())))}>
                                {words.t("turn.remove")}
                            </button>
                        </li>
                    }
                </ul>
            }
            {done(words, &act)}
        </section>
    }
}

/// "Done": the person writing or voting hands the device back.
fn done(words: Words, act: &Callback<WorkshopAction>) -> Html {
    html! {
        <div class="step-actions">
            <span></span>
            <button type="button" class="button primary" onclick={act.reform(|_: MouseEvent| WorkshopAction::FinishTurn)}>
                {words.t("turn.done")}
            </button>
        </div>
    }
}

/// One person places their dots.
#[component]
fn Vote(props: &NormsTurnProps) -> Html {
    let words = use_words();
    let heading = use_focus_on_mount();
    let bank = props.workshop.bank.clone();
    let act = workshop_action(props);
    let cap = props.workshop.norms.cap;
    html! {
        <section class="screen" aria-labelledby={words.region("vote-title")}>
            <p class="step-label">{&props.workshop.name}</p>
            {words.heading(1, words.t("turn.your-dots")).id("vote-title").focusable(heading)}
            <p class="lead">
                {words.f(if cap == 1 { "turn.place-dot" } else { "turn.place-dots" }, &[("cap", &cap)])}
            </p>
            if let Some(refusal) = &props.refusal {
                <p class="refusal" role="alert">{refusal}</p>
            }
            <Ballot bank={bank.clone()} norms={props.workshop.norms.clone()} voter={props.voter.clone()}
                    on_action={act.reform(WorkshopAction::Norms)} />
            {done(words, &act)}
        </section>
    }
}

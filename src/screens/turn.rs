//! A participant's turn on the facilitator's device: choose a function, answer, hand back. While
//! it runs nothing else of the workshop is on screen, so nobody sees another person's answers or
//! the running results.

use std::rc::Rc;

use tandem_core::workshop::Turn;
use tandem_core::{Action, Role, Screen, TandemAction, Workshop, WorkshopAction};
use yew::prelude::*;

use crate::browser;
use crate::components::{ConfirmButton, RoleChoice};
use crate::hooks::use_focus_on_mount;
use crate::screens::AssessmentStep;

#[derive(Properties, PartialEq)]
pub struct TurnViewProps {
    pub workshop: Workshop,
    pub dispatch: Callback<TandemAction>,
}

#[component]
pub fn TurnView(props: &TurnViewProps) -> Html {
    let id = props.workshop.id.clone();
    let in_turn = {
        let (id, dispatch) = (id.clone(), props.dispatch.clone());
        Callback::from(move |action: Action| {
            dispatch.emit(TandemAction::Workshop {
                id: id.clone(),
                action: WorkshopAction::Turn(action),
            });
        })
    };
    let end_turn = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |()| {
            dispatch.emit(TandemAction::Workshop {
                id: id.clone(),
                action: WorkshopAction::EndTurn,
            });
        })
    };
    let Some(Turn::Answering(journey)) = &props.workshop.turn else {
        return html! { <HandBack on_done={end_turn} /> };
    };
    let bank = Rc::new(props.workshop.bank.clone());
    let progress = journey.progress(&bank);
    let cancel = html! {
        <div class="danger-zone">
            <ConfirmButton
                label="Cancel this turn"
                question="Cancel this turn? The answers given in it are discarded."
                confirm_label="Yes, cancel the turn"
                on_confirm={end_turn.clone()}
            />
        </div>
    };
    match (journey.screen, journey.respondent.clone()) {
        (Screen::Step(step), Some(respondent)) => html! {
            <>
                <AssessmentStep
                    {bank}
                    {step}
                    {respondent}
                    {progress}
                    on_action={in_turn.clone()}
                    finish_label="Finish and hand back"
                />
                {cancel}
            </>
        },
        _ => html! {
            <>
                <ChooseFunction workshop_name={props.workshop.name.clone()} on_begin={in_turn.reform(|role| Action::Begin { role, respondent_id: browser::random_id() })} />
                {cancel}
            </>
        },
    }
}

#[derive(Properties, PartialEq)]
struct ChooseFunctionProps {
    workshop_name: AttrValue,
    on_begin: Callback<Role>,
}

#[component]
fn ChooseFunction(props: &ChooseFunctionProps) -> Html {
    let heading = use_focus_on_mount();
    html! {
        <section class="screen start" aria-labelledby="turn-title">
            <p class="step-label">{&props.workshop_name}</p>
            <h1 id="turn-title" tabindex="-1" ref={heading}>{"Your turn"}</h1>
            <p class="lead">
                {"Your answers are private: nobody in the room sees them, and results appear only \
                  for the group as a whole."}
            </p>
            <h2 id="turn-role">{"Which function do you work in?"}</h2>
            <RoleChoice labelled_by="turn-role" on_choose={props.on_begin.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct HandBackProps {
    on_done: Callback<()>,
}

#[component]
fn HandBack(props: &HandBackProps) -> Html {
    let heading = use_focus_on_mount();
    html! {
        <section class="screen start" aria-labelledby="thanks-title">
            <h1 id="thanks-title" tabindex="-1" ref={heading}>{"Thank you!"}</h1>
            <p class="lead">{"Your answers are in. Please hand the device back to the facilitator."}</p>
            <button type="button" class="button primary" onclick={props.on_done.reform(|_: MouseEvent| ())}>
                {"Back to the facilitator"}
            </button>
        </section>
    }
}

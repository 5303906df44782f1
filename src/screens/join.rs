//! A participant answering on their own device, from the facilitator's join link. They answer as
//! in a self-assessment and finish with a response code, shown as text, as a link and as a QR
//! code, that carries their answers to the facilitator without any server.

use std::rc::Rc;

use tandem_core::code::{self, Participation};
use tandem_core::{Action, Bank, Role, Screen};
use yew::prelude::*;

use crate::browser;
use crate::components::{Qr, RoleChoice};
use crate::hooks::use_focus_on_mount;
use crate::screens::AssessmentStep;
use crate::storage;

/// The hash of a join link: `#join/<bank id>/<workshop code>`.
pub const JOIN_HASH: &str = "#join/";
/// The hash of a response link: `#code/<response code>`.
pub const CODE_HASH: &str = "#code/";

#[derive(Properties, PartialEq, Clone)]
pub struct ParticipantProps {
    pub bank_id: AttrValue,
    pub workshop: AttrValue,
}

#[derive(Debug, Clone, PartialEq)]
struct Model {
    bank: Rc<Bank>,
    participation: Participation,
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.participation.apply(&self.bank, action) {
            Some(participation) => Rc::new(Model {
                bank: self.bank.clone(),
                participation,
            }),
            None => self,
        }
    }
}

#[component]
pub fn Participant(props: &ParticipantProps) -> Html {
    // Parsed once, not on every render.
    let bank = use_memo((), |()| Rc::new(Bank::default_bank()));
    let workshop = code::parse_workshop(&props.workshop);
    match workshop {
        Some(workshop) if props.bank_id == bank.id.as_str() => html! {
            <div class="tandem">
                <header class="tandem-header">
                    <span class="brand">{"Tandem"}</span>
                    <span class="tagline">{format!("Workshop {}", code::workshop_text(workshop))}</span>
                </header>
                <main class="tandem-main">
                    <Answering {workshop} bank={(*bank).clone()} />
                </main>
                <footer class="tandem-footer">
                    <p>{"Your answers stay on this device until you hand over your code."}</p>
                </footer>
            </div>
        },
        _ => html! {
            <div class="tandem">
                <main class="tandem-main">
                    <h1>{"This join link does not work"}</h1>
                    <p class="lead">
                        {"It is incomplete, or it is for a set of questions this page does not have. \
                          Ask the facilitator for the link again."}
                    </p>
                </main>
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
struct AnsweringProps {
    workshop: u32,
    bank: Rc<Bank>,
}

#[component]
fn Answering(props: &AnsweringProps) -> Html {
    let workshop = props.workshop;
    let loaded = use_memo(workshop, |&workshop| storage::load_participation(workshop));
    let model = {
        let (loaded, bank) = (loaded.clone(), props.bank.clone());
        use_reducer(move || Model {
            bank,
            participation: loaded
                .0
                .clone()
                .unwrap_or_else(|| Participation::new(workshop, browser::random_key())),
        })
    };
    let not_saved = use_state_eq(|| false);
    {
        let not_saved = not_saved.clone();
        use_effect_with(model.participation.clone(), move |participation| {
            not_saved.set(storage::save_participation(participation).is_err());
        });
    }
    let dispatch = {
        let model = model.clone();
        Callback::from(move |action: Action| model.dispatch(action))
    };
    let journey = &model.participation.journey;
    let progress = journey.progress(&model.bank);
    let screen = match (journey.screen, journey.respondent.clone()) {
        (Screen::Step(step), Some(respondent)) => html! {
            <AssessmentStep
                bank={model.bank.clone()}
                {step}
                {respondent}
                {progress}
                on_action={dispatch.clone()}
                finish_label="Finish and get my code"
            />
        },
        (Screen::Report, Some(_)) => match model.participation.code(&model.bank) {
            Some(text) => html! {
                <ResponseCode text={text} on_edit={dispatch.reform(|()| Action::GoTo(Screen::Step(0)))} />
            },
            None => Html::default(),
        },
        _ => html! {
            <ChooseFunction workshop={code::workshop_text(workshop)} on_begin={dispatch.reform(|role| Action::Begin { role, respondent_id: String::new() })} />
        },
    };
    html! {
        <>
            if !loaded.1.is_empty() {
                <p class="note" role="status">
                    {"Answers saved on this device earlier could not be read, so they were kept aside \
                      and you start afresh."}
                </p>
            }
            if *not_saved {
                <p class="note" role="status">
                    {"This browser is not saving your answers; finish before closing this page."}
                </p>
            }
            {screen}
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ChooseFunctionProps {
    workshop: AttrValue,
    on_begin: Callback<Role>,
}

#[component]
fn ChooseFunction(props: &ChooseFunctionProps) -> Html {
    let heading = use_focus_on_mount();
    html! {
        <section class="screen start" aria-labelledby="join-title">
            <p class="step-label">{format!("Workshop {}", props.workshop)}</p>
            <h1 id="join-title" tabindex="-1" ref={heading}>{"Your answers for the workshop"}</h1>
            <p class="lead">
                {"Answer on this device. When you finish you get a short code to hand to the \
                  facilitator; nothing is sent anywhere, and the results appear only for the group."}
            </p>
            <h2 id="join-role">{"Which function do you work in?"}</h2>
            <RoleChoice labelled_by="join-role" on_choose={props.on_begin.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ResponseCodeProps {
    text: AttrValue,
    on_edit: Callback<()>,
}

#[component]
fn ResponseCode(props: &ResponseCodeProps) -> Html {
    let heading = use_focus_on_mount();
    let link = format!("{}{CODE_HASH}{}", browser::page_address(), props.text);
    html! {
        <section class="screen response-code" aria-labelledby="code-title">
            <h1 id="code-title" tabindex="-1" ref={heading}>{"Your response code"}</h1>
            <p class="lead">
                {"Hand this to the facilitator: read it out, type it into the chat, send the link, \
                  or let them scan the QR code. It holds your answers and nothing else."}
            </p>
            <p class="code-text" aria-label="Response code">{code::grouped(&props.text)}</p>
            <p><a href={link.clone()}>{"Response link for the facilitator"}</a></p>
            <Qr text={link} label="QR code of your response link" />
            <p>
                <button type="button" class="button" onclick={props.on_edit.reform(|_: MouseEvent| ())}>
                    {"Change my answers"}
                </button>
            </p>
        </section>
    }
}

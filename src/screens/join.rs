//! A participant answering on their own device, from the facilitator's join link. They answer as
//! in a self-assessment and finish with a response code, shown as text, as a link and as a QR
//! code, that carries their answers to the facilitator without any server. A second-round link
//! asks only the re-rated dimensions again, without estimates, and ends in a second-round code.

use std::rc::Rc;

use tandem_core::assessment::Participation;
use tandem_core::code::{self, JoinLink};
use tandem_core::{Action, Bank, Screen};
use yew::prelude::*;

use crate::browser;
use crate::components::{ChooseFunction, Qr, ShareButtons};
use crate::hooks::{use_focus_on_mount, use_title, use_title_if};
use crate::routes::Route;
use crate::screens::AssessmentStep;
use crate::setup::{use_setup, use_words};
use crate::storage;

#[derive(Properties, PartialEq, Clone)]
pub struct ParticipantProps {
    /// The join link the page was opened with, either round's.
    pub link: JoinLink,
}

#[derive(Debug, Clone, PartialEq)]
struct Model {
    /// What the participant answers: the whole bank, or the re-rated dimensions.
    answered: Rc<Bank>,
    participation: Participation,
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.participation.apply(&self.answered, action) {
            Some(participation) => Rc::new(Model {
                answered: self.answered.clone(),
                participation,
            }),
            None => self,
        }
    }
}

#[component]
pub fn Participant(props: &ParticipantProps) -> Html {
    // Parsed once, not on every render.
    let setup = use_setup();
    let words = setup.words;
    let bank = setup.bank.clone();
    let link = &props.link;
    let workshop = code::parse_workshop(&link.workshop);
    // A second-round link names the dimensions to answer again, all of them the bank's.
    let rerated = link.rerated_ids(&bank);
    let works = workshop.is_some()
        && link.bank_id == bank.id.as_str()
        && (link.rerated.is_none() || rerated.is_some());
    // A working link's title follows the participant's steps (in `Answering`).
    use_title_if((!works).then(|| words.t("join.broken").to_owned()));
    match workshop {
        Some(workshop) if works => {
            let name: AttrValue = link.name.clone().map_or_else(
                || {
                    words
                        .f("join.workshop", &[("code", &code::workshop_text(workshop))])
                        .into()
                },
                AttrValue::from,
            );
            let title: AttrValue = if rerated.is_some() {
                words.f("join.again-tagline", &[("name", &name)]).into()
            } else {
                name
            };
            html! {
            <div class="tandem">
                <header class="tandem-header">
                    <span class="brand">{words.t("app.name")}</span>
                    <span class="tagline">{title.clone()}</span>
                </header>
                <main class="tandem-main">
                    <Answering {workshop} {bank} {title} {rerated} />
                </main>
                <footer class="tandem-footer">
                    <p>{words.t("join.stays")}</p>
                </footer>
            </div>
            }
        }
        _ => html! {
            <div class="tandem">
                <main class="tandem-main">
                    <h1>{words.t("join.broken")}</h1>
                    <p class="lead">
                        {words.t("join.broken-why")}
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
    /// The workshop's name, or "Workshop 65GM" for a link without one.
    title: AttrValue,
    /// The second round's dimensions, by id; `None` for the first round.
    rerated: Option<Vec<String>>,
}

#[component]
fn Answering(props: &AnsweringProps) -> Html {
    let words = use_words();
    let workshop = props.workshop;
    let prefix = use_setup().prefix;
    let round = if props.rerated.is_some() {
        code::Round::Second
    } else {
        code::Round::First
    };
    let loaded = {
        let prefix = prefix.clone();
        use_memo((workshop, round), move |&(workshop, round)| {
            storage::load_participation(&prefix, workshop, round)
        })
    };
    let model = {
        let (loaded, bank, rerated) = (loaded.clone(), props.bank.clone(), props.rerated.clone());
        use_reducer(move || {
            // The link's dimensions are the ones to answer, whatever an earlier link said.
            let participation = match (loaded.0.clone(), rerated) {
                (Some(stored), None) => stored,
                (Some(stored), Some(rerated)) => Participation {
                    rerated: Some(rerated),
                    ..stored
                },
                (None, None) => Participation::new(workshop, browser::random_key()),
                (None, Some(rerated)) => {
                    Participation::second(workshop, browser::random_key(), rerated)
                }
            };
            let answered = Rc::new(participation.bank(&bank));
            Model {
                participation: participation.fitted_to(&answered),
                answered,
            }
        })
    };
    let again = round == code::Round::Second;
    let not_saved = use_state_eq(|| false);
    {
        let not_saved = not_saved.clone();
        use_effect_with(model.participation.clone(), move |participation| {
            not_saved.set(storage::save_participation(&prefix, participation).is_err());
        });
    }
    let dispatch = {
        let model = model.clone();
        Callback::from(move |action: Action| model.dispatch(action))
    };
    let journey = &model.participation.journey;
    use_title(match journey.screen {
        Screen::Step(step) if journey.respondent.is_some() => words.f(
            "title.join-step",
            &[
                ("name", &props.title),
                (
                    "dimension",
                    &model
                        .answered
                        .dimensions
                        .get(step)
                        .map_or("", |d| d.title.as_str()),
                ),
            ],
        ),
        Screen::Report => words.f("title.join-code", &[("name", &props.title)]),
        _ => props.title.to_string(),
    });
    let screen = match (journey.screen, journey.respondent.clone()) {
        (Screen::Step(_), Some(_)) => html! {
            <AssessmentStep bank={model.answered.clone()} journey={journey.clone()} on_action={dispatch.clone()}
                            finish_label={words.t(if again { "join.again-finish" } else { "join.finish" })}
                            estimates={!again} />
        },
        (Screen::Report, Some(_)) => match model.participation.code(&props.bank) {
            Some(text) => html! {
                <ResponseCode text={text} {again} on_edit={dispatch.reform(|()| Action::GoTo(Screen::Step(0)))} />
            },
            None => Html::default(),
        },
        _ => html! {
            <ChooseFunction id="join-title" workshop={props.title.clone()}
                            title={words.t(if again { "join.again-title" } else { "join.title" })}
                            lead={words.t(if again { "join.again-lead" } else { "join.lead" })}
                            on_begin={dispatch.reform(|role| Action::Begin { role, respondent_id: String::new() })} />
        },
    };
    html! {
        <>
            if !loaded.1.is_empty() {
                <p class="note" role="status">
                    {words.t("join.unreadable")}
                </p>
            }
            if *not_saved {
                <p class="note" role="status">
                    {words.t("join.not-saving")}
                </p>
            }
            {screen}
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ResponseCodeProps {
    text: AttrValue,
    /// A second-round code.
    again: bool,
    on_edit: Callback<()>,
}

#[component]
fn ResponseCode(props: &ResponseCodeProps) -> Html {
    let words = use_words();
    let heading = use_focus_on_mount();
    let link = use_setup().address(&Route::Code(props.text.to_string()).to_hash());
    html! {
        <section class="screen response-code" aria-labelledby="code-title">
            <h1 id="code-title" tabindex="-1" ref={heading}>{words.t(if props.again { "code.again-title" } else { "code.title" })}</h1>
            <p class="lead">
                {words.t("code.lead")}
            </p>
            <h2 id="code-text-title">{words.t("code.label")}</h2>
            <p class="code-text" aria-labelledby="code-text-title">{code::grouped(&props.text)}</p>
            <ShareButtons text={props.text.clone()} what={words.t("code.what")} title={words.t("code.label")} />
            <h2>{words.t("code.link-title")}</h2>
            <p><a href={link.clone()}>{words.t("code.link")}</a></p>
            <ShareButtons text={link.clone()} what={words.t("code.link-what")} title={words.t("code.label")} link=true />
            <figure class="qr-figure">
                <Qr text={link} label={words.t("code.qr")} />
                <figcaption>{words.t("code.qr-caption")}</figcaption>
            </figure>
            <p>
                <button type="button" class="button" onclick={props.on_edit.reform(|_: MouseEvent| ())}>
                    {words.t("report.change-answers")}
                </button>
            </p>
        </section>
    }
}

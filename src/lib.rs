//! The Tandem web app: a thin Yew shell over `tandem-core`.
//!
//! State flows one way. One root reducer holds the [`Journey`] and changes it only through
//! [`Journey::apply`]; screens get owned values as props and report back through callbacks; one
//! effect at the root saves every change through [`storage`] and shows what went wrong if a save
//! fails. Nothing here computes a score.

pub mod browser;
pub mod components;
pub mod hooks;
pub mod screens;
pub mod storage;

use std::rc::Rc;

use tandem_core::{Action, Bank, Journey, Rating, Role, Screen};
use yew::prelude::*;

use crate::components::ConfirmButton;
use crate::screens::{AssessmentStep, ReportScreen, StartScreen};
use crate::storage::{Loaded, SaveError};

/// Renders the app into the element with id `tandem`, or into the body.
pub fn mount() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("tandem"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

/// The root state: the bank in use and where the person is in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bank: Rc<Bank>,
    pub journey: Journey,
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.journey.apply(&self.bank, action) {
            Some(journey) => Rc::new(Model {
                bank: self.bank.clone(),
                journey,
            }),
            None => self,
        }
    }
}

/// Something the person must know about their saved data.
#[derive(Debug, Clone, PartialEq)]
enum Notice {
    /// What was saved could not be read; it was kept aside and can be downloaded.
    Quarantined { raw: String },
    /// The latest change could not be saved.
    NotSaved(SaveError),
    /// The results file could not be offered.
    DownloadFailed,
}

#[component]
pub fn App() -> Html {
    let loaded = use_memo((), |()| storage::load());
    let model = {
        let loaded = loaded.clone();
        use_reducer(move || {
            let bank = Bank::default_bank();
            let journey = match &*loaded {
                Loaded::Journey(journey) => journey.clone().fitted_to(&bank),
                Loaded::Quarantined { .. } | Loaded::Unavailable => Journey::default(),
            };
            Model {
                bank: Rc::new(bank),
                journey,
            }
        })
    };
    let notice = use_state_eq(|| match &*loaded {
        Loaded::Quarantined { raw } => Some(Notice::Quarantined { raw: raw.clone() }),
        Loaded::Unavailable => Some(Notice::NotSaved(SaveError::Unavailable)),
        Loaded::Journey(_) => None,
    });

    {
        // Every change is saved at once; a failure is shown, and a later success clears it.
        let notice = notice.clone();
        use_effect_with(model.journey.clone(), move |journey| {
            match storage::save(journey) {
                Ok(()) => {
                    if matches!(*notice, Some(Notice::NotSaved(_))) {
                        notice.set(None);
                    }
                }
                Err(error) => notice.set(Some(Notice::NotSaved(error))),
            }
        });
    }

    let dispatch = |action: fn() -> Action| {
        let model = model.clone();
        Callback::from(move |()| model.dispatch(action()))
    };
    let on_begin = {
        let model = model.clone();
        Callback::from(move |role: Role| {
            model.dispatch(Action::Begin {
                role,
                respondent_id: browser::random_id(),
            });
        })
    };
    let on_answer = {
        let model = model.clone();
        Callback::from(move |(item, answer): (String, Option<Rating>)| {
            model.dispatch(Action::Answer { item, answer });
        })
    };
    let on_estimate = {
        let model = model.clone();
        Callback::from(move |(dimension, estimate): (String, Option<Rating>)| {
            model.dispatch(Action::Estimate {
                dimension,
                estimate,
            });
        })
    };
    let on_go_to = {
        let model = model.clone();
        Callback::from(move |step: usize| model.dispatch(Action::GoTo(Screen::Step(step))))
    };
    let on_delete = {
        let model = model.clone();
        let notice = notice.clone();
        Callback::from(move |()| {
            match storage::delete_everything() {
                Ok(()) => notice.set(None),
                Err(error) => notice.set(Some(Notice::NotSaved(error))),
            }
            model.dispatch(Action::StartOver);
        })
    };
    let on_download = {
        let model = model.clone();
        let notice = notice.clone();
        Callback::from(move |()| {
            if let Some(mut document) = model.journey.document(&model.bank) {
                let now = browser::now_iso();
                let name = format!("tandem-results-{}.json", now.get(..10).unwrap_or("export"));
                document.exported_at = Some(now);
                if browser::download(&name, "application/json", &document.to_json()).is_err() {
                    notice.set(Some(Notice::DownloadFailed));
                }
            }
        })
    };

    let journey = &model.journey;
    let progress = journey.progress(&model.bank);
    let has_data = journey.respondent.is_some();
    let screen = match (journey.screen, journey.respondent.clone()) {
        (Screen::Step(step), Some(respondent)) => html! {
            <AssessmentStep
                bank={model.bank.clone()}
                {step}
                {respondent}
                {progress}
                {on_answer}
                {on_estimate}
                on_next={dispatch(|| Action::Next)}
                on_back={dispatch(|| Action::Back)}
                {on_go_to}
                on_start_over={dispatch(|| Action::StartOver)}
            />
        },
        (Screen::Report, Some(respondent)) => {
            let answer_rest = {
                let model = model.clone();
                Callback::from(move |()| {
                    if let Some((step, _)) = model.journey.first_unanswered(&model.bank) {
                        model.dispatch(Action::GoTo(Screen::Step(step)));
                    }
                })
            };
            html! {
                <ReportScreen
                    bank={model.bank.clone()}
                    {respondent}
                    unanswered={progress.total - progress.answered}
                    on_download={on_download.clone()}
                    on_edit={dispatch(|| Action::GoTo(Screen::Step(0)))}
                    on_answer_rest={answer_rest}
                    on_start_over={dispatch(|| Action::StartOver)}
                />
            }
        }
        (_, respondent) => html! {
            <StartScreen {respondent} {progress} {on_begin} />
        },
    };

    html! {
        <div class="tandem">
            <header class="tandem-header">
                <span class="brand">{"Tandem"}</span>
                <span class="tagline">{"Marketing \u{00d7} IT alignment"}</span>
            </header>
            {notice_view(&notice, has_data.then_some(&on_download))}
            <main class="tandem-main">{screen}</main>
            <footer class="tandem-footer">
                <p>{"Tandem runs entirely in your browser. Nothing you enter is sent anywhere."}</p>
                if has_data {
                    <ConfirmButton
                        label="Delete my data"
                        question="Delete every answer Tandem has saved in this browser? This cannot be undone."
                        confirm_label="Yes, delete everything"
                        on_confirm={on_delete}
                    />
                }
            </footer>
        </div>
    }
}

/// The current notice, if any. `on_download` is offered wherever the advice is to download,
/// when there is something to download.
fn notice_view(
    notice: &UseStateHandle<Option<Notice>>,
    on_download: Option<&Callback<()>>,
) -> Html {
    let Some(current) = (**notice).clone() else {
        return html! { <div class="notices" role="status"></div> };
    };
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| notice.set(None))
    };
    let download_results = on_download.map_or_else(Html::default, |on_download| {
        html! {
            <button type="button" class="link" onclick={on_download.reform(|_: MouseEvent| ())}>
                {"Download my results now"}
            </button>
        }
    });
    let (text, extra) = match current {
        Notice::Quarantined { raw } => {
            let on_download = {
                let notice = notice.clone();
                Callback::from(move |_: MouseEvent| {
                    if browser::download("tandem-unreadable-answers.txt", "text/plain", &raw)
                        .is_err()
                    {
                        notice.set(Some(Notice::DownloadFailed));
                    }
                })
            };
            (
                "The answers saved in this browser could not be read, so Tandem started afresh. \
                 The unreadable copy has been kept aside, not deleted."
                    .to_owned(),
                html! {
                    <button type="button" class="link" onclick={on_download}>
                        {"Download the unreadable copy"}
                    </button>
                },
            )
        }
        Notice::NotSaved(error) => (not_saved_text(&error), download_results),
        Notice::DownloadFailed => (
            "The browser did not start the download. Please try again.".to_owned(),
            Html::default(),
        ),
    };
    html! {
        <div class="notices" role="status">
            <div class="notice">
                <p>{text}{" "}{extra}</p>
                <button type="button" class="link" onclick={dismiss}>{"Dismiss"}</button>
            </div>
        </div>
    }
}

/// Why the latest change was not saved, and what to do about it.
fn not_saved_text(error: &SaveError) -> String {
    match error {
        SaveError::Full => "This browser's storage is full, so your latest answer could not be \
                            saved. It is kept in this tab: download your results before closing it."
            .to_owned(),
        SaveError::Unavailable => "This browser is not letting Tandem save (private browsing or a \
                                   blocked frame). You can carry on: your answers last until this \
                                   tab is closed, so download your results before you go."
            .to_owned(),
        SaveError::Other(reason) => format!(
            "Your latest answer could not be saved ({reason}). It is kept in this tab: download \
             your results before closing it."
        ),
    }
}

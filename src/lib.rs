//! The Tandem web app: a thin Yew shell over `tandem-core`.
//!
//! State flows one way. One root reducer holds the [`Tandem`] state and changes it only through
//! [`Tandem::apply`]; screens get owned values as props and report back through callbacks;
//! effects at the root save every change through [`storage`] and show what went wrong if a save
//! fails. Nothing here computes a score.

pub mod browser;
pub mod components;
pub mod hooks;
pub mod notices;
pub mod screens;
pub mod storage;

use std::rc::Rc;

use tandem_core::{Action, Bank, Screen, Step, Tandem, TandemAction, View};
use yew::prelude::*;

use crate::notices::{Notice, notice_view};
use crate::screens::collect::{incoming_code, receive_response};
use crate::screens::{
    AssessmentStep, FacilitatorView, ProposalScreen, ReportScreen, StartScreen, TurnView,
    WorkshopList, YourData,
};
use crate::storage::SaveError;

/// The hash that opens the presenter view of a workshop: `#presenter/<id>`.
const PRESENTER_HASH: &str = "#presenter/";
/// The hash that opens a working agreement to print: `#agreement/<workshop id>`, or
/// `#agreement/` alone for the norms drafted after the self-assessment.
pub const AGREEMENT_HASH: &str = "#agreement/";
/// The hash that opens a friction report to print: `#report/<workshop id>`, or `#report/` alone
/// for the self-assessment.
pub const REPORT_HASH: &str = "#report/";

/// Which root the address asks for. `#code/…` and no hash both belong to the main app, which
/// handles response links itself.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Route {
    App,
    Presenter(String),
    Agreement(String),
    Report(String),
    Join { bank_id: String, workshop: String },
}

impl Route {
    fn of(hash: &str) -> Route {
        if let Some(rest) = hash.strip_prefix(screens::join::JOIN_HASH) {
            let (bank_id, workshop) = rest.split_once('/').unwrap_or((rest, ""));
            Route::Join {
                bank_id: bank_id.to_owned(),
                workshop: workshop.to_owned(),
            }
        } else if let Some(id) = hash.strip_prefix(PRESENTER_HASH) {
            Route::Presenter(id.to_owned())
        } else if let Some(id) = hash.strip_prefix(AGREEMENT_HASH) {
            Route::Agreement(id.to_owned())
        } else if let Some(id) = hash.strip_prefix(REPORT_HASH) {
            Route::Report(id.to_owned())
        } else {
            Route::App
        }
    }
}

/// Renders the root the address asks for into the element with id `tandem`, or into the body.
/// Following a link to another root in the same tab (only the hash changes) reloads the page, so
/// the new root starts cleanly.
pub fn mount() {
    let route = Route::of(&browser::hash());
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("tandem"));
    match route.clone() {
        Route::Join { bank_id, workshop } => render::<screens::Participant>(
            root,
            screens::join::ParticipantProps {
                bank_id: bank_id.into(),
                workshop: workshop.into(),
            },
        ),
        Route::Presenter(id) => render::<screens::Presenter>(
            root,
            screens::presenter::PresenterProps {
                workshop_id: id.into(),
            },
        ),
        Route::Agreement(id) => render::<screens::AgreementSheet>(
            root,
            screens::agreement::AgreementSheetProps {
                workshop_id: id.into(),
            },
        ),
        Route::Report(id) => render::<screens::ReportSheet>(
            root,
            screens::report_sheet::ReportSheetProps {
                workshop_id: id.into(),
            },
        ),
        Route::App => render::<App>(root, ()),
    }
    let reload_on_new_route = browser::on_hash_change(move || {
        if Route::of(&browser::hash()) != route {
            browser::reload();
        }
    });
    // The listener lives as long as the page.
    if let Some(listener) = reload_on_new_route {
        listener.forget();
    }
}

fn render<C: BaseComponent>(root: Option<web_sys::Element>, props: C::Properties) {
    match root {
        Some(root) => yew::Renderer::<C>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<C>::with_props(props).render(),
    };
}

/// The address of a workshop's presenter view, relative to this page.
#[must_use]
pub fn presenter_address(workshop_id: &str) -> String {
    format!("{PRESENTER_HASH}{workshop_id}")
}

/// The root state: the bank in use, the app's state, and the last refusal to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bank: Rc<Bank>,
    pub state: Tandem,
    /// Why the last action was refused, for the person who tried it.
    pub refusal: Option<String>,
    /// What the person should be told about the last action (see [`tandem_core::Step`]),
    /// numbered so the same words said twice are shown twice.
    pub told: Option<(u32, String)>,
}

impl Reducible for Model {
    type Action = TandemAction;

    fn reduce(self: Rc<Self>, action: TandemAction) -> Rc<Self> {
        match self.state.step(&self.bank, action) {
            Ok(Step {
                state: None,
                told: None,
            }) => self,
            Ok(Step { state, told }) => Rc::new(Model {
                bank: self.bank.clone(),
                state: state.unwrap_or_else(|| self.state.clone()),
                refusal: None,
                told: told.map(|words| {
                    let number = self.told.as_ref().map_or(0, |(n, _)| n + 1);
                    (number, words)
                }),
            }),
            Err(error) => Rc::new(Model {
                bank: self.bank.clone(),
                state: self.state.clone(),
                refusal: Some(error.to_string()),
                told: None,
            }),
        }
    }
}

/// Saves one part of the state whenever it changes, and reports the outcome as a notice.
#[hook]
fn use_saved<T: PartialEq + Clone + 'static>(
    value: T,
    save: fn(&T) -> Result<(), SaveError>,
    notice: UseStateHandle<Option<Notice>>,
) {
    use_effect_with(value, move |value| match save(value) {
        Ok(()) => {
            if matches!(*notice, Some(Notice::NotSaved(_))) {
                notice.set(None);
            }
        }
        Err(error) => notice.set(Some(Notice::NotSaved(error))),
    });
}

#[component]
pub fn App() -> Html {
    // What is saved, less the runs and workshops past the chosen retention, and what that removed.
    let (loaded, forgotten) = &*use_memo((), |()| {
        let mut loaded = storage::load();
        let forgotten = loaded
            .state
            .forget_expired(browser::today())
            .map(|(kept, forgotten)| {
                let days = kept.retention.days.unwrap_or_default();
                loaded.state = kept;
                forgotten.summary(days)
            });
        (Rc::new(loaded), forgotten)
    });
    let loaded = loaded.clone();
    let model = {
        let loaded = loaded.clone();
        use_reducer(move || {
            let bank = Bank::default_bank();
            let mut state = loaded.state.clone();
            state.journey = state.journey.fitted_to(&bank);
            if let View::Workshop(id) = &state.view
                && state.workshops.get(id).is_none()
            {
                state.view = View::Workshops;
            }
            Model {
                bank: Rc::new(bank),
                state,
                refusal: None,
                told: None,
            }
        })
    };
    let notice = use_state_eq(|| {
        if let Some(first) = loaded.quarantined.first() {
            Some(Notice::Quarantined {
                raw: first.raw.clone(),
                newer: first.newer.is_some(),
            })
        } else if loaded.unavailable {
            Some(Notice::NotSaved(SaveError::Unavailable))
        } else {
            forgotten.clone().map(Notice::Told)
        }
    });

    // A response link (`#code/…`) opened on the facilitator's device adds its answers, whether
    // the page loads with it or the link is opened in this tab later.
    let incoming = use_state_eq(incoming_code);
    {
        let incoming = incoming.clone();
        use_effect_with((), move |()| {
            let listener = browser::on_hash_change(move || incoming.set(incoming_code()));
            move || drop(listener)
        });
    }
    {
        let (model, notice, incoming) = (model.clone(), notice.clone(), incoming.clone());
        use_effect_with((*incoming).clone(), move |code| {
            if let Some(text) = code {
                notice.set(Some(Notice::Response(receive_response(&model, text))));
                browser::clear_hash();
                incoming.set(None);
            }
        });
    }

    // Another tab's saves are merged in, so two tabs never overwrite each other's work; what the
    // later save replaced here is said, not dropped silently.
    {
        let model = model.clone();
        use_effect_with((), move |()| {
            let listener = storage::on_change(move || {
                model.dispatch(TandemAction::Sync(Box::new(storage::load().state)));
            });
            move || drop(listener)
        });
    }
    {
        let notice = notice.clone();
        use_effect_with(model.told.clone(), move |told| {
            if let Some((_, words)) = told {
                notice.set(Some(Notice::Told(words.clone())));
            }
        });
    }

    // Every change is saved at once; a failure is shown, and a later success clears it.
    use_saved(
        model.state.journey.clone(),
        storage::save_journey,
        notice.clone(),
    );
    use_saved(
        model.state.retention,
        storage::save_retention,
        notice.clone(),
    );
    use_saved(
        model.state.history.clone(),
        storage::save_history,
        notice.clone(),
    );
    use_saved(
        model.state.proposal.clone(),
        storage::save_proposal,
        notice.clone(),
    );
    use_saved(
        model.state.workshops.clone(),
        storage::save_workshops,
        notice.clone(),
    );
    use_saved(model.state.view.clone(), storage::save_view, notice.clone());

    let on_journey_action = {
        let model = model.clone();
        Callback::from(move |action: Action| model.dispatch(TandemAction::SelfAssessment(action)))
    };
    let on_delete = {
        let model = model.clone();
        let notice = notice.clone();
        Callback::from(move |()| {
            match storage::delete_everything() {
                Ok(()) => notice.set(None),
                Err(error) => notice.set(Some(Notice::NotSaved(error))),
            }
            model.dispatch(TandemAction::DeleteEverything);
        })
    };
    let on_download = {
        let model = model.clone();
        let notice = notice.clone();
        Callback::from(move |()| {
            if let Some(mut document) = model.state.journey.document(&model.bank)
                && {
                    document.norms = model.state.proposal.clone();
                    offer_document(document, "tandem-results").is_err()
                }
            {
                notice.set(Some(Notice::DownloadFailed));
            }
        })
    };
    let on_export = {
        let (model, notice) = (model.clone(), notice.clone());
        Callback::from(move |()| {
            let now = browser::now_iso();
            let backup = tandem_core::backup::Backup::of(&model.state, Some(now.clone()));
            let name = format!("tandem-backup-{}.json", now.get(..10).unwrap_or("export"));
            if browser::download(&name, "application/json", &backup.to_json()).is_err() {
                notice.set(Some(Notice::DownloadFailed));
            }
        })
    };
    let on_restore = {
        let model = model.clone();
        Callback::from(move |backup: tandem_core::backup::Backup| {
            model.dispatch(TandemAction::Restore(Box::new(backup)));
        })
    };
    let on_refused = {
        let notice = notice.clone();
        Callback::from(move |message: String| notice.set(Some(Notice::Told(message))))
    };
    let on_open = {
        let model = model.clone();
        Callback::from(move |view: View| model.dispatch(TandemAction::Open(view)))
    };
    let on_retention = {
        let model = model.clone();
        Callback::from(move |days| model.dispatch(TandemAction::SetRetention(days)))
    };
    let dispatch = {
        let model = model.clone();
        Callback::from(move |action: TandemAction| model.dispatch(action))
    };

    // The other workshops as runs, for the open workshop's trend. Keyed on the others only, so
    // revealing, answering or the timer in the open workshop does not score them all again.
    let runs = {
        let open = model.state.open_workshop().map(|w| w.id.clone());
        let others = tandem_core::Workshops {
            list: (model.state.workshops.list.iter())
                .filter(|w| Some(&w.id) != open.as_ref())
                .cloned()
                .collect(),
            deleted: Vec::new(),
        };
        use_memo(others, tandem_core::Workshops::runs)
    };
    let state = &model.state;
    let journey = &state.journey;
    let progress = journey.progress(&model.bank);
    let in_turn = state.open_workshop().is_some_and(|w| w.turn.is_some());
    let has_data = journey.respondent.is_some()
        || !state.proposal.is_empty()
        || !state.workshops.list.is_empty();
    let screen = match (&state.view, state.open_workshop()) {
        (View::Workshop(_), Some(workshop)) if workshop.turn.is_some() => html! {
            <TurnView workshop={workshop.clone()} refusal={model.refusal.clone()} {dispatch} />
        },
        (View::Workshop(_), Some(workshop)) => html! {
            <FacilitatorView
                workshop={workshop.clone()}
                runs={(*runs).clone()}
                refusal={model.refusal.clone()}
                {dispatch}
                {on_open}
            />
        },
        (View::Workshops | View::Workshop(_), _) => html! {
            <WorkshopList
                bank={model.bank.clone()}
                workshops={state.workshops.clone()}
                refusal={model.refusal.clone()}
                {dispatch}
                {on_open}
            />
        },
        (View::Proposal, _) => html! {
            <ProposalScreen
                bank={model.bank.clone()}
                respondent={journey.respondent.clone()}
                proposal={state.proposal.clone()}
                refusal={model.refusal.clone()}
                on_action={dispatch.reform(TandemAction::Proposal)}
                on_back={on_open.reform(|()| View::SelfAssessment)}
            />
        },
        (View::SelfAssessment, _) => match (journey.screen, journey.respondent.clone()) {
            (Screen::Step(step), Some(respondent)) => html! {
                <AssessmentStep
                    bank={model.bank.clone()}
                    {step}
                    {respondent}
                    {progress}
                    on_action={on_journey_action.clone()}
                />
            },
            (Screen::Report, Some(respondent)) => {
                html! {
                    <ReportScreen
                        bank={model.bank.clone()}
                        {respondent}
                        unanswered={progress.total - progress.answered}
                        on_download={on_download.clone()}
                        on_edit={on_journey_action.reform(|()| Action::GoTo(Screen::Step(0)))}
                        on_answer_rest={on_journey_action.reform(|()| Action::GoToFirstUnanswered)}
                        on_start_over={on_journey_action.reform(|()| Action::StartOver)}
                        proposal={state.proposal.clone()}
                        on_draft_norms={on_open.reform(|()| View::Proposal)}
                        history={state.history.clone()}
                        on_finished={dispatch.reform(|()| TandemAction::RecordRun { date: browser::today() })}
                    />
                }
            }
            (_, respondent) => html! {
                <StartScreen
                    {respondent}
                    {progress}
                    on_begin={on_journey_action.reform(|role| Action::Begin {
                        role,
                        respondent_id: browser::random_id(),
                    })}
                    {on_open}
                />
            },
        },
    };

    html! {
        <div class="tandem">
            <header class="tandem-header">
                <span class="brand">{"Tandem"}</span>
                <span class="tagline">{"Marketing \u{00d7} IT alignment"}</span>
            </header>
            {notice_view(&notice, (has_data && !in_turn).then_some(&on_export))}
            <main class="tandem-main">{screen}</main>
            <footer class="tandem-footer">
                if in_turn {
                    <p>{"Tandem runs entirely in your browser. Nothing you enter is sent anywhere."}</p>
                } else {
                    <YourData {has_data} {on_export} {on_restore} {on_refused} {on_delete}
                              retention={state.retention.days}
                              {on_retention} />
                }
            </footer>
        </div>
    }
}

/// Offers a workshop document as a JSON download named `{stem}-{date}.json`.
///
/// # Errors
/// The browser's error when the file cannot be offered.
pub fn offer_document(
    mut document: tandem_core::WorkshopDocument,
    stem: &str,
) -> Result<(), wasm_bindgen::JsValue> {
    let now = browser::now_iso();
    let name = format!("{stem}-{}.json", now.get(..10).unwrap_or("export"));
    document.exported_at = Some(now);
    browser::download(&name, "application/json", &document.to_json())
}

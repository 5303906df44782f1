//! The whole app, the facilitator's entry's root for the app's routes: the self-assessment,
//! workshops, norms and "Your data", over every [`TandemAction`].

use tandem_core::workshop::Receipt;
use tandem_core::{Action, Bank, Screen, Tandem, TandemAction, Told, View, WorkshopAction};
use yew::prelude::*;

use crate::browser;
use crate::hooks::use_title;
use crate::notices::{Notice, notice_view};
use crate::roots::{
    Model, first_notice, frame, self_assessment_title, use_loaded, use_saved, use_saved_own,
    use_tabs, view_of_route,
};
use crate::routes::Route;
use crate::screens::collect::incoming_code;
use crate::screens::{
    AssessmentStep, FacilitatorView, ProposalScreen, ReportScreen, StartScreen, TurnView,
    WorkshopList,
};
use crate::screens::{BackupRow, DeleteRow, KeepRow, YourData};
use crate::setup::{self, use_setup};
use crate::storage;

/// `dispatch` bound to workshop `id`: what a workshop's screens may change is that workshop.
fn in_workshop(dispatch: &Callback<TandemAction>, id: &str) -> Callback<WorkshopAction> {
    let id = id.to_owned();
    dispatch.reform(move |action| TandemAction::Workshop {
        id: id.clone(),
        action,
    })
}

/// What the last paste into workshop `id`'s box did, if that was the last thing told.
fn receipt(told: Option<&(u32, Told)>, id: &str) -> Option<(u32, Receipt)> {
    match told? {
        (number, Told::Received(receipt)) if receipt.workshop == id => {
            Some((*number, receipt.clone()))
        }
        _ => None,
    }
}

/// What the window is called for the view on screen. A participant's turn says only that it is
/// a turn: nothing of their answers, and nothing that changes as they go.
fn page_title(words: setup::Words, bank: &Bank, state: &Tandem, view: &View) -> String {
    match (view, state.open_workshop()) {
        (View::Workshop(_), Some(workshop)) if workshop.turn_is_held_by(&state.tab) => {
            words.f("title.turn", &[("name", &workshop.name)])
        }
        (View::Workshop(_), Some(workshop)) => words.f(
            "title.workshop",
            &[
                ("name", &workshop.name),
                ("phase", &workshop.phase().title(words.0)),
            ],
        ),
        (View::Workshops | View::Workshop(_), _) => words.t("workshops.title").to_owned(),
        (View::Proposal, _) => words.t("proposal.title").to_owned(),
        (View::SelfAssessment, _) => self_assessment_title(words, bank, state),
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The address it was opened at: `#workshops` and `#proposal` open those views, `#data`
    /// puts "Your data" in focus, `#code/…` is a response link to take in.
    pub route: Route,
}

/// The whole app, on the facilitator's entry. On the page's own Tandem the address follows the
/// view (`#workshops`, `#proposal`, or none for the self-assessment), so a reload or a
/// bookmark comes back to this entry only where it is needed.
#[component]
pub fn App(props: &AppProps) -> Html {
    let setup = use_setup();
    let words = setup.words;
    let loaded = use_loaded(storage::load);
    let (loaded, forgotten) = (loaded.0.clone(), loaded.1.clone());
    let model = {
        let (loaded, bank, mode, prefix) = (
            loaded.clone(),
            setup.bank.clone(),
            setup.mode,
            setup.prefix.clone(),
        );
        let route = props.route.clone();
        use_reducer(move || {
            let mut state = loaded.state.clone();
            state.tab = storage::tab_id(&prefix);
            state.fit(&bank);
            // A participant's turn this tab holds is on screen whatever the address asks for.
            let asked = match state.held_turn() {
                Some(id) => View::Workshop(id.to_owned()),
                None => view_of_route(&route, state.view),
            };
            state.view = mode.fit(asked);
            Model::<TandemAction>::new(bank, state)
        })
    };
    let notice = use_state_eq(|| first_notice(&loaded, forgotten.as_ref()));

    // The address asked for while the page is open (Back, Forward, a typed or followed link),
    // numbered so asking twice for the same one is asked twice: the view it names opens, as it
    // would on a new page, except during a turn, which only its holder ends. Other roots'
    // addresses load a new page (see `mount`).
    let asked = use_state(|| (0u32, props.route.clone()));
    // A response link (`#code/…`) opened on the facilitator's device adds its answers, whether
    // the page loads with it or the link is opened in this tab later.
    let incoming = use_state_eq(incoming_code);
    {
        let (incoming, asked, embedded) = (incoming.clone(), asked.clone(), setup.embedded);
        use_effect_with((), move |()| {
            let times = std::cell::Cell::new(0);
            let listener = browser::on_hash_change(move || {
                incoming.set(incoming_code());
                if !embedded {
                    times.set(times.get() + 1);
                    asked.set((times.get(), Route::of(&browser::hash())));
                }
            });
            move || drop(listener)
        });
    }
    {
        let (setup, model) = (setup.clone(), model.clone());
        use_effect_with((*asked).clone(), move |(number, route)| {
            if *route == Route::Data {
                browser::focus_by_id_after_render(setup.root.clone(), "your-data-title".into());
            }
            let shown = &model.state.view;
            let view = match route {
                Route::App => Some(View::SelfAssessment),
                Route::Workshops | Route::Proposal => Some(view_of_route(route, shown.clone())),
                _ => None,
            };
            if let Some(view) = view.map(|view| setup.mode.fit(view))
                && *number > 0
                && view != *shown
                && !model.state.in_turn()
            {
                model.dispatch(TandemAction::Open(view));
            }
        });
    }
    {
        let (model, incoming, embedded) = (model.clone(), incoming.clone(), setup.embedded);
        use_effect_with((*incoming).clone(), move |code| {
            if let Some(text) = code {
                model.dispatch(TandemAction::ReceiveLink(text.clone()));
                // Acted on, the link leaves the address (in its place, without a `hashchange`):
                // the page's own Tandem puts back the view's address, an embed the host's bare one.
                let shown = Route::of_view(&model.state.view);
                browser::replace_hash(&if embedded {
                    String::new()
                } else {
                    shown.to_hash()
                });
                incoming.set(None);
            }
        });
    }

    // Another tab's saves are merged in, so two tabs never overwrite each other's work; what the
    // later save replaced here is said, not dropped silently.
    use_tabs(
        model.clone(),
        storage::load,
        TandemAction::Sync,
        notice.clone(),
    );

    // Every change is saved at once; a failure is shown, and a later success clears it. Every
    // part is saved again when storage was found to lack part of it, and when a value held in
    // place has been downloaded (it may be overwritten from then on).
    let released = use_state_eq(|| 0u32);
    let on_released = {
        let released = released.clone();
        Callback::from(move |()| released.set(*released + 1))
    };
    let rewrites = model.rewrites + *released;
    use_saved_own(&model.state, rewrites, model.synced, &notice);
    use_saved(
        model.state.workshops.clone(),
        rewrites,
        model.synced,
        storage::save_workshops,
        notice.clone(),
    );
    use_saved(
        model.state.view.clone(),
        rewrites,
        model.synced,
        storage::save_view,
        notice.clone(),
    );

    let on_home = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            model.dispatch(TandemAction::Open(View::SelfAssessment));
            model.dispatch(TandemAction::SelfAssessment(Action::GoTo(Screen::Start)));
        })
    };
    let on_journey_action = {
        let model = model.clone();
        Callback::from(move |action: Action| model.dispatch(TandemAction::SelfAssessment(action)))
    };
    let on_delete = {
        let model = model.clone();
        let notice = notice.clone();
        let prefix = setup.prefix.clone();
        Callback::from(move |()| {
            match storage::delete_everything(&prefix) {
                Ok(()) => notice.set(None),
                Err(error) => notice.set(Some(Notice::NotSaved(error))),
            }
            model.dispatch(TandemAction::DeleteEverything);
        })
    };
    let on_export = {
        let (model, notice, prefix) = (model.clone(), notice.clone(), setup.prefix.clone());
        Callback::from(move |()| {
            let now = browser::now_iso();
            // Participations as the participant's page saved them last, not as last synced.
            let mut state = model.state.clone();
            state.participations = storage::load_participations(&prefix);
            let backup = tandem_core::backup::Backup::of(&state, Some(now.clone()));
            let name = format!("tandem-backup-{}.json", now.get(..10).unwrap_or("export"));
            if browser::download(&name, "application/json", &backup.to_json()).is_err() {
                notice.set(Some(Notice::DownloadFailed));
            }
        })
    };
    let on_restore = {
        let (model, notice, prefix) = (model.clone(), notice.clone(), setup.prefix.clone());
        Callback::from(move |backup: tandem_core::backup::Backup| {
            // The participations are the participant's page's to save: merged into storage here,
            // with the same rule the state follows.
            if let Err(error) = storage::restore_participations(&prefix, &backup.participations) {
                notice.set(Some(Notice::NotSaved(error)));
            }
            model.dispatch(TandemAction::Restore(Box::new(backup)));
        })
    };
    let on_refused = {
        let notice = notice.clone();
        Callback::from(move |message: String| notice.set(Some(Notice::Told(message))))
    };
    let on_open = {
        let model = model.clone();
        let mode = setup.mode;
        Callback::from(move |view: View| model.dispatch(TandemAction::Open(mode.fit(view))))
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
    let in_turn = state.in_turn();
    let has_data = journey.respondent.is_some()
        || !state.proposal.is_empty()
        || !state.workshops.list.is_empty();
    let refusal = model.refusal.as_ref().map(|error| error.message(words.0));
    // Another tab of the page's own Tandem may open what this embed's mode does not show.
    let view = setup.mode.fit(state.view.clone());
    use_title(page_title(words, &model.bank, state, &view));
    // The address says which view is on screen (not while a response link waits to be taken
    // in), so a reload starts the entry that shows it.
    {
        let embedded = setup.embedded;
        use_effect_with(Route::of_view(&view), move |shown| {
            if !embedded && !matches!(Route::of(&browser::hash()), Route::Code(_)) {
                browser::replace_hash(&shown.to_hash());
            }
        });
    }
    let screen = match (&view, state.open_workshop()) {
        (View::Workshop(_), Some(workshop)) if workshop.turn_is_held_by(&state.tab) => html! {
            <TurnView workshop={workshop.clone()} refusal={refusal.clone()} on_action={in_workshop(&dispatch, &workshop.id)} />
        },
        (View::Workshop(_), Some(workshop)) => html! {
            <FacilitatorView
                workshop={workshop.clone()}
                runs={(*runs).clone()}
                refusal={refusal.clone()}
                on_action={in_workshop(&dispatch, &workshop.id)}
                on_take_over={dispatch.reform({ let id = workshop.id.clone(); move |()| TandemAction::TakeOverTurn(id.clone()) })}
                receipt={receipt(model.told.as_ref(), &workshop.id)}
                {on_open}
            />
        },
        (View::Workshops | View::Workshop(_), _) => html! {
            <WorkshopList
                bank={model.bank.clone()}
                workshops={state.workshops.clone()}
                refusal={refusal.clone()}
                on_action={dispatch}
                {on_open}
            />
        },
        (View::Proposal, _) => html! {
            <ProposalScreen
                bank={model.bank.clone()}
                respondent={journey.respondent.clone()}
                proposal={state.proposal.clone()}
                refusal={refusal.clone()}
                on_action={dispatch.reform(TandemAction::Proposal)}
                on_back={on_open.reform(|()| View::SelfAssessment)}
            />
        },
        (View::SelfAssessment, _) => match (journey.screen, journey.respondent.clone()) {
            (Screen::Step(_), Some(_)) => html! {
                <AssessmentStep bank={model.bank.clone()} journey={journey.clone()} on_action={on_journey_action.clone()} />
            },
            (Screen::Report, Some(respondent)) => {
                html! {
                    <ReportScreen
                        bank={model.bank.clone()}
                        {respondent}
                        unanswered={progress.total - progress.answered}
                        on_edit={on_journey_action.reform(|()| Action::GoTo(Screen::Step(0)))}
                        on_answer_rest={on_journey_action.reform(|()| Action::GoToFirstUnanswered)}
                        on_start_over={on_journey_action.reform(|()| Action::StartOver)}
                        proposal={state.proposal.clone()}
                        on_draft_norms={on_open.reform(|()| View::Proposal)}
                        on_workshops={(setup.mode == tandem_core::embed::Mode::Both).then(|| on_open.reform(|()| View::Workshops))}
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

    let on_home = (!in_turn).then_some(on_home);
    let notice = notice_view(
        words,
        &notice,
        (has_data && !in_turn).then_some(&on_export),
        &on_released,
    );
    let footer = if in_turn {
        html! { <p>{words.t("app.runs-locally")}</p> }
    } else {
        html! {
            <YourData>
                <BackupRow {has_data} {on_export} {on_restore} {on_refused} />
                <KeepRow retention={state.retention.days} {on_retention} />
                if has_data {
                    <DeleteRow {on_delete} />
                }
            </YourData>
        }
    };
    frame(&setup, on_home, notice, screen, footer)
}

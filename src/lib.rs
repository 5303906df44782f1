//! The Tandem web app: a thin Yew shell over `tandem-core`.
//!
//! State flows one way. One root reducer holds the [`Tandem`] state and changes it only through
//! [`Tandem::apply`]; screens get owned values as props and report back through callbacks;
//! effects at the root save every change through [`storage`] and show what went wrong if a save
//! fails. Nothing here computes a score.

// Headings take the level an embed asks for through yew's dynamic tags (`<@{words.h(1)} data-level="1">`),
// which html! expands into a match with a `_` pattern on `()`.
#![allow(clippy::ignored_unit_patterns)]

pub mod browser;
pub mod components;
pub mod hooks;
pub mod notices;
pub mod routes;
pub mod screens;
pub mod setup;
pub mod storage;

use std::rc::Rc;

use tandem_core::embed::Theme;
use tandem_core::workshop::Receipt;
use tandem_core::{Action, Bank, Screen, Step, Tandem, TandemAction, Told, View, WorkshopAction};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::hooks::use_title;
use crate::notices::{Notice, notice_view};
use crate::routes::Route;
use crate::screens::collect::incoming_code;
use crate::screens::{
    AssessmentStep, FacilitatorView, ProposalScreen, ReportScreen, StartScreen, TurnView,
    WorkshopList, YourData,
};
use crate::setup::{Setup, use_setup};
use crate::storage::SaveError;

/// The stylesheets of `dist/`, in the order `index.html` links them. An embed links the same
/// files inside its Shadow DOM root; the end-to-end tests check the two lists agree.
const STYLESHEETS: [&str; 7] = [
    "theme.css",
    "base.css",
    "start.css",
    "assessment.css",
    "report.css",
    "workshop.css",
    "norms.css",
];

/// The elements of the page marked `data-tandem`.
fn embed_elements(document: &web_sys::Document) -> Vec<web_sys::Element> {
    document
        .query_selector_all("[data-tandem]")
        .ok()
        .map(|list| {
            (0..list.length())
                .filter_map(|index| list.item(index)?.dyn_into::<web_sys::Element>().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Starts the page's own Tandem (`index.html`), unless this is a host page with embeds: it
/// renders the root the address asks for into the element with id `tandem`, with its settings
/// from the address's query (`?namespace=team-a&lang=de`). Called by the binary's `main`.
pub fn start_own_page() {
    if let Some(document) = web_sys::window().and_then(|window| window.document())
        && embed_elements(&document).is_empty()
    {
        own_page(&document);
    }
}

/// Starts an embed in each element of the page marked `data-tandem`, and touches nothing else on
/// the page. `boot.js` calls this with the address of `dist/` (ending in `/`), where the
/// stylesheets and the page's own Tandem are.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn embed_all(base: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        for host in embed_elements(&document) {
            embed(&document, host, base);
        }
    }
}

/// The page's own Tandem.
fn own_page(document: &web_sys::Document) {
    let route = Route::of(&browser::hash());
    let Some(root) = document
        .get_element_by_id("tandem")
        .or_else(|| document.body().map(Into::into))
    else {
        return;
    };
    let html = document.document_element();
    let shown = route.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let loaded =
            setup::load(setup::query_setting, |_| browser::page_address(), "", false).await;
        if let (Ok((setup, theme)), Some(html)) = (&loaded, html) {
            // The page is Tandem's own, so its root element may carry the theme and language.
            html.set_attribute("lang", setup.words.0.tag()).ok();
            html.set_attribute("dir", setup.words.0.direction()).ok();
            if *theme != Theme::Auto {
                html.set_attribute("data-theme", theme.key()).ok();
            }
        }
        render(root, loaded.map(|(setup, _)| setup), shown);
    });
    let reload_on_new_route = browser::on_hash_change(move || {
        if !Route::of(&browser::hash()).same_root(&route) {
            browser::reload();
        }
    });
    // The listener lives as long as the page.
    if let Some(listener) = reload_on_new_route {
        listener.forget();
    }
}

/// An embed: a Shadow DOM root in `host` with Tandem's stylesheets, so the host's styles and
/// Tandem's never meet, and the app (always its main root; the other pages open as the page's
/// own Tandem) inside it.
fn embed(document: &web_sys::Document, host: web_sys::Element, base: &str) {
    if host.shadow_root().is_some() {
        return; // Mounted already, or the host's own component.
    }
    let Ok(shadow) =
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
    else {
        return;
    };
    // Each stylesheet's load (or failure), so the widget first appears styled.
    let mut styled = Vec::new();
    for sheet in STYLESHEETS {
        let Ok(link) = document.create_element("link") else {
            continue;
        };
        link.set_attribute("rel", "stylesheet").ok();
        link.set_attribute("href", &format!("{base}{sheet}")).ok();
        if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
            styled.push(browser::loaded(&link));
            shadow.append_child(&link).ok();
        }
    }
    let Ok(root) = document.create_element("div") else {
        return;
    };
    root.set_class_name("tandem-root");
    if shadow.append_child(&root).is_err() {
        return;
    }
    let host_page = browser::page_address();
    let base = base.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = setup::load(
            |name| host.get_attribute(name),
            |settings| format!("{base}index.html{}", setup::query(settings, &host_page)),
            &base,
            true,
        )
        .await;
        if let Ok((setup, _)) = &loaded {
            root.set_attribute("lang", setup.words.0.tag()).ok();
            // The widget's direction is its language's, whatever the host page's is.
            root.set_attribute("dir", setup.words.0.direction()).ok();
        }
        let loaded = loaded.map(|(mut setup, theme)| {
            setup.root = Some(shadow.clone());
            (setup, theme)
        });
        for sheet in styled {
            // A stylesheet that failed leaves the widget plain but working.
            wasm_bindgen_futures::JsFuture::from(sheet).await.ok();
        }
        // The host's element carries the theme itself (`data-theme`), for the stylesheet.
        render(root, loaded.map(|(setup, _)| setup), Route::App);
    });
}

fn render(root: web_sys::Element, loaded: Result<Setup, setup::Problem>, route: Route) {
    match loaded {
        Ok(setup) => {
            yew::Renderer::<Shell>::with_root_and_props(root, ShellProps { setup, route }).render();
        }
        Err(problem) => {
            yew::Renderer::<CannotStart>::with_root_and_props(root, problem).render();
        }
    }
}

#[derive(Properties, PartialEq)]
struct ShellProps {
    setup: Setup,
    route: Route,
}

/// A mount's root: its setup as context around the root the route asks for.
#[component]
fn Shell(props: &ShellProps) -> Html {
    let root = match &props.route {
        Route::Join(link) => html! {
            <screens::Participant bank_id={link.bank_id.clone()} workshop={link.workshop.clone()}
                                  name={link.name.clone().map(AttrValue::from)} />
        },
        Route::Presenter(id) => html! { <screens::Presenter workshop_id={id.clone()} /> },
        Route::Agreement(id) => html! { <screens::AgreementSheet workshop_id={id.clone()} /> },
        Route::Report(id) => html! { <screens::ReportSheet workshop_id={id.clone()} /> },
        Route::App | Route::Code(_) => html! { <App /> },
    };
    html! {
        <ContextProvider<Setup> context={props.setup.clone()}>{root}</ContextProvider<Setup>>
    }
}

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

/// What the host page's author sees instead of Tandem when the element asks for something that
/// cannot work: every problem, each where it is.
#[component]
fn CannotStart(problem: &setup::Problem) -> Html {
    let words = problem.words;
    let message = html! {
        <div class="cannot-start" role="alert">
            <@{words.h(1)} data-level="1">{words.t("embed.cannot-start")}</@>
            <ul class="problems">
                {for problem.lines.iter().map(|line| html! { <li><code>{line}</code></li> })}
            </ul>
            <p>{words.t("embed.cannot-start-help")}</p>
        </div>
    };
    html! {
        <div class="tandem">
            {part(problem.embedded, "main", "tandem-main", message)}
        </div>
    }
}

/// `children` in a `tag` element (`header`, `main`, `footer`) with `class`; in an embed, in a
/// plain `div` instead, since the host page owns its landmarks (see `Setup::embedded`).
fn part(embedded: bool, tag: &'static str, class: &'static str, children: Html) -> Html {
    let mut element = yew::virtual_dom::VTag::new(if embedded { "div" } else { tag });
    element.add_attribute("class", class);
    element.add_child(children);
    element.into()
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
        (View::SelfAssessment, _) => match (state.journey.screen, &state.journey.respondent) {
            (Screen::Step(step), Some(_)) => words.f(
                "title.step",
                &[
                    ("n", &(step + 1)),
                    ("total", &bank.dimensions.len()),
                    (
                        "dimension",
                        &bank.dimensions.get(step).map_or("", |d| d.title.as_str()),
                    ),
                ],
            ),
            (Screen::Report, Some(_)) => words.t("report.title").to_owned(),
            _ => words.t("app.tagline").to_owned(),
        },
    }
}

/// The root state: the bank in use, the app's state, and the last refusal to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bank: Rc<Bank>,
    pub state: Tandem,
    /// Why the last action was refused, for the person who tried it.
    pub refusal: Option<tandem_core::WorkshopError>,
    /// What the person should be told about the last action (see [`tandem_core::Step`]),
    /// numbered so the same words said twice are shown twice.
    pub told: Option<(u32, tandem_core::Told)>,
    /// Counts the times storage was found to lack something this tab has, after another tab's
    /// save: each time, every part is saved again (see [`tandem_core::Step::rewrite`]).
    pub rewrites: u32,
    /// Whether the state came from merging another tab's save: what changed is what storage
    /// holds already, and writing it back could overwrite a later save of that tab.
    pub synced: bool,
}

impl Reducible for Model {
    type Action = TandemAction;

    fn reduce(self: Rc<Self>, action: TandemAction) -> Rc<Self> {
        let synced = matches!(action, TandemAction::Sync(_));
        match self.state.step(&self.bank, action) {
            Ok(Step {
                state: None,
                told: None,
                rewrite: false,
            }) => self,
            Ok(Step {
                state,
                told,
                rewrite,
            }) => Rc::new(Model {
                bank: self.bank.clone(),
                state: state.unwrap_or_else(|| self.state.clone()),
                refusal: None,
                told: told.map(|words| {
                    let number = self.told.as_ref().map_or(0, |(n, _)| n + 1);
                    (number, words)
                }),
                rewrites: self.rewrites + u32::from(rewrite),
                synced,
            }),
            Err(error) => Rc::new(Model {
                bank: self.bank.clone(),
                state: self.state.clone(),
                refusal: Some(error),
                told: None,
                rewrites: self.rewrites,
                synced: false,
            }),
        }
    }
}

/// Saves one part of the state whenever it changes, or when storage was found to lack part of
/// it (`rewrites` counts up), and reports the outcome as a notice. A change that came from
/// another tab's save (`synced`) is not written back: storage holds it already, and by the time
/// this tab wrote it the other tab may have saved a later one, which would be lost.
#[hook]
fn use_saved<T: PartialEq + Clone + 'static>(
    value: T,
    rewrites: u32,
    synced: bool,
    save: fn(&str, &T) -> Result<(), SaveError>,
    notice: UseStateHandle<Option<Notice>>,
) {
    let prefix = use_setup().prefix;
    let last_rewrites = use_mut_ref(|| rewrites);
    use_effect_with((value, rewrites), move |(value, rewrites)| {
        let asked = last_rewrites.replace(*rewrites) != *rewrites;
        if synced && !asked {
            return;
        }
        match save(&prefix, value) {
            Ok(()) => {
                if matches!(*notice, Some(Notice::NotSaved(_))) {
                    notice.set(None);
                }
            }
            // While a value is held in place its notice stays: it says that nothing is saved
            // until it is downloaded, and offers the download.
            Err(_) if !storage::held().is_empty() => {
                if !matches!(*notice, Some(Notice::Quarantined(_))) {
                    notice.set(Some(Notice::Quarantined(storage::held())));
                }
            }
            Err(error) => notice.set(Some(Notice::NotSaved(error))),
        }
    });
}

#[component]
pub fn App() -> Html {
    let setup = use_setup();
    let words = setup.words;
    // What is saved, less the runs and workshops past the chosen retention, and what that removed.
    let (loaded, forgotten) = &*use_memo(setup.prefix.clone(), |prefix| {
        let mut loaded = storage::load(prefix);
        let forgotten = loaded
            .state
            .forget_expired(browser::today())
            .map(|(kept, forgotten)| {
                let days = kept.retention.days.unwrap_or_default();
                loaded.state = kept;
                forgotten.summary(words.0, days)
            });
        (Rc::new(loaded), forgotten)
    });
    let loaded = loaded.clone();
    let model = {
        let (loaded, bank, mode, prefix) = (
            loaded.clone(),
            setup.bank.clone(),
            setup.mode,
            setup.prefix.clone(),
        );
        use_reducer(move || {
            let mut state = loaded.state.clone();
            state.tab = storage::tab_id(&prefix);
            state.fit(&bank);
            state.view = mode.fit(state.view);
            Model {
                bank,
                state,
                refusal: None,
                told: None,
                rewrites: 0,
                synced: false,
            }
        })
    };
    let notice = use_state_eq(|| {
        if !loaded.quarantined.is_empty() {
            Some(Notice::Quarantined(loaded.quarantined.clone()))
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
        let (model, incoming) = (model.clone(), incoming.clone());
        use_effect_with((*incoming).clone(), move |code| {
            if let Some(text) = code {
                model.dispatch(TandemAction::ReceiveLink(text.clone()));
                browser::clear_hash();
                incoming.set(None);
            }
        });
    }

    // Another tab's saves are merged in, so two tabs never overwrite each other's work; what the
    // later save replaced here is said, not dropped silently.
    {
        let model = model.clone();
        use_effect_with(setup.prefix.clone(), move |prefix| {
            let listener = storage::on_change(prefix, {
                let prefix = prefix.clone();
                move || model.dispatch(TandemAction::Sync(Box::new(storage::load(&prefix).state)))
            });
            move || drop(listener)
        });
    }
    {
        let notice = notice.clone();
        use_effect_with(model.told.clone(), move |told| {
            match told {
                // Shown beside the box the codes were pasted into.
                Some((_, Told::Received(_))) | None => {}
                Some((_, Told::Linked(linked))) => {
                    notice.set(Some(Notice::Response(linked.message(words.0))));
                }
                Some((_, told)) => notice.set(Some(Notice::Told(told.message(words.0)))),
            }
        });
    }

    // Every change is saved at once; a failure is shown, and a later success clears it. Every
    // part is saved again when storage was found to lack part of it, and when a value held in
    // place has been downloaded (it may be overwritten from then on).
    let released = use_state_eq(|| 0u32);
    let on_released = {
        let released = released.clone();
        Callback::from(move |()| released.set(*released + 1))
    };
    let rewrites = model.rewrites + *released;
    use_saved(
        model.state.journey.clone(),
        rewrites,
        model.synced,
        storage::save_journey,
        notice.clone(),
    );
    use_saved(
        model.state.retention,
        rewrites,
        model.synced,
        storage::save_retention,
        notice.clone(),
    );
    use_saved(
        model.state.history.clone(),
        rewrites,
        model.synced,
        storage::save_history,
        notice.clone(),
    );
    use_saved(
        model.state.proposal.clone(),
        rewrites,
        model.synced,
        storage::save_proposal,
        notice.clone(),
    );
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

    // An embed is one region of its host page, named by `data-label`; its parts are not
    // regions of their own (see `setup::Outline`).
    let mut root = yew::virtual_dom::VTag::new(if setup.embedded { "section" } else { "div" });
    root.add_attribute("class", "tandem");
    if setup.embedded {
        root.add_attribute("aria-label", setup.label.to_string());
    }
    root.add_child(html! {
        <>
            {part(setup.embedded, "header", "tandem-header", html! {
                <>
                    // Home is the start screen; a participant's turn keeps them where they are.
                    if in_turn {
                        <span class="brand">{words.t("app.name")}</span>
                    } else {
                        <button type="button" class="brand home" onclick={on_home}
                                aria-label={words.t("app.home")}>
                            {words.t("app.name")}
                        </button>
                    }
                    <span class="tagline">{words.t("app.tagline")}</span>
                </>
            })}
            {notice_view(words, &notice, (has_data && !in_turn).then_some(&on_export), &on_released)}
            {part(setup.embedded, "main", "tandem-main", screen)}
            {part(setup.embedded, "footer", "tandem-footer", html! {
                if in_turn {
                    <p>{words.t("app.runs-locally")}</p>
                } else {
                    <YourData {has_data} {on_export} {on_restore} {on_refused} {on_delete}
                              retention={state.retention.days}
                              {on_retention} />
                }
            })}
        </>
    });
    root.into()
}

/// Offers a workshop document as a JSON download named from `name` and the day:
/// `q3-launch-tandem-2026-12-01.json`.
///
/// # Errors
/// The browser's error when the file cannot be offered.
pub fn offer_document(
    mut document: tandem_core::WorkshopDocument,
    name: &str,
) -> Result<(), wasm_bindgen::JsValue> {
    let now = browser::now_iso();
    let name =
        tandem_core::export::file_name(name, "tandem", now.get(..10).unwrap_or("export"), "json");
    document.exported_at = Some(now);
    browser::download(&name, "application/json", &document.to_json())
}

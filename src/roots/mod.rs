//! The roots of the three entries (see [`Entry`]), and what the two app roots share: one
//! reducer shape over the core's state ([`Model`]), saving a part whenever it changes
//! ([`use_saved`]), taking in another tab's saves, and the page's frame.
//!
//! - `participant`: the join link's page ([`crate::screens::Participant`]), with its own model of
//!   one participation;
//! - `self-assessment`: [`own::OwnApp`], the self-assessment from the start page to its report,
//!   over [`OwnAction`]: it reads and writes only the self-assessment's parts of storage, so it
//!   carries none of the workshops' code;
//! - `facilitator`: [`app::App`] for the app's routes, and the presenter and print pages.
//!
//! What one entry cannot show, it hands to the entry that can ([`hand_over`]).

pub mod app;
pub mod own;

use std::marker::PhantomData;
use std::rc::Rc;

use tandem_core::{Bank, OwnAction, Screen, Step, Tandem, TandemAction, Told, View, WorkshopError};
use yew::prelude::*;

use crate::browser;
use crate::mount::{Roots, part};
use crate::notices::Notice;
use crate::routes::{Entry, Route};
use crate::screens;
use crate::setup::{self, Setup, use_setup};
use crate::storage::{self, SaveError};

/// The participant's entry: a join link's page.
pub struct Participant;

impl Roots for Participant {
    const ENTRY: Entry = Entry::Participant;

    fn root(route: &Route) -> Html {
        // boot.js starts this entry for join links only; anything else reads as a broken one.
        let link = match route {
            Route::Join(link) => link.clone(),
            _ => tandem_core::code::parse_join(""),
        };
        html! { <screens::Participant {link} /> }
    }
}

/// The self-assessment's entry: the start page, the statements and the report.
pub struct SelfAssessment;

impl Roots for SelfAssessment {
    const ENTRY: Entry = Entry::SelfAssessment;

    fn prepare() {
        tandem_core::i18n::with_self_assessment_words();
    }

    fn root(_: &Route) -> Html {
        html! { <own::OwnApp /> }
    }
}

/// The facilitator's entry: everything.
pub struct Facilitator;

impl Roots for Facilitator {
    const ENTRY: Entry = Entry::Facilitator;

    fn prepare() {
        tandem_core::i18n::with_workshop_words();
    }

    fn root(route: &Route) -> Html {
        match route {
            Route::Join(_) => Participant::root(route),
            Route::Presenter(id) => html! { <screens::Presenter workshop_id={id.clone()} /> },
            Route::Agreement(id) => html! { <screens::AgreementSheet workshop_id={id.clone()} /> },
            Route::Report(id) => html! { <screens::ReportSheet workshop_id={id.clone()} /> },
            Route::App | Route::Code(_) | Route::Workshops | Route::Proposal | Route::Data => {
                html! { <app::App route={route.clone()} /> }
            }
        }
    }
}

/// Opens `route` in the entry that shows it: on the page's own Tandem the address changes and
/// the page loads that entry (see `mount`). It opens in a new tab instead ([`in_new_tab`]) from
/// an embed, as the presenter does, and while a change could not be saved.
pub fn hand_over(setup: &Setup, route: &Route) {
    if in_new_tab(setup) {
        browser::open_tab(&setup.address(&route.to_hash()));
    } else {
        browser::go(&route.to_hash());
    }
}

/// Whether a page of another entry opens in a new tab: from an embed, which stays on its host
/// page, and while a change could not be saved, which lives in this page only (loading another
/// page here would lose it).
#[must_use]
pub fn in_new_tab(setup: &Setup) -> bool {
    setup.embedded || !storage::all_saved()
}

/// An action of a root's reducer: the core's step for it.
pub trait Steps: Clone + PartialEq + std::fmt::Debug + 'static {
    /// What `self` does to `state`.
    ///
    /// # Errors
    /// As [`Tandem::step`].
    fn step(self, state: &Tandem, bank: &Bank) -> Result<Step, WorkshopError>;
    /// Whether this is another tab's save being taken in.
    fn is_sync(&self) -> bool;
}

impl Steps for TandemAction {
    fn step(self, state: &Tandem, bank: &Bank) -> Result<Step, WorkshopError> {
        state.step(bank, self)
    }

    fn is_sync(&self) -> bool {
        matches!(self, TandemAction::Sync(_))
    }
}

impl Steps for OwnAction {
    fn step(self, state: &Tandem, bank: &Bank) -> Result<Step, WorkshopError> {
        Ok(state.step_own(bank, self))
    }

    fn is_sync(&self) -> bool {
        matches!(self, OwnAction::Sync(_))
    }
}

/// A root's state: the bank in use, the app's state, and the last refusal to show; changed only
/// by the core's step for an action `A`.
#[derive(Debug, Clone, PartialEq)]
pub struct Model<A> {
    pub bank: Rc<Bank>,
    pub state: Tandem,
    /// Why the last action was refused, for the person who tried it.
    pub refusal: Option<WorkshopError>,
    /// What the person should be told about the last action (see [`tandem_core::Step`]),
    /// numbered so the same words said twice are shown twice.
    pub told: Option<(u32, Told)>,
    /// Counts the times storage was found to lack something this tab has, after another tab's
    /// save: each time, every part is saved again (see [`tandem_core::Step::rewrite`]).
    pub rewrites: u32,
    /// Whether the state came from merging another tab's save: what changed is what storage
    /// holds already, and writing it back could overwrite a later save of that tab.
    pub synced: bool,
    action: PhantomData<A>,
}

impl<A> Model<A> {
    #[must_use]
    pub fn new(bank: Rc<Bank>, state: Tandem) -> Self {
        Model {
            bank,
            state,
            refusal: None,
            told: None,
            rewrites: 0,
            synced: false,
            action: PhantomData,
        }
    }
}

impl<A: Steps> Reducible for Model<A> {
    type Action = A;

    fn reduce(self: Rc<Self>, action: A) -> Rc<Self> {
        let synced = action.is_sync();
        match action.step(&self.state, &self.bank) {
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
                action: PhantomData,
            }),
            Err(error) => Rc::new(Model {
                refusal: Some(error),
                told: None,
                synced: false,
                ..(*self).clone()
            }),
        }
    }
}

/// What is saved under `prefix` by `load`, less the runs and workshops past the chosen
/// retention, and what that removed; read once per mount.
#[hook]
pub fn use_loaded(load: fn(&str) -> storage::Loaded) -> Rc<(Rc<storage::Loaded>, Option<String>)> {
    let setup = use_setup();
    let words = setup.words;
    use_memo(setup.prefix.clone(), move |prefix| {
        let mut loaded = load(prefix);
        let forgotten = loaded
            .state
            .forget_expired(browser::today())
            .map(|(kept, forgotten)| {
                let days = kept.retention.days.unwrap_or_default();
                loaded.state = kept;
                forgotten.summary(words.0, days)
            });
        (Rc::new(loaded), forgotten)
    })
}

/// The notice a mount starts with: what could not be read, that storage is unavailable, or what
/// the retention removed.
#[must_use]
pub fn first_notice(loaded: &storage::Loaded, forgotten: Option<&String>) -> Option<Notice> {
    if !loaded.quarantined.is_empty() {
        Some(Notice::Quarantined(loaded.quarantined.clone()))
    } else if loaded.unavailable {
        Some(Notice::NotSaved(SaveError::Unavailable))
    } else {
        forgotten.cloned().map(Notice::Told)
    }
}

/// Takes in another tab's saves, read by `load`, as the action `sync` makes of them, so two
/// tabs never overwrite each other's work; and shows what the person should be told (except
/// a receipt of pasted codes, which is shown beside their box).
#[hook]
pub fn use_tabs<A: Steps>(
    model: UseReducerHandle<Model<A>>,
    load: fn(&str) -> storage::Loaded,
    sync: fn(Box<Tandem>) -> A,
    notice: UseStateHandle<Option<Notice>>,
) {
    let setup = use_setup();
    let words = setup.words;
    {
        let model = model.clone();
        use_effect_with(setup.prefix.clone(), move |prefix| {
            let listener = storage::on_change(prefix, {
                let prefix = prefix.clone();
                move || model.dispatch(sync(Box::new(load(&prefix).state)))
            });
            move || drop(listener)
        });
    }
    use_effect_with(model.told.clone(), move |told| match told {
        Some((_, Told::Received(_))) | None => {}
        Some((_, Told::Linked(linked))) => {
            notice.set(Some(Notice::Response(linked.message(words.0))));
        }
        Some((_, told)) => notice.set(Some(Notice::Told(told.message(words.0)))),
    });
}

/// Saves one part of the state whenever it changes, or when storage was found to lack part of
/// it (`rewrites` counts up), and reports the outcome as a notice. A change that came from
/// another tab's save (`synced`) is not written back: storage holds it already, and by the time
/// this tab wrote it the other tab may have saved a later one, which would be lost.
#[hook]
pub fn use_saved<T: PartialEq + Clone + 'static>(
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

/// Saves the self-assessment's parts (its journey, the retention setting, its runs and the drafted
/// norms) as [`use_saved`] does: what both app roots keep.
#[hook]
pub fn use_saved_own(
    state: &Tandem,
    rewrites: u32,
    synced: bool,
    notice: &UseStateHandle<Option<Notice>>,
) {
    use_saved(
        state.journey.clone(),
        rewrites,
        synced,
        storage::save_journey,
        notice.clone(),
    );
    use_saved(
        state.retention,
        rewrites,
        synced,
        storage::save_retention,
        notice.clone(),
    );
    use_saved(
        state.history.clone(),
        rewrites,
        synced,
        storage::save_history,
        notice.clone(),
    );
    use_saved(
        state.proposal.clone(),
        rewrites,
        synced,
        storage::save_proposal,
        notice.clone(),
    );
}

/// What the window is called on the self-assessment's screens.
#[must_use]
pub fn self_assessment_title(words: setup::Words, bank: &Bank, state: &Tandem) -> String {
    match (state.journey.screen, &state.journey.respondent) {
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
    }
}

/// The page around a screen: the header (the brand, a home button unless `on_home` is `None`),
/// the notice, the screen and the footer. An embed is one region of its host page, named by
/// `data-label`; its parts are not regions of their own (see `setup::Outline`).
pub fn frame(
    setup: &Setup,
    on_home: Option<Callback<MouseEvent>>,
    notice: Html,
    screen: Html,
    footer: Html,
) -> Html {
    let words = setup.words;
    let mut root = yew::virtual_dom::VTag::new(if setup.embedded { "section" } else { "div" });
    root.add_attribute("class", "tandem");
    if setup.embedded {
        root.add_attribute("aria-label", setup.label.to_string());
    }
    root.add_child(html! {
        <>
            {part(setup.embedded, "header", "tandem-header", html! {
                <>
                    if let Some(on_home) = on_home {
                        <button type="button" class="brand home" onclick={on_home}
                                aria-label={words.t("app.home")}>
                            {words.t("app.name")}
                        </button>
                    } else {
                        <span class="brand">{words.t("app.name")}</span>
                    }
                    <span class="tagline">{words.t("app.tagline")}</span>
                </>
            })}
            {notice}
            {part(setup.embedded, "main", "tandem-main", screen)}
            {part(setup.embedded, "footer", "tandem-footer", footer)}
        </>
    });
    root.into()
}

/// Where the page's own Tandem starts on `view`: the view its route names, else the one saved.
#[must_use]
pub fn view_of_route(route: &Route, saved: View) -> View {
    match (route, saved) {
        (Route::Workshops, saved @ View::Workshop(_)) => saved,
        (Route::Workshops, _) => View::Workshops,
        (Route::Proposal, _) => View::Proposal,
        (_, saved) => saved,
    }
}

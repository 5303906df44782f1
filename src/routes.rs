//! Every address Tandem answers, in one place: the hash after the page's address names the root
//! that starts and what it shows. [`Route::of`] reads a hash and [`Route::to_hash`] writes one,
//! so a link and the page it opens never disagree. Each route also names its [`Entry`], the
//! wasm that shows it; `boot.js` reads the hash by the same table and loads only that one.

use tandem_core::code::{self, JoinLink};
use tandem_core::embed::Mode;
use tandem_core::{View, Workshop};

const JOIN: &str = "#join/";
const AGAIN: &str = "#again/";
const CODE: &str = "#code/";
const PRESENTER: &str = "#presenter/";
const AGREEMENT: &str = "#agreement/";
const REPORT: &str = "#report/";
const WORKSHOPS: &str = "#workshops";
const PROPOSAL: &str = "#proposal";
const DATA: &str = "#data";

/// What an address asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The app, on the self-assessment or wherever it was left (no hash, or one it does not
    /// know).
    App,
    /// The app on the list of workshops, `#workshops`, or on the workshop open before.
    Workshops,
    /// The app on the norms an individual drafts after a self-assessment, `#proposal`.
    Proposal,
    /// The app with "Your data" (backup, restore, delete) in focus, `#data`.
    Data,
    /// A response link, `#code/<response code>`: the app takes it into the workshop it belongs
    /// to.
    Code(String),
    /// A workshop's presenter view, `#presenter/<workshop id>`.
    Presenter(String),
    /// A working agreement to print, `#agreement/<workshop id>`; an empty id is the individual's
    /// proposal.
    Agreement(String),
    /// A friction report to print, `#report/<workshop id>`; an empty id is the self-assessment's.
    Report(String),
    /// A participant's own device, `#join/<bank id>/<workshop code>/<workshop name>`, or for
    /// the second round `#again/<bank id>/<workshop code>/<re-rated dimensions>/<workshop
    /// name>`.
    Join(JoinLink),
}

impl Route {
    /// The route a hash (`#presenter/w1`, or empty) asks for.
    #[must_use]
    pub fn of(hash: &str) -> Route {
        let after = |prefix: &str| hash.strip_prefix(prefix).map(str::to_owned);
        if let Some(rest) = hash.strip_prefix(JOIN) {
            Route::Join(code::parse_join(rest))
        } else if let Some(rest) = hash.strip_prefix(AGAIN) {
            Route::Join(code::parse_again(rest))
        } else if let Some(text) = after(CODE) {
            Route::Code(text)
        } else if let Some(id) = after(PRESENTER) {
            Route::Presenter(id)
        } else if let Some(id) = after(AGREEMENT) {
            Route::Agreement(id)
        } else if let Some(id) = after(REPORT) {
            Route::Report(id)
        } else if hash == WORKSHOPS {
            Route::Workshops
        } else if hash == PROPOSAL {
            Route::Proposal
        } else if hash == DATA {
            Route::Data
        } else {
            Route::App
        }
    }

    /// The join link of `workshop`, for its participants.
    #[must_use]
    pub fn join(workshop: &Workshop) -> Route {
        Route::Join(JoinLink::to(
            &workshop.bank.id,
            code::workshop_code(&workshop.id),
            &workshop.name,
        ))
    }

    /// The second-round link of `workshop`, for its participants to answer the re-rated
    /// dimensions again.
    #[must_use]
    pub fn join_again(workshop: &Workshop) -> Route {
        let rerated = workshop
            .rerate
            .as_ref()
            .map_or(&[][..], |rerate| rerate.dimensions.as_slice());
        Route::Join(JoinLink::again(
            &workshop.bank,
            code::workshop_code(&workshop.id),
            &workshop.name,
            rerated,
        ))
    }

    /// The hash that asks for this route.
    #[must_use]
    pub fn to_hash(&self) -> String {
        match self {
            Route::App => String::new(),
            Route::Workshops => WORKSHOPS.to_owned(),
            Route::Proposal => PROPOSAL.to_owned(),
            Route::Data => DATA.to_owned(),
            Route::Code(text) => format!("{CODE}{text}"),
            Route::Presenter(id) => format!("{PRESENTER}{id}"),
            Route::Agreement(id) => format!("{AGREEMENT}{id}"),
            Route::Report(id) => format!("{REPORT}{id}"),
            Route::Join(link) => format!("{}{}", join_prefix(link), link.path()),
        }
    }

    /// [`Route::to_hash`] as a person reads it: a join link's workshop name as text, not
    /// percent-encoded.
    #[must_use]
    pub fn to_readable_hash(&self) -> String {
        match self {
            Route::Join(link) => format!("{}{}", join_prefix(link), link.shown()),
            other => other.to_hash(),
        }
    }

    /// Whether `other` is shown by the same root, so following it needs no new page (when the
    /// entry on the page holds it, see [`Entry::shows`]): a response link and the app's views
    /// belong to the app, which takes them in itself.
    #[must_use]
    pub fn same_root(&self, other: &Route) -> bool {
        let root = |route: &Route| match route {
            Route::Code(_) | Route::Workshops | Route::Proposal | Route::Data => Route::App,
            other => other.clone(),
        };
        root(self) == root(other)
    }

    /// The route of the app showing `view`, so a reload comes back to it in the entry that
    /// holds it.
    #[must_use]
    pub fn of_view(view: &View) -> Route {
        match view {
            View::SelfAssessment => Route::App,
            View::Workshops | View::Workshop(_) => Route::Workshops,
            View::Proposal => Route::Proposal,
        }
    }
}

/// `#join/` for the first round's link, `#again/` for the second's.
fn join_prefix(link: &JoinLink) -> &'static str {
    if link.rerated.is_some() { AGAIN } else { JOIN }
}

/// One wasm of `dist/`, for one journey: what a visitor downloads is the entry of the address
/// they open, never the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A participant on their own device: the join link's page (`participant.js`).
    Participant,
    /// The self-assessment, from the start page to its report, and a `data-mode="self"`
    /// embed (`self-assessment.js`).
    SelfAssessment,
    /// Everything: workshops, presenter, norms, print pages, backups (`facilitator.js`).
    Facilitator,
}

impl Entry {
    pub const ALL: [Entry; 3] = [
        Entry::Participant,
        Entry::SelfAssessment,
        Entry::Facilitator,
    ];

    /// Its files' name in `dist/`: `<name>.js` and `<name>_bg.wasm`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Entry::Participant => "participant",
            Entry::SelfAssessment => "self-assessment",
            Entry::Facilitator => "facilitator",
        }
    }

    /// The entry that opens `route` on the page's own Tandem.
    #[must_use]
    pub fn of(route: &Route) -> Entry {
        match route {
            Route::Join(_) => Entry::Participant,
            Route::App => Entry::SelfAssessment,
            _ => Entry::Facilitator,
        }
    }

    /// The entry that starts an embed whose `data-mode` is `mode`: the self-assessment's for
    /// `self`, the facilitator's for anything else (which also tells the page's author when the
    /// mode is wrong).
    #[must_use]
    pub fn of_embed(mode: Option<&str>) -> Entry {
        if mode == Some(Mode::SelfAssessment.key()) {
            Entry::SelfAssessment
        } else {
            Entry::Facilitator
        }
    }

    /// Whether this entry shows `route` itself; another route needs the page loaded again, so
    /// `boot.js` starts the entry that does. The facilitator's holds every route.
    #[must_use]
    pub fn shows(self, route: &Route) -> bool {
        self == Entry::Facilitator || Entry::of(route) == self
    }
}

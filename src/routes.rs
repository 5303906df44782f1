//! Every address Tandem answers, in one place: the hash after the page's address names the root
//! that starts and what it shows. [`Route::of`] reads a hash and [`Route::to_hash`] writes one,
//! so a link and the page it opens never disagree.

use tandem_core::Workshop;
use tandem_core::code::{self, JoinLink};

const JOIN: &str = "#join/";
const CODE: &str = "#code/";
const PRESENTER: &str = "#presenter/";
const AGREEMENT: &str = "#agreement/";
const REPORT: &str = "#report/";

/// What an address asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The app: the self-assessment, the workshops and the norms (no hash, or one it does not
    /// know).
    App,
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
    /// A participant's own device, `#join/<bank id>/<workshop code>/<workshop name>`.
    Join(JoinLink),
}

impl Route {
    /// The route a hash (`#presenter/w1`, or empty) asks for.
    #[must_use]
    pub fn of(hash: &str) -> Route {
        let after = |prefix: &str| hash.strip_prefix(prefix).map(str::to_owned);
        if let Some(rest) = hash.strip_prefix(JOIN) {
            Route::Join(code::parse_join(rest))
        } else if let Some(text) = after(CODE) {
            Route::Code(text)
        } else if let Some(id) = after(PRESENTER) {
            Route::Presenter(id)
        } else if let Some(id) = after(AGREEMENT) {
            Route::Agreement(id)
        } else if let Some(id) = after(REPORT) {
            Route::Report(id)
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

    /// The hash that asks for this route.
    #[must_use]
    pub fn to_hash(&self) -> String {
        match self {
            Route::App => String::new(),
            Route::Code(text) => format!("{CODE}{text}"),
            Route::Presenter(id) => format!("{PRESENTER}{id}"),
            Route::Agreement(id) => format!("{AGREEMENT}{id}"),
            Route::Report(id) => format!("{REPORT}{id}"),
            Route::Join(link) => format!("{JOIN}{}", link.path()),
        }
    }

    /// [`Route::to_hash`] as a person reads it: a join link's workshop name as text, not
    /// percent-encoded.
    #[must_use]
    pub fn to_readable_hash(&self) -> String {
        match self {
            Route::Join(link) => format!("{JOIN}{}", link.shown()),
            other => other.to_hash(),
        }
    }

    /// Whether `other` is shown by the same root, so following it needs no new page: a
    /// response link belongs to the app, which takes it in itself.
    #[must_use]
    pub fn same_root(&self, other: &Route) -> bool {
        let root = |route: &Route| match route {
            Route::Code(_) => Route::App,
            other => other.clone(),
        };
        root(self) == root(other)
    }
}

//! The Tandem domain: question banks, respondents and their answers, the scoring model of
//! `shared/design/scoring.md`, the workshop document, and the self-assessment journey.
//!
//! Everything here is pure: no clock, no randomness, no browser, no storage. The web app and the
//! command-line tool are thin shells that feed values in and show what comes out, so every rule
//! is testable natively in milliseconds.

pub mod agenda;
pub mod assessment;
pub mod backup;
pub mod bank;
pub mod chart;
pub mod code;
pub mod convergence;
pub mod dates;
pub mod document;
pub mod embed;
pub mod export;
pub mod history;
pub mod i18n;
pub mod language;
pub mod merge;
pub mod norms;
pub mod numbers;
pub mod reducer;
pub mod respondent;
pub mod retention;
pub mod scoring;
pub mod state;
pub mod stored;
pub mod sync;
pub mod validation;
pub mod workshop;

pub use agenda::Phase;
pub use assessment::{Action, Journey, Screen};
pub use bank::{Bank, Dimension, Item, Prompt, Recommendation, SeedRef};
pub use document::{Imported, WorkshopDocument};
pub use norms::{Agreement, Norm, Norms, NormsAction, NormsError, Owner, Status};
pub use numbers::{format1, round1};
pub use reducer::{OwnAction, Step, TandemAction, Told};
pub use respondent::{Rating, Respondent, Role};
pub use scoring::{Figures, Level, Report};
pub use state::{Tandem, View};
pub use validation::{Invalid, Problem};
pub use workshop::{
    Arrival, OnConflict, Setup, Slide, Timer, Turn, Workshop, WorkshopAction, WorkshopError,
    Workshops,
};

//! The Tandem domain: question banks, respondents and their answers, the scoring model of
//! `shared/design/scoring.md`, the workshop document, and the self-assessment journey.
//!
//! Everything here is pure: no clock, no randomness, no browser, no storage. The web app and the
//! command-line tool are thin shells that feed values in and show what comes out, so every rule
//! is testable natively in milliseconds.

pub mod assessment;
pub mod backup;
pub mod bank;
pub mod chart;
pub mod code;
pub mod document;
pub mod embed;
pub mod export;
pub mod history;
pub mod i18n;
pub mod norms;
pub mod respondent;
pub mod retention;
pub mod scoring;
pub mod stored;
pub mod sync;
pub mod tandem;
pub mod validation;
pub mod workshop;

pub use assessment::{Action, Journey, Screen};
pub use bank::{Bank, Dimension, Item, Prompt, Recommendation, SeedRef};
pub use document::{Imported, WorkshopDocument};
pub use norms::{Agreement, Norm, Norms, NormsAction, NormsError, Owner, Status};
pub use respondent::{Rating, Respondent, Role};
pub use scoring::{Figures, Level, Report, format1, round1};
pub use tandem::{Step, Tandem, TandemAction, Told, View};
pub use validation::{Invalid, Problem};
pub use workshop::{
    Arrival, OnConflict, Phase, Setup, Slide, Timer, Turn, Workshop, WorkshopAction, WorkshopError,
    Workshops,
};

//! Widgets shared by the screens. They hold no domain state: values come in as props and
//! choices go out through callbacks.

pub mod confirm;
pub mod likert;
pub mod score_bar;
pub mod timer;

pub use confirm::{ConfirmButton, StartOverButton};
pub use likert::{Choice, LikertScale, Scale};
pub use score_bar::ScoreBar;
pub use timer::{Countdown, CountdownControls};

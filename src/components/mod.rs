//! Widgets shared by the screens. They hold no domain state: values come in as props and
//! choices go out through callbacks.

pub mod charts;
pub mod confirm;
pub mod details;
pub mod likert;
pub mod norms;
pub mod print;
pub mod qr;
pub mod report;
pub mod role_choice;
pub mod score_bar;
pub mod share;
pub mod timer;

pub use charts::{BeforeAfter, GapBars, Moved, Radar, Series, Sparkline};
pub use confirm::{ConfirmButton, StartOverButton};
pub use details::{Details, details_fields};
pub use likert::{Choice, LikertScale, Scale};
pub use print::{PrintButton, nothing_to_print};
pub use qr::Qr;
pub use role_choice::{ChooseFunction, RoleChoice};
pub use score_bar::ScoreBar;
pub use share::ShareButtons;
pub use timer::{Countdown, CountdownControls, clock, use_clock};

/// A callback that keeps a text field's value in `state` as the person types.
#[must_use]
pub fn bind_text(state: &yew::UseStateHandle<String>) -> yew::Callback<yew::InputEvent> {
    let state = state.clone();
    yew::Callback::from(move |event: yew::InputEvent| {
        let input: web_sys::HtmlInputElement = yew::TargetCast::target_unchecked_into(&event);
        state.set(input.value());
    })
}

/// A callback that keeps a text area's value in `state` as the person types.
#[must_use]
pub fn bind_text_area(state: &yew::UseStateHandle<String>) -> yew::Callback<yew::InputEvent> {
    let state = state.clone();
    yew::Callback::from(move |event: yew::InputEvent| {
        let area: web_sys::HtmlTextAreaElement = yew::TargetCast::target_unchecked_into(&event);
        state.set(area.value());
    })
}

/// A callback that keeps a select's chosen value in `state`.
#[must_use]
pub fn bind_select(state: &yew::UseStateHandle<String>) -> yew::Callback<yew::Event> {
    let state = state.clone();
    yew::Callback::from(move |event: yew::Event| {
        let select: web_sys::HtmlSelectElement = yew::TargetCast::target_unchecked_into(&event);
        state.set(select.value());
    })
}

/// `aria-invalid` and `aria-describedby` for a form field: the field is marked invalid and
/// described by the refusal (`error_id`) when `refused` is about it, and by its help text
/// (`help_id`) always.
#[must_use]
pub fn field_state(
    refused: Option<tandem_core::workshop::Field>,
    field: tandem_core::workshop::Field,
    error_id: &str,
    help_id: Option<&str>,
) -> (Option<&'static str>, Option<String>) {
    let invalid = refused == Some(field);
    let described: Vec<&str> = invalid
        .then_some(error_id)
        .into_iter()
        .chain(help_id)
        .collect();
    (
        invalid.then_some("true"),
        (!described.is_empty()).then(|| described.join(" ")),
    )
}

/// The element id of a workshop form's field, for moving focus to the one a refusal is about.
#[must_use]
pub fn field_id(prefix: &str, field: tandem_core::workshop::Field) -> String {
    use tandem_core::workshop::Field;
    let name = match field {
        Field::Name => "name",
        Field::Date => "date",
        Field::Threshold => "threshold",
        Field::Phases => "phases",
    };
    format!("{prefix}-{name}")
}

/// A date field's value as this language writes dates ("1 December 2026", "1. Dezember 2026"),
/// under the field: the browser draws the field itself in its own locale's format, so the page
/// says the date once more in the one format it uses everywhere else.
pub fn date_hint(words: crate::setup::Words, id: &str, value: &str) -> yew::Html {
    let shown = tandem_core::dates::parse_date(value).map(|date| words.date(date));
    yew::html! {
        <p class="help date-hint" id={id.to_owned()} aria-live="polite">{shown.unwrap_or_default()}</p>
    }
}

//! A workshop's name, date and threshold as form fields, with the refusal above them: the form
//! that creates a workshop and the one that edits it. The screens own the fields' state and what
//! a submit does; this draws them alike and ties a refusal to its field.

use tandem_core::WorkshopError;
use tandem_core::workshop::{Field, NAME_MAX};
use yew::prelude::*;

use crate::components::{bind_text, date_hint, field_state};
use crate::setup::Words;

/// The fields' state and how they are named.
pub struct Details<'a> {
    /// Starts every id: `<prefix>-name`, `<prefix>-date`, `<prefix>-problem` (see
    /// [`crate::components::field_id`]).
    pub prefix: &'static str,
    pub name: &'a UseStateHandle<String>,
    pub date: &'a UseStateHandle<String>,
    pub threshold: &'a UseStateHandle<String>,
    /// The refusal of the last submit, if it was refused.
    pub problem: Option<&'a WorkshopError>,
    /// A sentence under the threshold saying what it does, where the form explains it.
    pub threshold_help: Option<&'static str>,
}

/// The refusal and the three fields.
pub fn details_fields(words: Words, details: &Details) -> Html {
    let prefix = details.prefix;
    let id = |what: &str| format!("{prefix}-{what}");
    let (problem_id, date_hint_id, help_id) =
        (id("problem"), id("date-hint"), id("threshold-help"));
    let refused = details.problem.and_then(WorkshopError::field);
    let state = |field: Field, help: Option<&str>| field_state(refused, field, &problem_id, help);
    let (name_invalid, name_described) = state(Field::Name, None);
    let (date_invalid, date_described) = state(Field::Date, Some(&date_hint_id));
    let help = details.threshold_help.map(|_| help_id.as_str());
    let (threshold_invalid, threshold_described) = state(Field::Threshold, help);
    html! {
        <>
            // Always in the page, so the refusal is announced when it comes.
            <div id={problem_id.clone()} role="alert">
                if let Some(problem) = details.problem {
                    <p class="refusal">{problem.message(words.0)}</p>
                }
            </div>
            <div class="field">
                <label for={id("name")}>{words.t("workshop.name")}</label>
                <input id={id("name")} type="text" value={(**details.name).clone()} oninput={bind_text(details.name)}
                       maxlength={NAME_MAX.to_string()}
                       autocomplete="off" aria-invalid={name_invalid} aria-describedby={name_described} />
            </div>
            <div class="field">
                <label for={id("date")}>{words.t("workshop.date")}</label>
                <input id={id("date")} type="date" value={(**details.date).clone()} oninput={bind_text(details.date)}
                       aria-invalid={date_invalid} aria-describedby={date_described} />
                {date_hint(words, &date_hint_id, details.date)}
            </div>
            <div class="field">
                <label for={id("threshold")}>{words.t("workshop.threshold")}</label>
                <input id={id("threshold")} type="number" min="1" max="10" value={(**details.threshold).clone()}
                       oninput={bind_text(details.threshold)} aria-invalid={threshold_invalid}
                       aria-describedby={threshold_described} />
                if let Some(help) = details.threshold_help {
                    <p id={help_id.clone()} class="help">{words.t(help)}</p>
                }
            </div>
        </>
    }
}

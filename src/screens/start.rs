//! The start screen: what Tandem is, how long it takes, that nothing leaves the browser, and the
//! choice of function that begins (or resumes) the assessment.

use tandem_core::assessment::Progress;
use tandem_core::{Respondent, Role, View};
use yew::prelude::*;

use crate::components::RoleChoice;
use crate::hooks::use_focus_on_mount;

#[derive(Properties, PartialEq)]
pub struct StartScreenProps {
    /// The person answering, when they have begun before.
    pub respondent: Option<Respondent>,
    pub progress: Progress,
    pub on_begin: Callback<Role>,
    pub on_open: Callback<View>,
}

#[component]
pub fn StartScreen(props: &StartScreenProps) -> Html {
    let heading = use_focus_on_mount();
    let minutes = props.progress.total.div_ceil(3).max(1);
    let current = props.respondent.as_ref().map(|r| r.role);
    html! {
        <section class="screen start" aria-labelledby="start-title">
            <h1 id="start-title" tabindex="-1" ref={heading}>
                {"How well do Marketing and IT work together?"}
            </h1>
            <p class="lead">
                {format!(
                    "Tandem asks you {} short questions about how Marketing and IT work together \
                     and turns your answers into a friction report with concrete next steps; it \
                     takes about {minutes} minutes.",
                    props.progress.total
                )}
            </p>
            <p class="lead">
                {"There is no sign-up: your answers are saved only in this browser and never \
                  leave it."}
            </p>
            <h2 id="role-title">
                { if current.is_some() { "Continue as" } else { "Which function do you work in?" } }
            </h2>
            if let Some(role) = current {
                <p>
                    {format!(
                        "You answered {} of {} statements as {}. Pick the same function to carry \
                         on, or another one to change it; your answers are kept.",
                        props.progress.answered, props.progress.total, role.label()
                    )}
                </p>
            }
            <RoleChoice labelled_by="role-title" {current} on_choose={props.on_begin.clone()} />
            <h2>{"Running a workshop?"}</h2>
            <p>
                {"Facilitate a Marketing and IT session: an agenda with a timer, answers collected \
                  in turn on one device, and a reveal of the group's friction report. "}
                <button type="button" class="link"
                        onclick={props.on_open.reform(|_: MouseEvent| View::Workshops)}>
                    {"Open workshops"}
                </button>
            </p>
        </section>
    }
}

//! The start screen: what Tandem is, how long it takes, that nothing leaves the browser, and the
//! choice of function that begins (or resumes) the assessment.

use tandem_core::assessment::Progress;
use tandem_core::embed::Mode;
use tandem_core::{Respondent, Role, View};
use yew::prelude::*;

use crate::components::RoleChoice;
use crate::hooks::use_focus_on_mount;
use crate::setup::{Setup, use_setup};

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
    let Setup { words, mode, .. } = use_setup();
    let heading = use_focus_on_mount();
    let minutes = props.progress.total.div_ceil(3).max(1);
    let current = props.respondent.as_ref().map(|r| r.role);
    html! {
        <section class="screen start" aria-labelledby={words.region("start-title")}>
            {words.heading(1, words.t("start.title")).id("start-title").focusable(heading)}
            <p class="lead">
                {words.f("start.lead", &[
                    ("questions", &words.0.count("count.short-question", "count.short-questions", props.progress.total)),
                    ("minutes", &words.0.count("count.minute", "count.minutes", minutes)),
                ])}
            </p>
            <p class="lead">
                {words.t("start.no-signup")}
            </p>
            <div class={classes!("start-choices", (mode == Mode::Both).then_some("two"))}>
                <section class="choice-card" aria-labelledby={words.region("role-title")}>
                    {words.heading(2, if current.is_some() {
                        words.t("start.continue-as")
                    } else {
                        words.t("start.which-function")
                    }).id("role-title")}
                    if let Some(role) = current {
                        <p>
                            {words.f("start.resume", &[
                                ("answered", &props.progress.answered),
                                ("total", &props.progress.total),
                                ("role", &words.role(role)),
                            ])}
                        </p>
                    } else {
                        <p>{words.t("start.alone-text")}</p>
                    }
                    <RoleChoice labelled_by="role-title" {current} on_choose={props.on_begin.clone()} />
                </section>
                if mode == Mode::Both {
                    <section class="choice-card" aria-labelledby={words.region("workshop-choice-title")}>
                        {words.heading(2, words.t("start.workshop-title")).id("workshop-choice-title")}
                        <p>{words.t("start.workshop-text")}</p>
                        <button type="button" class="button primary role"
                                onclick={props.on_open.reform(|_: MouseEvent| View::Workshops)}>
                            {words.t("start.open-workshops")}
                        </button>
                    </section>
                }
            </div>
        </section>
    }
}

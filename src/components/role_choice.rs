//! The choice of function (Marketing, IT, another) as a labelled group of buttons: one press
//! begins. Used wherever someone starts answering; with what they join above it, the first screen
//! of a participant (`ChooseFunction`).

use tandem_core::Role;
use yew::prelude::*;

use crate::hooks::use_focus_on_mount;
use crate::setup::use_words;

#[derive(Properties, PartialEq)]
pub struct RoleChoiceProps {
    /// The id of the heading that names the group.
    pub labelled_by: AttrValue,
    /// The function already chosen, shown as pressed.
    #[prop_or_default]
    pub current: Option<Role>,
    pub on_choose: Callback<Role>,
}

#[component]
pub fn RoleChoice(props: &RoleChoiceProps) -> Html {
    let words = use_words();
    html! {
        <div class="role-choices" role="group" aria-labelledby={props.labelled_by.clone()}>
            for role in Role::ALL {
                <button
                    type="button"
                    class={classes!("button", "role", (props.current == Some(role)).then_some("primary"))}
                    aria-pressed={props.current.map(|current| (current == role).to_string())}
                    onclick={props.on_choose.reform(move |_: MouseEvent| role)}
                >
                    {words.role(role)}
                </button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChooseFunctionProps {
    /// The heading's id; the question's is this with `-role`.
    pub id: AttrValue,
    /// What the person is joining, above the heading: the workshop's name.
    pub workshop: AttrValue,
    pub title: AttrValue,
    pub lead: AttrValue,
    pub on_begin: Callback<Role>,
}

/// The first screen of a participant's answers, on their own device or in a turn on the
/// facilitator's: what this is, and the question which function they are in.
#[component]
pub fn ChooseFunction(props: &ChooseFunctionProps) -> Html {
    let words = use_words();
    let heading = use_focus_on_mount();
    let role_id = format!("{}-role", props.id);
    html! {
        <section class="screen start" aria-labelledby={words.region(props.id.clone())}>
            <p class="step-label">{&props.workshop}</p>
            {words.heading(1, &props.title).id(props.id.clone()).focusable(heading)}
            <p class="lead">{&props.lead}</p>
            {words.heading(2, words.t("start.which-function")).id(role_id.clone())}
            <RoleChoice labelled_by={role_id} on_choose={props.on_begin.clone()} />
        </section>
    }
}

//! The choice of function (Marketing, IT, another) as a labelled group of buttons: one press
//! begins. Used wherever someone starts answering.

use tandem_core::Role;
use yew::prelude::*;

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

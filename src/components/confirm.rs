//! A button for an action that destroys work: the first press asks, only the second acts.
//! Inline rather than `window.confirm`, which sandboxed intranet frames may block.

use yew::prelude::*;

use crate::browser;
use crate::setup::use_words;

#[derive(Properties, PartialEq)]
pub struct ConfirmButtonProps {
    pub label: AttrValue,
    /// The accessible name, when the label alone would be ambiguous ("Delete" beside each of
    /// several norms); it starts with the label, so speech users can still say what they see.
    #[prop_or_default]
    pub name: Option<AttrValue>,
    /// What will be lost, asked as a question.
    pub question: AttrValue,
    pub confirm_label: AttrValue,
    pub on_confirm: Callback<()>,
}

#[component]
pub fn ConfirmButton(props: &ConfirmButtonProps) -> Html {
    let words = use_words();
    let asking = use_state_eq(|| false);
    let cancel_ref = use_node_ref();
    let opener_ref = use_node_ref();
    let focus_follows = use_state_eq(|| false);

    {
        // Move focus into the question when it opens and back to the button when it closes,
        // but not on the first render.
        let (cancel_ref, opener_ref, focus_follows) = (
            cancel_ref.clone(),
            opener_ref.clone(),
            focus_follows.clone(),
        );
        use_effect_with(*asking, move |asking| {
            if *focus_follows {
                browser::focus_node(if *asking { &cancel_ref } else { &opener_ref });
            }
        });
    }

    let toggle = |to: bool| {
        let asking = asking.clone();
        let focus_follows = focus_follows.clone();
        Callback::from(move |_: MouseEvent| {
            focus_follows.set(true);
            asking.set(to);
        })
    };

    if *asking {
        let on_confirm = {
            let asking = asking.clone();
            let on_confirm = props.on_confirm.clone();
            Callback::from(move |_: MouseEvent| {
                asking.set(false);
                on_confirm.emit(());
            })
        };
        html! {
            <div class="confirm" role="group" aria-label={props.name.clone().unwrap_or_else(|| props.label.clone())}>
                <p class="confirm-question">{props.question.clone()}</p>
                <button type="button" class="button danger" onclick={on_confirm}>
                    {props.confirm_label.clone()}
                </button>
                <button type="button" class="button" ref={cancel_ref} onclick={toggle(false)}>
                    {words.t("confirm.cancel")}
                </button>
            </div>
        }
    } else {
        html! {
            <button type="button" class="button quiet" ref={opener_ref} onclick={toggle(true)}
                    aria-label={props.name.clone()}>
                {props.label.clone()}
            </button>
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct StartOverButtonProps {
    pub on_confirm: Callback<()>,
}

/// "Start over", asked the same way wherever it is offered.
#[component]
pub fn StartOverButton(props: &StartOverButtonProps) -> Html {
    let words = use_words();
    html! {
        <ConfirmButton
            label={words.t("confirm.start-over")}
            question={words.t("confirm.start-over-question")}
            confirm_label={words.t("confirm.start-over-confirm")}
            on_confirm={props.on_confirm.clone()}
        />
    }
}

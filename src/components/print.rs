//! The printable pages' shared parts: the Print button, and the page shown when there is nothing
//! saved to print.

use yew::prelude::*;

use crate::browser;
use crate::setup::use_words;

/// "Print", and what to do when this page may not open the print dialog (a sandboxed frame).
/// The print stylesheets hide it on paper.
#[component]
pub fn PrintButton() -> Html {
    let words = use_words();
    let failed = use_state_eq(|| false);
    let on_print = {
        let failed = failed.clone();
        Callback::from(move |_: MouseEvent| failed.set(browser::print().is_err()))
    };
    html! {
        <div class="sheet-actions">
            <button type="button" class="button primary" onclick={on_print}>{words.t("print.print")}</button>
            if *failed {
                <p class="refusal" role="alert">{words.t("print.blocked")}</p>
            }
        </div>
    }
}

/// A printable page with nothing to print: why, and where to open it from.
pub fn nothing_to_print(why: &str, from: &str) -> Html {
    html! {
        <div class="tandem sheet">
            <main class="tandem-main">
                <h1>{why}</h1>
                <p class="lead">{from}</p>
            </main>
        </div>
    }
}

//! Copy and Share buttons for what a participant or facilitator hands on: the join link, the
//! response code and the response link. Copy writes to the clipboard; Share opens the device's
//! share sheet where the browser has the Web Share API (most phones), and is not offered where it
//! has not. What happened is said in a live region that is always in the page.

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::setup::use_words;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// What is copied or shared.
    pub text: AttrValue,
    /// What it is, for the buttons' accessible names: "the join link".
    pub what: AttrValue,
    /// The share sheet's title.
    #[prop_or_default]
    pub title: AttrValue,
    /// Whether `text` is a link, shared as one.
    #[prop_or_default]
    pub link: bool,
}

/// What the last button press did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    Nothing,
    Copied,
    NotCopied,
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|window| window.navigator())
}

/// Whether the navigator has `name`, and it is not `undefined`.
fn has(navigator: &web_sys::Navigator, name: &str) -> bool {
    js_sys::Reflect::get(navigator, &name.into()).is_ok_and(|value| !value.is_undefined())
}

/// Whether this browser has the Web Share API.
fn can_share() -> bool {
    navigator().is_some_and(|navigator| has(&navigator, "share"))
}

#[component]
pub fn ShareButtons(props: &ShareProps) -> Html {
    let words = use_words();
    let done = use_state_eq(|| Done::Nothing);
    let on_copy = {
        let (done, text) = (done.clone(), props.text.clone());
        Callback::from(move |_: MouseEvent| {
            let (done, text) = (done.clone(), text.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // Without a secure context (an intranet page on plain http) there is no
                // clipboard at all; calling into it would throw.
                let clipboard = navigator()
                    .filter(|navigator| has(navigator, "clipboard"))
                    .map(|navigator| navigator.clipboard());
                let copied = match clipboard {
                    Some(clipboard) => JsFuture::from(clipboard.write_text(&text)).await.is_ok(),
                    None => false,
                };
                done.set(if copied {
                    Done::Copied
                } else {
                    Done::NotCopied
                });
            });
        })
    };
    let on_share = {
        let (text, title, link) = (props.text.clone(), props.title.clone(), props.link);
        Callback::from(move |_: MouseEvent| {
            let data = web_sys::ShareData::new();
            data.set_title(&title);
            if link {
                data.set_url(&text);
            } else {
                data.set_text(&text);
            }
            if let Some(navigator) = navigator() {
                // The person may close the sheet without sharing: nothing to say then.
                let promise = navigator.share_with_data(&data);
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = JsFuture::from(promise).await;
                });
            }
        })
    };
    let status = match *done {
        Done::Nothing => String::new(),
        Done::Copied => words.f("share.copied", &[("what", &props.what)]),
        Done::NotCopied => words.f("share.not-copied", &[("what", &props.what)]),
    };
    html! {
        <div class="share">
            <button type="button" class="button" onclick={on_copy}
                    aria-label={words.f("share.copy-what", &[("what", &props.what)])}>
                {words.t("share.copy")}
            </button>
            if can_share() {
                <button type="button" class="button" onclick={on_share}
                        aria-label={words.f("share.share-what", &[("what", &props.what)])}>
                    {words.t("share.share")}
                </button>
            }
            <span class="share-status" role="status">{status}</span>
        </div>
    }
}

//! The few browser facilities the app needs besides rendering and storage: a random id, the
//! current time, a file download, moving focus. Each is a small wrapper that reports failure
//! instead of panicking.

use wasm_bindgen::{JsCast, JsValue};

/// A random respondent id: unique enough that two people's answers never collide, and carrying
/// nothing about the person.
#[must_use]
pub fn random_id() -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    // Math.random() is in [0, 1), so each product is a non-negative integer below 2^32.
    let part = || (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("r-{:08x}{:08x}", part(), part())
}

/// Today's date in the browser's clock (UTC), for a new workshop's default date.
#[must_use]
pub fn today() -> chrono::NaiveDate {
    now_iso()
        .get(..10)
        .and_then(tandem_core::dates::parse_date)
        .unwrap_or_default()
}

/// Milliseconds since the epoch, for the workshop timer.
#[must_use]
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
// Date.now() is a positive whole number of milliseconds far below 2^53.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Reads the text of the first file chosen in a file input.
///
/// # Errors
/// A message for the person when no file was chosen or it cannot be read.
pub async fn read_chosen_file(
    words: crate::setup::Words,
    input: &web_sys::HtmlInputElement,
) -> Result<String, String> {
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or_else(|| words.t("file.none").to_owned())?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| words.f("file.unreadable", &[("name", &file.name())]))?;
    text.as_string()
        .ok_or_else(|| words.f("file.not-text", &[("name", &file.name())]))
}

/// Sets the page's title (the window's and tab's name).
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// This page's address without its `#…` part, for building links into the app.
#[must_use]
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

/// A random number below 2^30, for a participant's respondent key.
#[must_use]
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
// Math.random() is in [0, 1), so the product is a non-negative integer below 2^30.
pub fn random_key() -> u32 {
    (js_sys::Math::random() * f64::from(1u32 << 30)) as u32
}

/// The `#…` part of the address.
#[must_use]
pub fn hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Calls `changed` whenever the `#…` part of the address changes without a reload, as when a
/// link into the app is opened in a tab that already shows it.
#[must_use]
pub fn on_hash_change(changed: impl Fn() + 'static) -> Option<gloo_events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo_events::EventListener::new(
        &window,
        "hashchange",
        move |_| changed(),
    ))
}

/// Asks the person to confirm before the page is left, reloaded or closed whenever `losing`
/// says that would lose something (the browser words the question). For as long as the page
/// lives.
pub fn confirm_leaving_when(losing: impl Fn() -> bool + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let options = gloo_events::EventListenerOptions::enable_prevent_default();
    gloo_events::EventListener::new_with_options(&window, "beforeunload", options, move |event| {
        if losing() {
            event.prevent_default();
            // Older browsers ask only when `returnValue` is set.
            js_sys::Reflect::set(event, &"returnValue".into(), &"".into()).ok();
        }
    })
    .forget();
}

/// Settles when `element` (a stylesheet link, say) has loaded or failed to.
pub fn loaded(element: &web_sys::HtmlElement) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        element.set_onload(Some(&resolve));
        element.set_onerror(Some(&resolve));
    })
}

/// Loads the page again, as after following a link to another part of the app.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        // A reload that fails leaves the page as it is, which still works.
        window.location().reload().ok();
    }
}

/// Follows the link `hash` (`#workshops`) on this page, as a click on it would.
pub fn go(hash: &str) {
    if let Some(window) = web_sys::window() {
        // Failing leaves the person where they are, who can follow the link again.
        window.location().set_hash(hash).ok();
    }
}

/// Puts `hash` in the address in place of the current one, without following it: no
/// `hashchange`, and no new entry in the history. An empty `hash` removes it.
pub fn replace_hash(hash: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(query), Ok(history)) =
        (location.pathname(), location.search(), window.history())
    else {
        return;
    };
    if location.hash().ok().as_deref() != Some(hash) {
        // Failing leaves the old address, which still opens this entry.
        history
            .replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{query}{hash}")),
            )
            .ok();
    }
}

/// Opens `address` in a new tab, as from a link with `target="_blank"`.
pub fn open_tab(address: &str) {
    if let Some(window) = web_sys::window() {
        // A blocked pop-up leaves the person where they are.
        window.open_with_url_and_target(address, "_blank").ok();
    }
}

/// The current time as ISO 8601, for the export timestamp.
#[must_use]
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Offers `contents` to the user as a file download.
///
/// # Errors
/// The browser's error when the file cannot be created or offered.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Opens the browser's print dialog.
///
/// # Errors
/// The browser's error when printing is not allowed (a sandboxed frame, for one).
pub fn print() -> Result<(), JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .print()
}

/// Moves keyboard focus to the element with `id` once the current render has finished, for a
/// control that a change re-renders elsewhere on the page (a norm moved up the ranked list).
pub fn focus_by_id_after_render(root: Option<web_sys::ShadowRoot>, id: String) {
    gloo_timers::callback::Timeout::new(0, move || focus_by_id(root.as_ref(), &id)).forget();
}

/// Moves keyboard focus to the element with `id` in this mount (an embed's shadow root, or the
/// page's own document), if it exists. An embed never looks in the host page, which may have an
/// element of the same id.
pub fn focus_by_id(root: Option<&web_sys::ShadowRoot>, id: &str) {
    let element = match root {
        Some(root) => root.get_element_by_id(id),
        None => web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(id)),
    };
    focus(element.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok()));
}

/// Moves keyboard focus to the element a node ref points at, if it is rendered.
pub fn focus_node(node: &yew::NodeRef) {
    focus(node.cast::<web_sys::HtmlElement>());
}

fn focus(element: Option<web_sys::HtmlElement>) {
    if let Some(element) = element {
        // Focus can only fail on a detached element; then there is nothing to move to.
        element.focus().ok();
    }
}

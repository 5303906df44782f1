//! The Tandem web app: a thin Yew shell over `tandem-core`, built as three entries (see
//! [`routes::Entry`]), one wasm per journey: each binary in `src/bin/` starts [`mount`] with its
//! own [`roots`], and only those roots' screens are compiled into it.
//!
//! State flows one way. A root's reducer holds the [`tandem_core::Tandem`] state and changes it
//! only through the core's step; screens get owned values as props and report back through
//! callbacks; effects at the root save every change through [`storage`] and show what went
//! wrong if a save fails. Nothing here computes a score.

pub mod browser;
pub mod components;
pub mod hooks;
pub mod mount;
pub mod notices;
pub mod roots;
pub mod routes;
pub mod screens;
pub mod setup;
pub mod storage;

/// Offers a workshop document as a JSON download named from `name` and the day:
/// `q3-launch-tandem-2026-12-01.json`.
///
/// # Errors
/// The browser's error when the file cannot be offered.
pub fn offer_document(
    mut document: tandem_core::WorkshopDocument,
    name: &str,
) -> Result<(), wasm_bindgen::JsValue> {
    let now = browser::now_iso();
    let name =
        tandem_core::export::file_name(name, "tandem", now.get(..10).unwrap_or("export"), "json");
    document.exported_at = Some(now);
    browser::download(&name, "application/json", &document.to_json())
}

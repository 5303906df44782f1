//! The self-assessment's entry (`self-assessment.js`): the start page, the statements and the
//! report, and every `data-mode="self"` embed.

fn main() {
    tandem::mount::start_own_page::<tandem::roots::SelfAssessment>();
}

/// Starts the `data-mode="self"` embeds of a host page; `boot.js` calls it with the address of
/// `dist/`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn embed_all(base: &str) {
    tandem::mount::embed_all::<tandem::roots::SelfAssessment>(base);
}

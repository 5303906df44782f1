//! The facilitator's entry (`facilitator.js`): the whole app, the presenter and the print
//! pages. `boot.js` loads it for the addresses the other entries do not show (see
//! `tandem::routes::Entry`), and for embeds in any mode but `self`.

fn main() {
    tandem::mount::start_own_page::<tandem::roots::Facilitator>();
}

/// Starts the embeds of this entry in a host page; `boot.js` calls it with the address of
/// `dist/`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn embed_all(base: &str) {
    tandem::mount::embed_all::<tandem::roots::Facilitator>(base);
}

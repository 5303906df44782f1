//! The participant's entry (`participant.js`): a join link's page, and nothing else, for the
//! person who opens it on a phone.

fn main() {
    tandem::mount::start_own_page::<tandem::roots::Participant>();
}

/// Embeds are started by the other entries; this one only has its page. Exported all the same,
/// so `boot.js` can treat every entry alike.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn embed_all(base: &str) {
    tandem::mount::embed_all::<tandem::roots::Participant>(base);
}

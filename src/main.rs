//! The binary Trunk builds: starts the page's own Tandem. Embeds in a host page are started by
//! `boot.js`, which knows where `dist/` is (see [`tandem::embed_all`]).

fn main() {
    tandem::start_own_page();
}

//! Mounts the app into the page's `#tandem` element (or the body when there is none).

fn main() {
    tandem::mount();
}

//! `make bench`: scoring a workshop of 1,000 (and 200) respondents on the default bank in the
//! browser: headless Chromium through wasm-bindgen-test's runner, release build. The workshop is
//! the one `tandem-core`'s native benchmark scores. Prints criterion's estimates; nothing here is
//! asserted.
#![cfg(target_arch = "wasm32")]

use std::hint::black_box;
use std::time::Duration;

use tandem_core::Bank;
use tandem_core::scoring::score;
use wasm_bindgen_test::{Criterion, wasm_bindgen_bench, wasm_bindgen_test_configure};

#[path = "../crates/core/benches/support/workshop.rs"]
mod support;

wasm_bindgen_test_configure!(run_in_browser);

fn scoring(c: &mut Criterion, size: usize) {
    // One benchmark is one stretch of the page's thread, which must stay well under the 20 s
    // the runner's WebDriver calls wait.
    *c = std::mem::take(c)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50);
    let bank = Bank::default_bank();
    let people = support::workshop(&bank, size);
    c.bench_function(
        &format!(
            "scoring {size} respondents x {} items in the browser",
            bank.item_count()
        ),
        |b| b.iter(|| score(&bank, black_box(&people))),
    );
}

#[wasm_bindgen_bench]
fn scoring_1000(c: &mut Criterion) {
    scoring(c, 1_000);
}

#[wasm_bindgen_bench]
fn scoring_200(c: &mut Criterion) {
    scoring(c, 200);
}

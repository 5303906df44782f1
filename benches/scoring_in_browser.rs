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

#[wasm_bindgen_bench]
fn scoring_in_the_browser(c: &mut Criterion) {
    // Short enough that the page answers the runner's WebDriver calls (20 s) between the two.
    *c = std::mem::take(c)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    let bank = Bank::default_bank();
    for size in [1_000, 200] {
        let people = support::workshop(&bank, size);
        c.bench_function(
            &format!(
                "scoring {size} respondents x {} items in the browser",
                bank.item_count()
            ),
            |b| b.iter(|| score(&bank, black_box(&people))),
        );
    }
}

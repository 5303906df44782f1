//! The workshop the scoring benchmarks score, natively (`../scoring.rs`) and in the browser (the
//! app's `benches/scoring_in_browser.rs`): the same respondents in both, so the figures compare.

use tandem_core::{Bank, Rating, Respondent, Role};

/// A reproducible workshop: roles and answers from a fixed linear congruential sequence.
pub fn workshop(bank: &Bank, size: usize) -> Vec<Respondent> {
    let mut state: u64 = 0x5eed;
    let mut next = move |modulo: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        u8::try_from((state >> 33) % modulo).unwrap_or(0)
    };
    (0..size)
        .map(|p| {
            let role = [Role::Marketing, Role::It, Role::Other][usize::from(next(3))];
            let mut respondent = Respondent::new(format!("r{p}"), role);
            for (_, item) in bank.items() {
                let value = next(6);
                respondent
                    .answers
                    .insert(item.id.clone(), Rating::new(value));
            }
            if role != Role::Other {
                for dimension in &bank.dimensions {
                    if let Some(estimate) = Rating::new(next(6)) {
                        respondent.estimates.insert(dimension.id.clone(), estimate);
                    }
                }
            }
            respondent
        })
        .collect()
}

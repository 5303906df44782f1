//! `make bench`: the native time to score a workshop of 1,000 respondents on the default bank,
//! the length of a full response code, the time to import 500 codes pasted at once, and the time
//! to rank a brainstorm of 300 ideas with 100 voters.
//! Prints medians of many runs; nothing here is asserted.

use std::hint::black_box;
use std::time::{Duration, Instant};

use tandem_core::code::{self, Response};
use tandem_core::scoring::score;
use tandem_core::{Bank, Respondent, Workshop};

#[path = "support/workshop.rs"]
mod support;
use support::workshop;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let bank = Bank::default_bank();
    for size in [1_000, 200] {
        let people = workshop(&bank, size);
        for _ in 0..5 {
            black_box(score(&bank, black_box(&people)));
        }
        let samples: Vec<Duration> = (0..51)
            .map(|_| {
                let start = Instant::now();
                black_box(score(&bank, black_box(&people)));
                start.elapsed()
            })
            .collect();
        println!(
            "scoring {size} respondents x {} items (native, median of 51): {:.3} ms",
            bank.item_count(),
            median(samples).as_secs_f64() * 1e3
        );
    }

    let workshop_code = code::workshop_code("bench");
    let people = workshop(&bank, 500);
    let codes: Vec<String> = people
        .iter()
        .zip(1u32..)
        .map(|(respondent, key)| {
            code::encode(
                &bank,
                &Response {
                    round: code::Round::First,
                    workshop: workshop_code,
                    key,
                    respondent: respondent.clone(),
                },
            )
        })
        .collect();
    println!(
        "response code for the default bank: {} characters ({})",
        codes[0].len(),
        code::grouped(&codes[0])
    );
    let pasted = codes.join("\n");
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let empty = Workshop::new("bench", "Bench", date, bank.clone());
    let samples: Vec<Duration> = (0..21)
        .map(|_| {
            let start = Instant::now();
            let incoming: Vec<Respondent> =
                code::decode_all(&bank, workshop_code, black_box(&pasted))
                    .into_iter()
                    .filter_map(|found| found.result.ok().map(|response| response.respondent))
                    .collect();
            black_box(empty.merged_with(&incoming));
            start.elapsed()
        })
        .collect();
    println!(
        "importing 500 pasted codes (decode and merge, native, median of 21): {:.3} ms",
        median(samples).as_secs_f64() * 1e3
    );

    // A large brainstorm: 300 ideas, 100 voters with three dots each, ranked.
    let mut norms = tandem_core::Norms::default();
    for n in 0..300 {
        let add = tandem_core::NormsAction::Add {
            id: format!("n{n}"),
            author: format!("p{}", n % 40),
            dimension: bank.dimensions[n % bank.dimensions.len()].id.clone(),
            text: format!("Idea {n}"),
        };
        norms = norms.apply(&bank, add).ok().flatten().unwrap_or(norms);
    }
    norms = norms
        .apply(&bank, tandem_core::NormsAction::Reveal)
        .ok()
        .flatten()
        .unwrap_or(norms);
    for voter in 0..100 {
        for dot in 0..3 {
            let vote = tandem_core::NormsAction::CastVote {
                voter: format!("v{voter}"),
                norm: format!("n{}", (voter * 7 + dot * 13) % 300),
            };
            norms = norms.apply(&bank, vote).ok().flatten().unwrap_or(norms);
        }
    }
    let samples: Vec<Duration> = (0..51)
        .map(|_| {
            let start = Instant::now();
            black_box(black_box(&norms).ranked());
            start.elapsed()
        })
        .collect();
    println!(
        "ranking 300 ideas with 100 voters' dots (native, median of 51): {:.3} ms",
        median(samples).as_secs_f64() * 1e3
    );
}

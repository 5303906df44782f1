//! Invariants of scoring, the document and norms, over arbitrary respondents of the default bank
//! and arbitrary sequences of brainstorm and voting actions.

// Rounded figures and quarter-point scores are exact in binary, so exact comparison is the
// point of these assertions.
#![allow(clippy::float_cmp)]

use proptest::prelude::*;
use tandem_core::scoring::{normalised, score, score_within};
use tandem_core::{Bank, Figures, Rating, Respondent, Role, WorkshopDocument};

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![Just(Role::Marketing), Just(Role::It), Just(Role::Other)]
}

/// Per item: unanswered, "don't know", or a rating; per dimension: maybe an estimate.
fn respondent(bank: &Bank, id: usize) -> impl Strategy<Value = Respondent> + use<> {
    let items: Vec<String> = bank.items().map(|(_, item)| item.id.clone()).collect();
    let dimensions: Vec<String> = bank.dimensions.iter().map(|d| d.id.clone()).collect();
    let answer = prop_oneof![
        1 => Just(None),
        1 => Just(Some(None)),
        6 => (1u8..=5).prop_map(|v| Some(Rating::new(v))),
    ];
    let estimate = prop_oneof![Just(None), (1u8..=5).prop_map(Rating::new)];
    (
        role(),
        proptest::collection::vec(answer, items.len()),
        proptest::collection::vec(estimate, dimensions.len()),
    )
        .prop_map(move |(role, answers, estimates)| {
            let mut respondent = Respondent::new(format!("p{id}"), role);
            for (item, answer) in items.iter().zip(answers) {
                if let Some(answer) = answer {
                    respondent.answers.insert(item.clone(), answer);
                }
            }
            if role != Role::Other {
                for (dimension, estimate) in dimensions.iter().zip(estimates) {
                    if let Some(estimate) = estimate {
                        respondent.estimates.insert(dimension.clone(), estimate);
                    }
                }
            }
            respondent
        })
}

fn respondents(max: usize) -> impl Strategy<Value = Vec<Respondent>> {
    let bank = Bank::default_bank();
    (0..=max).prop_flat_map(move |n| (0..n).map(|id| respondent(&bank, id)).collect::<Vec<_>>())
}

fn within(value: Option<f64>, high: f64) -> bool {
    value.is_none_or(|v| (0.0..=high + 1e-9).contains(&v))
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

fn figures_close(a: &Figures, b: &Figures) -> bool {
    close(a.score, b.score)
        && close(a.marketing, b.marketing)
        && close(a.it, b.it)
        && close(a.gap, b.gap)
        && close(a.estimated_gap, b.estimated_gap)
        && close(a.perception_gap, b.perception_gap)
        && close(a.spread, b.spread)
        && close(a.friction, b.friction)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_figure_stays_in_its_range(people in respondents(12)) {
        let report = score(&Bank::default_bank(), &people);
        for f in &report.dimensions {
            prop_assert!(within(f.score, 100.0) && within(f.marketing, 100.0) && within(f.it, 100.0));
            prop_assert!(within(f.gap, 100.0) && within(f.estimated_gap, 100.0));
            prop_assert!(within(f.perception_gap, 100.0));
            prop_assert!(within(f.spread, 50.0));
            prop_assert!(within(f.friction, 100.0));
            prop_assert_eq!(f.score.is_some(), f.friction.is_some());
        }
        prop_assert!(within(report.alignment_index, 100.0) && within(report.friction_index, 100.0));
    }

    /// Below the privacy threshold nothing the report shows depends on who is in Marketing and
    /// who is in IT: swap any people between the two and every figure stays the same, so no
    /// figure can give a small group's answers back.
    #[test]
    fn below_the_threshold_no_figure_depends_on_who_is_in_which_function(
        people in respondents(12),
        flips in proptest::collection::vec(any::<bool>(), 12),
    ) {
        let bank = Bank::default_bank();
        let relabelled: Vec<Respondent> = people
            .iter()
            .zip(&flips)
            .map(|(person, &flip)| {
                let mut person = person.clone();
                if flip {
                    person.role = match person.role {
                        Role::Marketing => Role::It,
                        Role::It => Role::Marketing,
                        Role::Other => Role::Other,
                    };
                }
                person
            })
            .collect();
        // A threshold above every group's size keeps both labellings below it.
        let threshold = 10;
        prop_assume!(people.len() > 1);
        let before = score_within(&bank, &people, threshold);
        let after = score_within(&bank, &relabelled, threshold);
        prop_assert!(!before.roles_known && !after.roles_known);
        for (a, b) in before.dimensions.iter().zip(&after.dimensions) {
            prop_assert!(figures_close(a, b), "{:?} != {:?}", a, b);
            prop_assert!(a.marketing.is_none() && a.it.is_none() && a.gap.is_none());
            prop_assert!(a.perception_gap.is_none());
            prop_assert!(a.marketing_as_seen_by_it.is_none() && a.it_as_seen_by_marketing.is_none());
        }
        prop_assert_eq!(&before.hotspots, &after.hotspots);
        prop_assert!(close(before.alignment_index, after.alignment_index));
        prop_assert!(close(before.friction_index, after.friction_index));
    }

    /// However a spreadsheet splits the line (on `,`, `;`, tab or a line break, with or without
    /// honouring quotes), no piece of a cell starts a formula, and a reader that honours quotes
    /// gets one cell with the text back, apostrophes aside.
    #[test]
    fn no_reader_finds_a_formula_in_a_csv_cell(text in "[=+\\-@;,\t\r\n\" a-z']{0,24}") {
        let cell = tandem_core::export::csv_cell(&text);
        for piece in cell.split([',', ';', '\t', '\r', '\n', '"']) {
            prop_assert!(
                !piece.starts_with(['=', '+', '-', '@']),
                "{:?} gives the piece {:?}", cell, piece
            );
        }
        let read = if cell.starts_with('"') {
            prop_assert!(cell.ends_with('"') && cell.len() >= 2);
            cell[1..cell.len() - 1].replace("\"\"", "\"")
        } else {
            prop_assert!(!cell.contains([',', ';', '\t', '\r', '\n', '"']));
            cell.clone()
        };
        prop_assert_eq!(read.replace('\'', ""), text.replace('\'', ""));
    }

    #[test]
    fn the_order_of_respondents_does_not_matter(
        people in respondents(10),
        seed in any::<u64>(),
    ) {
        let bank = Bank::default_bank();
        let mut shuffled = people.clone();
        // A deterministic shuffle from the seed (Fisher–Yates with an LCG).
        let mut state = seed;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let j = usize::try_from(state >> 33).unwrap_or(0) % (i + 1);
            shuffled.swap(i, j);
        }
        let a = score(&bank, &people);
        let b = score(&bank, &shuffled);
        prop_assert_eq!(&a.hotspots, &b.hotspots);
        prop_assert!(close(a.alignment_index, b.alignment_index));
        prop_assert!(close(a.friction_index, b.friction_index));
        for (x, y) in a.dimensions.iter().zip(&b.dimensions) {
            prop_assert!(figures_close(x, y), "{:?} vs {:?}", x, y);
        }
        let export_a = WorkshopDocument::new(bank.clone(), 3, people).report_export();
        let export_b = WorkshopDocument::new(bank, 3, shuffled).report_export();
        prop_assert_eq!(export_a, export_b);
    }

    #[test]
    fn a_reverse_keyed_answer_scores_like_the_mirrored_normal_answer(value in 1u8..=5) {
        prop_assert_eq!(normalised(value, true), normalised(6 - value, false));
        let bank = Bank::from_json(r#"{"id":"b","dimensions":[{"id":"d","title":"D","items":[
            {"id":"r","text":"R","reverse":true},{"id":"n","text":"N"}]}]}"#).unwrap();
        let mut reverse = Respondent::new("a", Role::Other);
        reverse.answers.insert("r".into(), Rating::new(value));
        let mut normal = Respondent::new("b", Role::Other);
        normal.answers.insert("n".into(), Rating::new(6 - value));
        prop_assert_eq!(score(&bank, &[reverse]), score(&bank, &[normal]));
    }

    #[test]
    fn every_document_round_trips_exactly(people in respondents(8), threshold in 1u8..=10) {
        let document = WorkshopDocument::new(Bank::default_bank(), threshold, people);
        let json = document.to_json();
        let imported = WorkshopDocument::from_json(&json).unwrap();
        prop_assert!(imported.notes.is_empty());
        prop_assert_eq!(imported.document.to_json(), json);
    }
}

#[test]
fn a_reverse_keyed_item_answered_one_scores_like_a_normal_item_answered_five() {
    assert_eq!(normalised(1, true), 100.0);
    assert_eq!(normalised(5, false), 100.0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merging_is_idempotent_and_its_order_does_not_change_the_report(
        people in respondents(8),
        split in 0usize..8,
    ) {
        use tandem_core::Workshop;
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let base = Workshop::new("w", "W", date, Bank::default_bank());
        let split = split.min(people.len());
        let (first, second) = people.split_at(split);
        let one_way = base.merged_with(first).merged_with(second);
        let other_way = base.merged_with(second).merged_with(first);
        prop_assert_eq!(one_way.merged_with(second), one_way.clone());
        prop_assert_eq!(
            one_way.document().report_export(),
            other_way.document().report_export()
        );
    }
}

/// One of the board actions that move dots around, on six ideas and four voters.
fn board_action() -> impl Strategy<Value = tandem_core::NormsAction> {
    use tandem_core::NormsAction;
    let idea = (0u8..6).prop_map(|n| format!("n{n}"));
    let voter = (0u8..4).prop_map(|v| format!("v{v}"));
    prop_oneof![
        4 => (voter.clone(), idea.clone())
            .prop_map(|(voter, norm)| NormsAction::CastVote { voter, norm }),
        1 => (voter, idea.clone())
            .prop_map(|(voter, norm)| NormsAction::TakeBackVote { voter, norm }),
        1 => (idea.clone(), idea.clone()).prop_map(|(from, into)| NormsAction::Merge { from, into }),
        1 => idea.prop_map(NormsAction::Delete),
        1 => (1u8..=10).prop_map(NormsAction::SetCap),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_voter_ever_exceeds_the_cap_and_merging_keeps_every_dot(
        actions in proptest::collection::vec(board_action(), 0..60),
    ) {
        use tandem_core::{NormsAction, Norms};
        let bank = Bank::default_bank();
        let mut norms = Norms::default();
        for n in 0..6 {
            let add = NormsAction::Add {
                id: format!("n{n}"),
                author: format!("p{n}"),
                dimension: bank.dimensions[n % bank.dimensions.len()].id.clone(),
                text: format!("idea {n}"),
            };
            norms = norms.apply(&bank, add).unwrap().unwrap();
        }
        norms = norms.apply(&bank, NormsAction::Reveal).unwrap().unwrap();
        for action in actions {
            let before: u32 = norms.ideas.iter().map(tandem_core::Norm::dots).sum();
            let merge = matches!(action, NormsAction::Merge { .. });
            if let Ok(Some(next)) = norms.apply(&bank, action) {
                norms = next;
            }
            for voter in ["v0", "v1", "v2", "v3"] {
                prop_assert!(norms.dots_of(voter) <= norms.cap);
            }
            if merge {
                let after: u32 = norms.ideas.iter().map(tandem_core::Norm::dots).sum();
                prop_assert_eq!(before, after);
            }
            prop_assert_eq!(norms.ranked().len(), norms.ideas.len());
        }
    }
}

proptest! {
    /// Every date a workshop can hold is written so that it reads back, and so is the review
    /// date its norms get: a stored workshop can never become unreadable through its dates.
    #[test]
    fn every_date_and_its_review_date_read_back(days in 0i32..3_652_059) {
        use tandem_core::dates::{iso_date, parse_date};
        let Some(date) = chrono::NaiveDate::from_num_days_from_ce_opt(days + 1) else {
            return Ok(());
        };
        prop_assert_eq!(parse_date(&iso_date(date)), Some(date));
        let review = tandem_core::norms::default_review(date);
        prop_assert_eq!(parse_date(&iso_date(review)), Some(review));
        prop_assert!(review >= date);
    }
}

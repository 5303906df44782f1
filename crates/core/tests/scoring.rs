//! Every rule of `shared/design/scoring.md` against hand-computed cases. The expected numbers
//! were worked out independently with exact fractions, not copied from this code's output.

// Rounded figures and quarter-point scores are exact in binary, so exact comparison is the
// point of these assertions.
#![allow(clippy::float_cmp)]

use tandem_core::scoring::{Level, normalised, respondent_scores, score};
use tandem_core::{Bank, Rating, Respondent, Role, round1};

const CLOSE: f64 = 1e-9;

fn assert_close(actual: Option<f64>, expected: f64, what: &str) {
    let actual = actual.unwrap_or_else(|| panic!("{what} is undefined, expected {expected}"));
    assert!(
        (actual - expected).abs() < CLOSE,
        "{what}: {actual} != {expected}"
    );
}

/// d1 has a normal item `a` and a reverse-keyed item `b`; d2 has `c`; d3 (`e`) nobody answers.
fn small_bank() -> Bank {
    Bank::from_json(
        r#"{"id":"small","dimensions":[
            {"id":"d1","title":"One","items":[{"id":"a","text":"A"},{"id":"b","text":"B","reverse":true}]},
            {"id":"d2","title":"Two","items":[{"id":"c","text":"C"}]},
            {"id":"d3","title":"Three","items":[{"id":"e","text":"E"}]}]}"#,
    )
    .unwrap()
}

fn respondent(
    id: &str,
    role: Role,
    answers: &[(&str, Option<u8>)],
    estimates: &[(&str, u8)],
) -> Respondent {
    let mut respondent = Respondent::new(id, role);
    for (item, value) in answers {
        respondent
            .answers
            .insert((*item).into(), value.and_then(Rating::new));
    }
    for (dimension, value) in estimates {
        respondent
            .estimates
            .insert((*dimension).into(), Rating::new(*value).unwrap());
    }
    respondent
}

/// Two marketers, one IT person and one other, with "don't know", a skipped item and estimates.
fn workshop() -> Vec<Respondent> {
    vec![
        respondent(
            "m1",
            Role::Marketing,
            &[("a", Some(5)), ("b", Some(2)), ("c", Some(3))],
            &[("d1", 3)],
        ),
        respondent(
            "m2",
            Role::Marketing,
            &[("a", Some(3)), ("b", None)],
            &[("d1", 5)],
        ),
        respondent(
            "t1",
            Role::It,
            &[("a", Some(1)), ("b", Some(5)), ("c", Some(5))],
            &[("d1", 4), ("d2", 1)],
        ),
        respondent(
            "o1",
            Role::Other,
            &[("a", Some(4)), ("b", Some(4)), ("c", Some(4))],
            &[],
        ),
    ]
}

#[test]
fn answers_are_keyed_then_normalised_to_quarter_points() {
    let normal: Vec<f64> = (1..=5).map(|v| normalised(v, false)).collect();
    assert_eq!(normal, [0.0, 25.0, 50.0, 75.0, 100.0]);
    let reverse: Vec<f64> = (1..=5).map(|v| normalised(v, true)).collect();
    assert_eq!(reverse, [100.0, 75.0, 50.0, 25.0, 0.0]);
}

#[test]
fn a_respondent_score_is_the_mean_of_rated_items_and_dont_know_does_not_count() {
    let bank = small_bank();
    let people = workshop();
    // m1: a=5 → 100, b=2 reversed → 75: mean 87.5. c=3 → 50. Nothing for d3.
    assert_eq!(
        respondent_scores(&bank, &people[0]),
        [Some(87.5), Some(50.0), None]
    );
    // m2: a=3 → 50, b is "don't know": 50 alone. c unanswered: undefined.
    assert_eq!(
        respondent_scores(&bank, &people[1]),
        [Some(50.0), None, None]
    );
}

#[test]
fn a_workshop_scores_as_worked_out_by_hand() {
    let report = score(&small_bank(), &workshop());
    let d1 = report.dimensions[0];
    assert_close(d1.marketing, 68.75, "m(d1,M)");
    assert_close(d1.it, 0.0, "m(d1,T)");
    assert_close(d1.score, 34.375, "S(d1)");
    assert_close(d1.gap, 68.75, "G(d1)");
    // |87.5−50|, |50−100|, |0−75| over m1, m2, t1.
    assert_close(d1.estimated_gap, 162.5 / 3.0, "Ĝ(d1)");
    // m1 and m2 estimate IT (0) at 50 and 100; t1 estimates Marketing (68.75) at 75.
    assert_close(d1.perception_gap, 156.25 / 3.0, "P(d1)");
    assert_close(d1.spread, 31.093_357_409_581_873, "σ(d1)");
    assert_close(d1.friction, 65.874_842_963_832_75, "F(d1)");

    let d2 = report.dimensions[1];
    assert_close(d2.marketing, 50.0, "m(d2,M) counts only m1");
    assert_close(d2.it, 100.0, "m(d2,T)");
    assert_close(d2.score, 75.0, "S(d2)");
    assert_close(d2.gap, 50.0, "G(d2)");
    assert_close(d2.estimated_gap, 100.0, "Ĝ(d2)");
    assert_close(d2.perception_gap, 50.0, "P(d2)");
    assert_close(d2.spread, 20.412_414_523_193_153, "σ(d2)");
    assert_close(d2.friction, 35.664_965_809_277_26, "F(d2)");

    assert_close(report.alignment_index, 54.6875, "AI");
    assert_close(report.friction_index, 50.769_904_386_555_005, "FI");
    assert_eq!(report.level(), Some(Level::Established));
    assert_eq!(report.hotspots, [0]);
}

#[test]
fn a_dimension_nobody_answered_is_not_assessed_and_never_counts_as_zero() {
    let report = score(&small_bank(), &workshop());
    let d3 = report.dimensions[2];
    assert!(!d3.is_assessed());
    assert_eq!(d3, tandem_core::Figures::default());
    // AI averages d1 and d2 only: (34.375 + 75) / 2.
    assert_close(report.alignment_index, 54.6875, "AI ignores d3");
}

#[test]
fn dimension_scores_balance_the_roles_so_a_majority_cannot_drown_a_minority() {
    let bank = small_bank();
    let mut people: Vec<Respondent> = (0..10)
        .map(|i| respondent(&format!("m{i}"), Role::Marketing, &[("c", Some(5))], &[]))
        .collect();
    people.push(respondent("t1", Role::It, &[("c", Some(1))], &[]));
    people.push(respondent("t2", Role::It, &[("c", Some(1))], &[]));
    let d2 = score(&bank, &people).dimensions[1];
    assert_close(
        d2.score,
        50.0,
        "S is the mean of the two group means, not of everyone",
    );
    assert_close(d2.gap, 100.0, "G");
}

#[test]
fn without_both_functions_the_score_is_everyones_mean_and_the_estimated_gap_stands_in() {
    let bank = small_bank();
    let people = vec![
        respondent("m1", Role::Marketing, &[("c", Some(4))], &[("d2", 2)]),
        respondent("o1", Role::Other, &[("c", Some(2))], &[]),
    ];
    let d2 = score(&bank, &people).dimensions[1];
    assert_close(d2.score, 50.0, "S = m(d,A) = (75 + 25) / 2");
    assert_eq!(d2.gap, None);
    assert_eq!(
        d2.perception_gap, None,
        "nobody from the other side answered"
    );
    assert_close(d2.estimated_gap, 50.0, "Ĝ = |75 − 25|");
    assert_close(d2.spread, 25.0, "σ");
    // 0.5 × 50 + 0.3 × Ĝ 50 + 0.2 × min(100, 50)
    assert_close(
        d2.friction,
        25.0 + 15.0 + 10.0,
        "F uses Ĝ when G is undefined",
    );
}

#[test]
fn with_no_gap_of_any_kind_the_gap_term_is_zero() {
    let bank = small_bank();
    let people = vec![respondent("o1", Role::Other, &[("c", Some(3))], &[])];
    let d2 = score(&bank, &people).dimensions[1];
    assert_close(d2.spread, 0.0, "one respondent has no spread");
    assert_close(d2.friction, 25.0, "0.5 × (100 − 50)");
}

#[test]
fn an_estimate_without_an_own_score_counts_for_perception_but_not_estimated_gap() {
    let bank = small_bank();
    let people = vec![
        respondent("m1", Role::Marketing, &[], &[("d2", 5)]),
        respondent("t1", Role::It, &[("c", Some(2))], &[]),
    ];
    let d2 = score(&bank, &people).dimensions[1];
    assert_eq!(d2.estimated_gap, None);
    assert_close(d2.perception_gap, 75.0, "|100 − m(d2,T) 25|");
}

#[test]
fn spread_is_capped_in_friction_at_one_hundred() {
    // Two people at 0 and 100: σ = 50, 2σ = 100 exactly at the cap.
    let bank = small_bank();
    let people = vec![
        respondent("o1", Role::Other, &[("c", Some(1))], &[]),
        respondent("o2", Role::Other, &[("c", Some(5))], &[]),
    ];
    let d2 = score(&bank, &people).dimensions[1];
    assert_close(d2.spread, 50.0, "σ");
    assert_close(d2.friction, 25.0 + 20.0, "0.5 × 50 + 0.2 × 100");
}

#[test]
fn levels_follow_luftmans_five_bands() {
    let cases = [
        (0.0, Level::Initial),
        (19.99, Level::Initial),
        (20.0, Level::Committed),
        (39.9, Level::Committed),
        (40.0, Level::Established),
        (59.99, Level::Established),
        (60.0, Level::Improved),
        (79.99, Level::Improved),
        (80.0, Level::Optimised),
        (100.0, Level::Optimised),
    ];
    for (score, level) in cases {
        assert_eq!(Level::of(score), level, "score {score}");
    }
    assert_eq!(Level::Improved.number(), 4);
    assert_eq!(
        Level::Optimised.name(tandem_core::i18n::Locale::En),
        "Optimised"
    );
}

#[test]
fn levels_are_decided_on_unrounded_values() {
    // 19.96 displays as 20.0 but is still Initial.
    assert_eq!(round1(19.96), 20.0);
    assert_eq!(Level::of(19.96), Level::Initial);
}

#[test]
fn hotspots_are_ordered_by_friction_then_bank_order() {
    let bank = Bank::from_json(
        r#"{"id":"tie","dimensions":[
            {"id":"low","title":"Low","items":[{"id":"l","text":"L"}]},
            {"id":"tie-a","title":"Tie A","items":[{"id":"x","text":"X"}]},
            {"id":"worst","title":"Worst","items":[{"id":"w","text":"W"}]},
            {"id":"tie-b","title":"Tie B","items":[{"id":"y","text":"Y"}]}]}"#,
    )
    .unwrap();
    // One respondent, so σ = 0 and F = 0.5 × (100 − S): l=4 → 12.5; x, w, y = 1 → 50 each.
    let people = vec![respondent(
        "o",
        Role::Other,
        &[
            ("l", Some(4)),
            ("x", Some(1)),
            ("w", Some(1)),
            ("y", Some(1)),
        ],
        &[],
    )];
    let report = score(&bank, &people);
    assert_eq!(report.hotspots, [1, 2, 3], "all at 50: bank order");

    let people = vec![
        respondent(
            "o",
            Role::Other,
            &[
                ("l", Some(4)),
                ("x", Some(1)),
                ("w", Some(1)),
                ("y", Some(1)),
            ],
            &[],
        ),
        respondent(
            "o2",
            Role::Other,
            &[
                ("l", Some(4)),
                ("x", Some(2)),
                ("w", Some(1)),
                ("y", Some(2)),
            ],
            &[],
        ),
    ];
    let report = score(&bank, &people);
    // w: S 0, σ 0 → 50. x and y: S 12.5, σ 12.5 → 43.75 + 5 = 48.75 each.
    assert_eq!(report.hotspots, [2, 1, 3]);
    assert_eq!(report.leading_hotspots(), [2, 1, 3]);
}

#[test]
fn the_report_leads_with_at_most_three_hotspots() {
    let bank = Bank::from_json(
        r#"{"id":"many","dimensions":[
            {"id":"d1","title":"1","items":[{"id":"a","text":"A"}]},
            {"id":"d2","title":"2","items":[{"id":"b","text":"B"}]},
            {"id":"d3","title":"3","items":[{"id":"c","text":"C"}]},
            {"id":"d4","title":"4","items":[{"id":"d","text":"D"}]},
            {"id":"d5","title":"5","items":[{"id":"e","text":"E"}]}]}"#,
    )
    .unwrap();
    let people = vec![
        respondent(
            "o1",
            Role::Other,
            &[
                ("a", Some(1)),
                ("b", Some(1)),
                ("c", Some(2)),
                ("d", Some(1)),
                ("e", Some(5)),
            ],
            &[],
        ),
        respondent(
            "o2",
            Role::Other,
            &[
                ("a", Some(1)),
                ("b", Some(2)),
                ("c", Some(2)),
                ("d", Some(1)),
                ("e", Some(5)),
            ],
            &[],
        ),
    ];
    let report = score(&bank, &people);
    // d1, d4: S 0 → F 50. d2: S 12.5, σ 12.5 → 43.75 + 5 = 48.75. d3: S 25 → 37.5. d5: 0.
    assert_eq!(report.hotspots, [0, 3, 1]);
    assert_eq!(report.leading_hotspots().len(), 3);
    assert_eq!(report.watch(), Some(0));
}

#[test]
fn friction_at_exactly_the_threshold_counts_as_a_hotspot() {
    // One respondent, five items: 1,1,1,2,4 → 0,0,0,25,75 → S = 20, σ = 0 → F = 0.5 × 80 = 40.
    let bank = Bank::from_json(
        r#"{"id":"edge","dimensions":[{"id":"d","title":"D","items":[
            {"id":"a","text":"A"},{"id":"b","text":"B"},{"id":"c","text":"C"},
            {"id":"d","text":"D"},{"id":"e","text":"E"}]}]}"#,
    )
    .unwrap();
    let people = vec![respondent(
        "o",
        Role::Other,
        &[
            ("a", Some(1)),
            ("b", Some(1)),
            ("c", Some(1)),
            ("d", Some(2)),
            ("e", Some(4)),
        ],
        &[],
    )];
    let report = score(&bank, &people);
    assert_close(report.dimensions[0].friction, 40.0, "F");
    assert_eq!(report.hotspots, [0]);
}

#[test]
fn without_hotspots_the_highest_friction_is_still_named_to_watch() {
    let bank = small_bank();
    let people = vec![respondent(
        "o",
        Role::Other,
        &[("a", Some(4)), ("b", Some(2)), ("c", Some(3))],
        &[],
    )];
    let report = score(&bank, &people);
    // d1: S 75 → F 12.5; d2: S 50 → F 25.
    assert!(report.hotspots.is_empty());
    assert_eq!(report.watch(), Some(1));
    assert_eq!(
        report.starting_points(),
        [1],
        "no hotspots: start from the one to watch"
    );
    assert_eq!(score(&bank, &[]).watch(), None);
    assert!(score(&bank, &[]).starting_points().is_empty());
}

#[test]
fn signed_figures_show_their_sign_once_rounded() {
    use tandem_core::numbers::format_signed;
    assert_eq!(format_signed(7.5), "+7.5");
    assert_eq!(format_signed(-2.45), "-2.5");
    assert_eq!(format_signed(0.04), "0.0");
}

#[test]
fn rounding_is_half_away_from_zero_to_one_decimal() {
    assert_eq!(round1(31.25), 31.3);
    assert_eq!(round1(-31.25), -31.3);
    assert_eq!(round1(18.75), 18.8);
    assert_eq!(round1(54.6875), 54.7);
    assert_eq!(
        round1(0.15),
        0.2,
        "0.15 is stored as 0.1499…; it is still a tie"
    );
    assert_eq!(round1(2.45), 2.5);
    assert_eq!(round1(31.093_357), 31.1);
    assert_eq!(round1(65.874_84), 65.9);
    assert_eq!(round1(70.0), 70.0);
}

#[test]
fn figures_display_with_exactly_one_decimal() {
    assert_eq!(tandem_core::format1(70.0), "70.0");
    assert_eq!(tandem_core::format1(54.6875), "54.7");
    assert_eq!(tandem_core::format1(0.15), "0.2");
}

#[test]
fn the_explanation_is_generated_from_the_weights_in_use() {
    let text = tandem_core::scoring::explanation(tandem_core::i18n::Locale::En).join(" ");
    assert!(
        text.contains("50%") && text.contains("30%") && text.contains("20%"),
        "{text}"
    );
    assert!(text.contains("friction of 40 or more"), "{text}");
    assert!(text.contains("3 Established from 40"), "{text}");
}

#[test]
fn each_function_s_guess_of_the_other_is_set_beside_what_the_other_said() {
    let report = score(&small_bank(), &workshop());
    let d1 = report.dimensions[0];
    // m1 guesses IT at 50, m2 at 100; t1 guesses Marketing at 75.
    assert_close(d1.it_as_seen_by_marketing, 75.0, "Marketing's guess of IT");
    assert_close(d1.marketing_as_seen_by_it, 75.0, "IT's guess of Marketing");
    let d2 = report.dimensions[1];
    assert_close(d2.marketing_as_seen_by_it, 0.0, "t1 guesses Marketing at 0");
    assert_eq!(d2.it_as_seen_by_marketing, None, "no marketer estimated d2");
}

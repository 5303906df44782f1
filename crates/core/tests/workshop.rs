//! Facilitated workshops, from the outside: phases, turns, the timer, the threshold, the reveal,
//! the room's slides, documents in and out, and the saved list. Moved here from the module so
//! the module reads as the rules and this file as what they promise.

use chrono::NaiveDate;
use tandem_core::agenda::Phase;
use tandem_core::assessment::{Action, Journey, Screen};
use tandem_core::dates::{is_writable, iso_date, parse_date};
use tandem_core::norms::{NormsAction, NormsError};
use tandem_core::respondent::{Rating, Respondent, Role};
use tandem_core::workshop::*;
use tandem_core::workshop::{Linked, Receipt, Received};
use tandem_core::{Bank, WorkshopDocument};

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
}

fn workshop() -> Workshop {
    Workshop::new("w1", "Q4 alignment", date(), Bank::default_bank())
}

fn apply(workshop: &Workshop, action: WorkshopAction) -> Workshop {
    workshop.apply(action).unwrap().unwrap()
}

fn person(id: &str, role: Role, value: u8) -> Respondent {
    let mut respondent = Respondent::new(id, role);
    for (_, item) in Bank::default_bank().items() {
        respondent
            .answers
            .insert(item.id.clone(), Rating::new(value));
    }
    respondent
}

#[test]
fn a_new_workshop_has_every_usual_phase_the_default_threshold_and_no_answers() {
    let workshop = workshop();
    // Re-rating after discussion is ticked by the facilitator when there is time for it.
    assert_eq!(workshop.phases, Phase::USUAL);
    assert!(!workshop.phases.contains(&Phase::Rerate));
    assert_eq!(workshop.phase(), Phase::Welcome);
    assert_eq!(workshop.threshold, 3);
    assert!(!workshop.revealed);
    assert_eq!(
        workshop.timer,
        Timer::Paused {
            remaining_ms: 600_000
        }
    );
}

#[test]
fn phases_go_forward_and_back_in_agenda_order_and_reset_the_timer() {
    let mut workshop = apply(&workshop(), WorkshopAction::SetAutoTimer(false));
    for expected in &Phase::USUAL[1..] {
        workshop = apply(&workshop, WorkshopAction::NextPhase { now_ms: 0 });
        assert_eq!(workshop.phase(), *expected);
        assert_eq!(workshop.timer, Timer::for_phase(*expected));
    }
    assert_eq!(
        workshop.apply(WorkshopAction::NextPhase { now_ms: 0 }),
        Ok(None)
    );
    workshop = apply(&workshop, WorkshopAction::PreviousPhase { now_ms: 0 });
    assert_eq!(workshop.phase(), Phase::Agree);
    workshop = apply(
        &workshop,
        WorkshopAction::GoToPhase {
            index: 0,
            now_ms: 0,
        },
    );
    assert_eq!(
        workshop.apply(WorkshopAction::PreviousPhase { now_ms: 0 }),
        Ok(None)
    );
    assert_eq!(
        workshop.apply(WorkshopAction::GoToPhase {
            index: 9,
            now_ms: 0
        }),
        Ok(None)
    );
}

#[test]
fn a_refused_form_names_the_field_to_mend() {
    let fresh = workshop();
    let field = |action| fresh.apply(action).unwrap_err().field();
    assert_eq!(
        fresh.apply(WorkshopAction::Rename("x".repeat(NAME_MAX + 1))),
        Err(WorkshopError::NameTooLong)
    );
    assert!(
        fresh
            .apply(WorkshopAction::Rename("ü".repeat(NAME_MAX)))
            .is_ok()
    );
    assert_eq!(
        Workshop::create(
            "w2",
            Setup {
                name: "y".repeat(NAME_MAX + 1),
                date: date(),
                threshold: 3,
                phases: Phase::ALL.to_vec(),
            },
            Bank::default_bank(),
        ),
        Err(WorkshopError::NameTooLong)
    );
    assert_eq!(
        field(WorkshopAction::Rename("  ".into())),
        Some(Field::Name)
    );
    assert_eq!(
        field(WorkshopAction::SetThreshold(0)),
        Some(Field::Threshold)
    );
    assert_eq!(
        field(WorkshopAction::SetPhases(Vec::new())),
        Some(Field::Phases)
    );
    let read = |date: &str, k: &str| read_date_and_threshold(date, k).unwrap_err().field();
    assert_eq!(read("", "3"), Some(Field::Date));
    assert_eq!(read("2026-12-01", "three"), Some(Field::Threshold));
}

#[test]
fn arriving_at_a_phase_starts_its_countdown_unless_the_facilitator_turned_that_off() {
    let started = apply(&workshop(), WorkshopAction::NextPhase { now_ms: 5_000 });
    assert_eq!(started.phase(), Phase::Assessment);
    assert_eq!(
        started.timer,
        Timer::Running {
            ends_at_ms: 5_000 + 15 * 60_000
        }
    );
    let back = apply(&started, WorkshopAction::PreviousPhase { now_ms: 9_000 });
    assert_eq!(
        back.timer,
        Timer::Running {
            ends_at_ms: 9_000 + 10 * 60_000
        }
    );
    let manual = apply(&workshop(), WorkshopAction::SetAutoTimer(false));
    let arrived = apply(
        &manual,
        WorkshopAction::GoToPhase {
            index: 2,
            now_ms: 1,
        },
    );
    assert_eq!(arrived.timer, Timer::for_phase(Phase::Reveal));
    assert!(!arrived.timer.is_running());
}

#[test]
fn an_overrun_counts_up_from_zero_while_running_and_not_while_paused() {
    let running = apply(&workshop(), WorkshopAction::StartTimer { now_ms: 0 });
    assert_eq!(running.timer.overrun_ms(599_999), 0);
    assert_eq!(running.timer.overrun_ms(600_000), 0);
    assert_eq!(running.timer.overrun_ms(680_000), 80_000, "+1:20");
    let paused = apply(&running, WorkshopAction::PauseTimer { now_ms: 700_000 });
    assert_eq!(paused.timer.remaining_ms(700_000), 0);
    assert_eq!(paused.timer.overrun_ms(900_000), 0);
}

#[test]
fn time_used_counts_from_the_first_phase_change_or_countdown_and_plans_add_up() {
    let fresh = workshop();
    assert_eq!(fresh.used_ms(50_000), None, "nothing used before it begins");
    assert_eq!(
        fresh.planned_minutes(),
        10 + 15 + 20 + 15 + 10 + 15 + 15 + 10
    );
    let begun = apply(&fresh, WorkshopAction::StartTimer { now_ms: 1_000 });
    let later = apply(&begun, WorkshopAction::NextPhase { now_ms: 60_000 });
    assert_eq!(
        later.used_ms(121_000),
        Some(120_000),
        "from the first start on"
    );
    let trimmed = apply(
        &fresh,
        WorkshopAction::SetPhases(vec![Phase::Assessment, Phase::Reveal]),
    );
    assert_eq!(trimmed.planned_minutes(), 35);
}

#[test]
fn the_room_steps_through_the_revealed_results_one_hotspot_at_a_time() {
    let mut workshop = apply(&workshop(), WorkshopAction::SetAutoTimer(false));
    workshop.threshold = 1;
    // Marketing rates everything high and IT low: every dimension is a hotspot.
    for respondent in [person("m", Role::Marketing, 5), person("i", Role::It, 1)] {
        workshop = apply(&workshop, WorkshopAction::AddRespondent(respondent));
    }
    let at_reveal = apply(
        &workshop,
        WorkshopAction::GoToPhase {
            index: 2,
            now_ms: 0,
        },
    );
    assert_eq!(
        at_reveal.slides(),
        [Slide::Waiting],
        "nothing shown before the reveal"
    );
    assert_eq!(at_reveal.apply(WorkshopAction::ShowNext), Ok(None));
    let revealed = apply(&at_reveal, WorkshopAction::Reveal);
    let leading = revealed.report().leading_hotspots().to_vec();
    assert!(!leading.is_empty());
    let mut expected = vec![Slide::Indices];
    expected.extend(leading.iter().map(|&d| Slide::Hotspot(d)));
    expected.push(Slide::Dimensions);
    assert_eq!(revealed.slides(), expected);
    let mut room = revealed.clone();
    let mut seen = vec![room.slide()];
    while let Some(next) = room.apply(WorkshopAction::ShowNext).unwrap() {
        room = next;
        seen.push(room.slide());
    }
    assert_eq!(
        seen, expected,
        "every slide once, in order, then no further"
    );
    let back = apply(&room, WorkshopAction::ShowPrevious);
    assert_eq!(back.shown, expected.len() - 2);
    let next_phase = apply(&room, WorkshopAction::NextPhase { now_ms: 0 });
    assert_eq!(next_phase.shown, 0, "a new phase starts at its first slide");
    assert_eq!(next_phase.slide(), Slide::Ideas);
}

#[test]
fn a_step_past_the_last_slide_shows_the_last_and_is_brought_back_on_load() {
    let mut workshop = workshop();
    workshop.shown = 40;
    assert_eq!(workshop.slide(), Slide::Welcome);
    workshop.fit("t0");
    assert_eq!(workshop.shown, 0);
}

#[test]
fn choosing_phases_keeps_the_countdown_of_the_phase_under_way() {
    let running = apply(&workshop(), WorkshopAction::NextPhase { now_ms: 1_000 });
    let fewer = apply(
        &running,
        WorkshopAction::SetPhases(vec![Phase::Assessment, Phase::Summary]),
    );
    assert_eq!(fewer.phase(), Phase::Assessment);
    assert_eq!(fewer.current, 0);
    assert_eq!(fewer.timer, running.timer, "the countdown runs on");
}

#[test]
fn chosen_phases_keep_agenda_order_and_the_current_phase_when_possible() {
    let at_reveal = apply(
        &workshop(),
        WorkshopAction::GoToPhase {
            index: 2,
            now_ms: 0,
        },
    );
    let trimmed = apply(
        &at_reveal,
        WorkshopAction::SetPhases(vec![Phase::Summary, Phase::Reveal, Phase::Assessment]),
    );
    assert_eq!(
        trimmed.phases,
        [Phase::Assessment, Phase::Reveal, Phase::Summary]
    );
    assert_eq!(trimmed.phase(), Phase::Reveal);
    assert_eq!(
        trimmed.apply(WorkshopAction::SetPhases(Vec::new())),
        Err(WorkshopError::NoPhases)
    );
}

#[test]
fn results_stay_hidden_until_the_facilitator_reveals_them() {
    assert_eq!(
        workshop().apply(WorkshopAction::Reveal),
        Err(WorkshopError::NothingToReveal),
        "a report of nobody's answers is not offered"
    );
    let workshop = apply(
        &apply(
            &workshop(),
            WorkshopAction::AddRespondent(person("a", Role::It, 3)),
        ),
        WorkshopAction::GoToPhase {
            index: 2,
            now_ms: 0,
        },
    );
    assert!(
        !workshop.revealed,
        "entering the reveal phase is not revealing"
    );
    let revealed = apply(&workshop, WorkshopAction::Reveal);
    assert!(revealed.revealed);
    assert_eq!(revealed.apply(WorkshopAction::Reveal), Ok(None));
}

#[test]
fn once_answers_are_in_the_threshold_can_be_raised_but_never_lowered() {
    let empty = workshop();
    assert_eq!(apply(&empty, WorkshopAction::SetThreshold(1)).threshold, 1);

    let answered = apply(
        &empty,
        WorkshopAction::AddRespondent(person("p1", Role::It, 4)),
    );
    assert_eq!(
        answered.apply(WorkshopAction::SetThreshold(2)),
        Err(WorkshopError::ThresholdLowered { set: 3, asked: 2 })
    );
    let edited = answered.apply(WorkshopAction::EditDetails {
        name: "Renamed".into(),
        date: date(),
        threshold: 1,
    });
    assert!(edited.is_err(), "all of the details or none");
    assert_eq!(
        apply(&answered, WorkshopAction::SetThreshold(5)).threshold,
        5
    );

    // An import of an older copy with a lower threshold does not lower it either.
    let saved = Workshops::default().with(apply(&answered, WorkshopAction::SetThreshold(5)));
    let mut older = answered.clone();
    older.threshold = 2;
    let merged = saved.import(older.clone(), OnConflict::Merge);
    assert_eq!(merged.list[0].threshold, 5);
    let both = saved.import(
        older,
        OnConflict::KeepBoth {
            id: "w2".into(),
            locale: tandem_core::i18n::Locale::En,
        },
    );
    assert_eq!(both.list[1].threshold, 5);
}

#[test]
fn a_corrected_response_replaces_the_earlier_one_and_says_how_many_answers_changed() {
    let first = person("code-A", Role::It, 4);
    let workshop = workshop();
    assert_eq!(workshop.arrival(&first), Arrival::New);
    let added = apply(&workshop, WorkshopAction::AddRespondent(first.clone()));
    assert_eq!(added.arrival(&first), Arrival::Same);
    assert_eq!(
        added.apply(WorkshopAction::AddRespondent(first.clone())),
        Ok(None)
    );

    let mut corrected = first.clone();
    let mut items = corrected
        .answers
        .keys()
        .cloned()
        .collect::<Vec<_>>()
        .into_iter();
    corrected
        .answers
        .insert(items.next().unwrap(), Rating::new(1));
    corrected.answers.insert(items.next().unwrap(), None);
    corrected.answers.remove(&items.next().unwrap());
    assert_eq!(added.arrival(&corrected), Arrival::Corrected { changes: 3 });
    let replaced = apply(&added, WorkshopAction::AddRespondent(corrected.clone()));
    assert_eq!(replaced.respondents.len(), 1);
    assert_eq!(replaced.respondents[0], corrected);

    let mut other_function = corrected.clone();
    other_function.role = Role::Marketing;
    assert_eq!(
        replaced.arrival(&other_function),
        Arrival::Corrected { changes: 1 }
    );
}

#[test]
fn one_odd_stored_date_does_not_make_the_workshops_unreadable_but_is_refused_on_entry() {
    let mut json = serde_json::to_value(Workshops::default().with(workshop())).unwrap();
    json["list"][0]["date"] = serde_json::json!("99999-01-01");
    let read: Workshops = serde_json::from_value(json).unwrap();
    assert!(!is_writable(read.list[0].date));
    assert_eq!(parse_date("99999-01-01"), None);
    assert!(read_date_and_threshold("99999-01-01", "3").is_err());
    let refused = read.list[0].document().check().unwrap_err().to_string();
    assert!(refused.contains("workshop.date"), "{refused}");
}

#[test]
fn a_stored_threshold_outside_one_to_ten_is_brought_into_range() {
    for (stored, fitted) in [(0, 1), (200, 10), (4, 4)] {
        let mut workshop = workshop();
        workshop.threshold = stored;
        workshop.fit("t");
        assert_eq!(workshop.threshold, fitted);
    }
}

#[test]
fn the_threshold_and_name_are_validated() {
    let workshop = workshop();
    assert_eq!(
        workshop.apply(WorkshopAction::SetThreshold(0)),
        Err(WorkshopError::Threshold(0))
    );
    assert_eq!(
        workshop.apply(WorkshopAction::SetThreshold(11)),
        Err(WorkshopError::Threshold(11))
    );
    assert_eq!(
        apply(&workshop, WorkshopAction::SetThreshold(10)).threshold,
        10
    );
    assert_eq!(
        workshop.apply(WorkshopAction::Rename("  ".into())),
        Err(WorkshopError::EmptyName)
    );
    assert_eq!(
        apply(&workshop, WorkshopAction::Rename(" Kickoff ".into())).name,
        "Kickoff"
    );
}

#[test]
fn participants_answering_in_turn_become_respondents_counted_by_function() {
    let mut workshop = workshop();
    for (id, role) in [
        ("a", Role::Marketing),
        ("b", Role::It),
        ("c", Role::Marketing),
    ] {
        workshop = apply(
            &workshop,
            WorkshopAction::AddRespondent(person(id, role, 4)),
        );
    }
    assert_eq!((workshop.counts().marketing, workshop.counts().it), (2, 1));
    // The same person finishing again replaces their answers rather than counting twice.
    workshop = apply(
        &workshop,
        WorkshopAction::AddRespondent(person("a", Role::Marketing, 2)),
    );
    assert_eq!(workshop.respondents.len(), 3);
    assert_eq!(workshop.respondents[0], person("a", Role::Marketing, 2));
}

#[test]
fn answers_that_do_not_fit_the_bank_are_refused() {
    let mut stray = Respondent::new("x", Role::It);
    stray.answers.insert("no-such-item".into(), Rating::new(3));
    let error = workshop()
        .apply(WorkshopAction::AddRespondent(stray))
        .unwrap_err();
    assert!(error.to_string().contains("no-such-item"), "{error}");
}

#[test]
fn the_timer_starts_pauses_extends_and_resets() {
    let workshop = workshop();
    let running = apply(&workshop, WorkshopAction::StartTimer { now_ms: 1_000 });
    assert_eq!(
        running.timer,
        Timer::Running {
            ends_at_ms: 601_000
        }
    );
    assert_eq!(running.timer.remaining_ms(61_000), 540_000);
    let paused = apply(&running, WorkshopAction::PauseTimer { now_ms: 61_000 });
    assert_eq!(
        paused.timer,
        Timer::Paused {
            remaining_ms: 540_000
        }
    );
    let extended = apply(
        &paused,
        WorkshopAction::ExtendTimer {
            by_ms: 120_000,
            now_ms: 70_000,
        },
    );
    assert_eq!(extended.timer.remaining_ms(0), 660_000);
    let reset = apply(&extended, WorkshopAction::ResetTimer);
    assert_eq!(reset.timer, Timer::for_phase(Phase::Welcome));
}

#[test]
fn an_overrun_timer_is_over_and_extending_it_counts_from_now() {
    let running = apply(&workshop(), WorkshopAction::StartTimer { now_ms: 0 });
    assert!(running.timer.is_over(600_000));
    assert!(!running.timer.is_over(599_999));
    let extended = apply(
        &running,
        WorkshopAction::ExtendTimer {
            by_ms: 60_000,
            now_ms: 900_000,
        },
    );
    assert_eq!(extended.timer.remaining_ms(900_000), 60_000);
}

#[test]
fn a_duplicate_keeps_setup_and_answers_under_a_new_id_back_at_the_start() {
    let mut original = apply(
        &workshop(),
        WorkshopAction::AddRespondent(person("a", Role::It, 3)),
    );
    original = apply(
        &original,
        WorkshopAction::GoToPhase {
            index: 2,
            now_ms: 0,
        },
    );
    original = apply(&original, WorkshopAction::Reveal);
    let copy = original.duplicate("w2", "Q4 alignment (copy)");
    assert_eq!(
        (copy.id.as_str(), copy.name.as_str()),
        ("w2", "Q4 alignment (copy)")
    );
    assert_eq!(copy.respondents, original.respondents);
    assert_eq!((copy.current, copy.revealed), (0, false));
}

#[test]
fn merging_is_idempotent_and_the_incoming_answers_win() {
    let base = apply(
        &workshop(),
        WorkshopAction::AddRespondent(person("a", Role::It, 3)),
    );
    let incoming = [person("a", Role::It, 5), person("b", Role::Marketing, 2)];
    let once = base.merged_with(&incoming);
    assert_eq!(*once.respondents, incoming);
    assert_eq!(once.merged_with(&incoming), once);
}

fn saved(respondents: &[Respondent]) -> Workshops {
    let mut workshop = workshop();
    for respondent in respondents {
        workshop = apply(&workshop, WorkshopAction::AddRespondent(respondent.clone()));
    }
    Workshops::default().with(workshop)
}

#[test]
fn export_then_delete_then_import_gives_back_the_same_report() {
    let workshops = saved(&[person("a", Role::Marketing, 4), person("b", Role::It, 2)]);
    let json = workshops.list[0].document().to_json();
    let emptied = workshops.without("w1").unwrap();
    assert!(emptied.get("w1").is_none());
    let document = WorkshopDocument::from_json(&json).unwrap().document;
    let imported = Workshop::from_document(document, "unused", "unused", date());
    let restored = emptied.import(imported, OnConflict::Merge);
    let back = restored.get("w1").unwrap();
    assert_eq!(back.name, "Q4 alignment");
    assert_eq!(
        back.document().report_export(),
        workshops.list[0].document().report_export()
    );
    assert_eq!(back.document().to_json(), json);
}

#[test]
fn importing_a_saved_workshop_merges_or_keeps_both_as_chosen() {
    let workshops = saved(&[person("a", Role::Marketing, 4)]);
    let mut other_copy = workshops.list[0].clone();
    other_copy.respondents = vec![person("b", Role::It, 2)].into();

    let merged = workshops.import(other_copy.clone(), OnConflict::Merge);
    assert_eq!(merged.list.len(), 1);
    assert_eq!(merged.list[0].respondents.len(), 2);
    assert_eq!(
        merged.import(other_copy.clone(), OnConflict::Merge),
        merged,
        "idempotent"
    );

    let both = workshops.import(
        other_copy,
        OnConflict::KeepBoth {
            id: "w9".into(),
            locale: tandem_core::i18n::Locale::En,
        },
    );
    assert_eq!(both.list.len(), 2);
    assert_eq!(both.list[1].id, "w9");
    assert_eq!(both.list[1].name, "Q4 alignment (imported)");
    assert_eq!(
        both.list[0], workshops.list[0],
        "the saved workshop is untouched"
    );
}

#[test]
fn a_document_without_workshop_details_becomes_a_new_workshop() {
    let document = WorkshopDocument::new(Bank::default_bank(), 2, vec![person("a", Role::It, 3)]);
    let workshop = Workshop::from_document(document, "w5", "Imported results", date());
    assert_eq!((workshop.id.as_str(), workshop.threshold), ("w5", 2));
    assert_eq!(workshop.phases, Phase::USUAL);
    assert_eq!(workshop.respondents.len(), 1);
}

#[test]
fn updates_reach_the_named_workshop_only() {
    let workshops = saved(&[]).with(workshop().duplicate("w2", "Other"));
    let next = workshops
        .update("w2", WorkshopAction::SetThreshold(5))
        .unwrap()
        .unwrap();
    assert_eq!((next.list[0].threshold, next.list[1].threshold), (3, 5));
    assert_eq!(workshops.update("nope", WorkshopAction::Reveal), Ok(None));
    assert_eq!(
        workshops.update("w1", WorkshopAction::SetThreshold(0)),
        Err(WorkshopError::Threshold(0))
    );
}

fn in_assessment() -> Workshop {
    apply(
        &workshop(),
        WorkshopAction::GoToPhase {
            index: 1,
            now_ms: 0,
        },
    )
}

fn turn(workshop: &Workshop, action: Action) -> Workshop {
    apply(workshop, WorkshopAction::Turn(action))
}

#[test]
fn a_participant_turn_opens_only_in_the_assessment_phase() {
    assert_eq!(
        workshop().apply(WorkshopAction::StartTurn),
        Err(WorkshopError::NotAnswering)
    );
    let open = apply(&in_assessment(), WorkshopAction::StartTurn);
    assert_eq!(open.turn, Some(Turn::Answering(Journey::default())));
    assert_eq!(
        open.apply(WorkshopAction::StartTurn),
        Ok(None),
        "one turn at a time"
    );
}

#[test]
fn finishing_a_turn_adds_the_respondent_and_asks_for_the_device_back() {
    let bank = Bank::default_bank();
    let mut workshop = apply(&in_assessment(), WorkshopAction::StartTurn);
    workshop = turn(
        &workshop,
        Action::Begin {
            role: Role::It,
            respondent_id: "p1".into(),
        },
    );
    let item = bank.dimensions[0].items[0].id.clone();
    workshop = turn(
        &workshop,
        Action::Answer {
            item: item.clone(),
            answer: Rating::new(2),
        },
    );
    assert!(
        workshop.respondents.is_empty(),
        "an unfinished turn is not counted"
    );
    workshop = turn(
        &workshop,
        Action::GoTo(Screen::Step(bank.dimensions.len() - 1)),
    );
    workshop = turn(&workshop, Action::Next);
    assert_eq!(workshop.turn, Some(Turn::Finished));
    assert_eq!(workshop.respondents.len(), 1);
    assert_eq!(
        workshop.respondents[0].answers.get(&item),
        Some(&Rating::new(2))
    );
    assert_eq!(workshop.counts().it, 1);
    let closed = apply(&workshop, WorkshopAction::EndTurn);
    assert_eq!(closed.turn, None);
    assert_eq!(closed.respondents.len(), 1);
}

#[test]
fn an_abandoned_turn_leaves_no_trace() {
    let mut workshop = apply(&in_assessment(), WorkshopAction::StartTurn);
    workshop = turn(
        &workshop,
        Action::Begin {
            role: Role::Marketing,
            respondent_id: "p1".into(),
        },
    );
    let closed = apply(&workshop, WorkshopAction::EndTurn);
    assert_eq!(closed, in_assessment());
}

#[test]
fn a_workshop_with_a_turn_in_progress_survives_a_save_and_load() {
    let mut workshop = apply(&in_assessment(), WorkshopAction::StartTurn);
    workshop = turn(
        &workshop,
        Action::Begin {
            role: Role::Other,
            respondent_id: "p1".into(),
        },
    );
    let saved = serde_json::to_string(&workshop).unwrap();
    let loaded: Workshop = serde_json::from_str(&saved).unwrap();
    assert_eq!(loaded, workshop);
}

#[test]
fn a_workshop_is_created_from_a_validated_setup() {
    let setup = |name: &str, threshold: u8, phases: Vec<Phase>| Setup {
        name: name.into(),
        date: date(),
        threshold,
        phases,
    };
    let bank = Bank::default_bank();
    let created = Workshop::create(
        "w",
        setup(" Kickoff ", 4, vec![Phase::Assessment, Phase::Reveal]),
        bank.clone(),
    )
    .unwrap();
    assert_eq!(created.name, "Kickoff");
    assert_eq!(created.threshold, 4);
    assert_eq!(created.phases, [Phase::Assessment, Phase::Reveal]);
    assert_eq!(created.phase(), Phase::Assessment);
    assert_eq!(
        Workshop::create("w", setup("", 3, Phase::ALL.to_vec()), bank.clone()),
        Err(WorkshopError::EmptyName)
    );
    assert_eq!(
        Workshop::create("w", setup("K", 0, Phase::ALL.to_vec()), bank.clone()),
        Err(WorkshopError::Threshold(0))
    );
    assert_eq!(
        Workshop::create("w", setup("K", 3, vec![]), bank),
        Err(WorkshopError::NoPhases)
    );
}

#[test]
fn dates_read_and_write_as_in_a_date_input() {
    assert_eq!(parse_date("2026-11-24"), Some(date()));
    assert_eq!(iso_date(date()), "2026-11-24");
    assert_eq!(parse_date("2026-02-30"), None);
    assert_eq!(parse_date(""), None);
    assert_eq!(parse_date("24.11.2026"), None);
}

#[test]
fn form_fields_are_read_with_messages_for_what_is_wrong() {
    assert_eq!(
        read_date_and_threshold("2026-11-24", " 4 "),
        Ok((date(), 4))
    );
    assert_eq!(read_date_and_threshold("", "4"), Err(WorkshopError::NoDate));
    assert_eq!(
        read_date_and_threshold("2026-11-24", "four"),
        Err(WorkshopError::ThresholdNotANumber)
    );
}

#[test]
fn details_change_together_or_not_at_all() {
    let workshop = workshop();
    let later = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let edited = apply(
        &workshop,
        WorkshopAction::EditDetails {
            name: "Renamed".into(),
            date: later,
            threshold: 5,
        },
    );
    assert_eq!(
        (edited.name.as_str(), edited.date, edited.threshold),
        ("Renamed", later, 5)
    );
    let refused = workshop.apply(WorkshopAction::EditDetails {
        name: " ".into(),
        date: later,
        threshold: 5,
    });
    assert_eq!(refused, Err(WorkshopError::EmptyName));
}

fn at(phase: Phase) -> Workshop {
    let index = Phase::USUAL.iter().position(|&p| p == phase).unwrap_or(0);
    apply(&workshop(), WorkshopAction::GoToPhase { index, now_ms: 0 })
}

fn idea(id: &str, author: &str) -> WorkshopAction {
    WorkshopAction::Norms(NormsAction::Add {
        id: id.into(),
        author: author.into(),
        dimension: "kpis".into(),
        text: format!("Idea {id}"),
    })
}

#[test]
fn ideas_are_written_in_private_turns_during_the_brainstorm_only() {
    let writing = WorkshopAction::StartWriting {
        author: "p1".into(),
    };
    assert_eq!(
        at(Phase::Reveal).apply(writing.clone()),
        Err(WorkshopError::NotBrainstorming)
    );
    let mut workshop = apply(&at(Phase::Brainstorm), writing);
    assert_eq!(
        workshop.turn,
        Some(Turn::Writing {
            author: "p1".into()
        })
    );
    workshop = apply(&workshop, idea("n1", "p1"));
    workshop = apply(&workshop, WorkshopAction::FinishTurn);
    assert_eq!(workshop.turn, Some(Turn::Finished));
    assert!(
        !workshop.norms.revealed,
        "hidden until the facilitator reveals"
    );
    assert_eq!(workshop.norms.ideas.len(), 1);
}

#[test]
fn a_voting_turn_opens_in_the_vote_phase_once_ideas_are_revealed_and_voting_is_open() {
    let voting = WorkshopAction::StartVoting { voter: "v1".into() };
    let mut workshop = apply(&at(Phase::Vote), idea("n1", "p1"));
    assert_eq!(
        workshop.apply(voting.clone()),
        Err(WorkshopError::Norms(NormsError::NotRevealed))
    );
    workshop = apply(&workshop, WorkshopAction::Norms(NormsAction::Reveal));
    assert!(apply(&workshop, voting.clone()).turn.is_some());
    workshop = apply(&workshop, WorkshopAction::Norms(NormsAction::CloseVoting));
    assert_eq!(
        workshop.apply(voting),
        Err(WorkshopError::Norms(NormsError::VotingClosed))
    );
    assert_eq!(
        at(Phase::Brainstorm).apply(WorkshopAction::StartVoting { voter: "v".into() }),
        Err(WorkshopError::NotVoting)
    );
}

#[test]
fn norms_travel_in_the_workshop_document_and_back() {
    let mut workshop = apply(&at(Phase::Brainstorm), idea("n1", "p1"));
    workshop = apply(&workshop, WorkshopAction::Norms(NormsAction::Reveal));
    let json = workshop.document().to_json();
    let document = WorkshopDocument::from_json(&json).unwrap().document;
    assert_eq!(document.norms, workshop.norms);
    let back = Workshop::from_document(document, "x", "x", date());
    assert_eq!(back.norms, workshop.norms);
    assert_eq!(back.document().to_json(), json);
}

#[test]
fn importing_into_a_saved_workshop_keeps_its_norms_or_takes_the_files_when_it_has_none() {
    let saved = Workshops::default().with(workshop());
    let mut incoming = apply(&at(Phase::Brainstorm), idea("n1", "p1"));
    let taken = saved.import(incoming.clone(), OnConflict::Merge);
    assert_eq!(taken.list[0].norms, incoming.norms);
    incoming = apply(&incoming, idea("n2", "p2"));
    let kept = taken.import(incoming, OnConflict::Merge);
    assert_eq!(kept.list[0].norms.ideas.len(), 1, "the saved norms stay");
}

/// A participant's response code for `workshop`, as their device makes it.
fn code_for(workshop: &Workshop, key: u32, role: Role, value: u8) -> String {
    use tandem_core::code;
    let mut respondent = Respondent::new(code::respondent_id(key), role);
    for (_, item) in workshop.bank.items() {
        respondent
            .answers
            .insert(item.id.clone(), Rating::new(value));
    }
    code::encode(
        &workshop.bank,
        &code::Response {
            round: code::Round::First,
            workshop: code::workshop_code(&workshop.id),
            key,
            respondent,
        },
    )
}

#[test]
fn a_paste_is_received_code_by_code_and_says_what_became_of_each() {
    use tandem_core::code::CodeError;
    let workshop = in_assessment();
    let first = code_for(&workshop, 7, Role::Marketing, 4);
    let corrected = code_for(&workshop, 7, Role::Marketing, 2);
    let other = code_for(&workshop, 8, Role::It, 3);
    let typo = format!("{}!{}", &other[..5], &other[6..]);
    let pasted = format!("{first}\n{first}, {corrected}; {typo}");
    let (after, received) = workshop.receive(&pasted);
    assert_eq!(
        after.respondents.len(),
        1,
        "the correction replaced the first"
    );
    let kinds: Vec<_> = received
        .iter()
        .map(|each| match each {
            Received::Arrived { arrival, .. } => format!("{arrival:?}"),
            Received::Refused { error, .. } => format!("{error:?}"),
        })
        .collect();
    let changes = format!("Corrected {{ changes: {} }}", workshop.bank.item_count());
    assert_eq!(kinds[..3], ["New".to_owned(), "Same".to_owned(), changes]);
    assert!(matches!(
        &received[3],
        Received::Refused {
            error: CodeError::Character { position: 6, .. },
            ..
        }
    ));
    assert_eq!(received.len(), 4, "{kinds:?}");
    assert_eq!(received[3].marked(), Some((typo.as_str(), 6)));
    let receipt = Receipt {
        workshop: workshop.id.clone(),
        round: tandem_core::code::Round::First,
        received: received.clone(),
    };
    // The refused code stays in the box, its wrong character selected.
    assert_eq!(receipt.kept(), typo);
    assert_eq!(receipt.selection(), Some((5, 6)));
    assert_eq!(receipt.refusals(), 1);
    assert!(
        received[0]
            .message(tandem_core::i18n::Locale::En)
            .contains("added (Marketing)")
    );
    // The action does the same.
    let applied = workshop
        .apply(WorkshopAction::Receive(pasted))
        .unwrap()
        .unwrap();
    assert_eq!(applied.respondents, after.respondents);
}

#[test]
fn the_reducer_tells_what_a_paste_did_even_when_nothing_changed() {
    use tandem_core::{Tandem, TandemAction, Told};
    let workshop = in_assessment();
    let state = Tandem {
        workshops: Workshops::default().with(workshop.clone()),
        ..Tandem::default()
    };
    let bank = Bank::default_bank();
    let step = state
        .step(
            &bank,
            TandemAction::Workshop {
                id: workshop.id.clone(),
                action: WorkshopAction::Receive("not a code at all ZZZZ".into()),
            },
        )
        .unwrap();
    assert_eq!(step.state, None);
    let Some(Told::Received(receipt)) = step.told else {
        panic!("told {:?}", step.told);
    };
    assert_eq!(receipt.workshop, workshop.id);
}

#[test]
fn a_response_link_adds_to_its_workshop_and_opens_it_or_says_why_not() {
    use tandem_core::{Tandem, TandemAction, Told, View};
    let bank = Bank::default_bank();
    let workshop = in_assessment();
    let code = code_for(&workshop, 9, Role::It, 5);
    let told = |state: &Tandem, text: &str| {
        let step = state
            .step(&bank, TandemAction::ReceiveLink(text.into()))
            .unwrap();
        let Some(Told::Linked(linked)) = step.told else {
            panic!("told {:?}", step.told);
        };
        (step.state, linked)
    };
    let empty = Tandem::default();
    assert_eq!(told(&empty, &code).1, Linked::NoWorkshop);
    assert!(matches!(told(&empty, "12345").1, Linked::Unreadable(_)));
    let saved = Tandem {
        workshops: Workshops::default().with(workshop.clone()),
        ..Tandem::default()
    };
    let (after, linked) = told(&saved, &code);
    let after = after.unwrap();
    assert_eq!(after.view, View::Workshop(workshop.id.clone()));
    assert_eq!(after.workshops.list[0].respondents.len(), 1);
    assert!(matches!(
        linked,
        Linked::Arrived {
            arrival: Arrival::New,
            ..
        }
    ));
    let (_, again) = told(&after, &code);
    assert!(matches!(
        again,
        Linked::Arrived {
            arrival: Arrival::Same,
            ..
        }
    ));
    let mut elsewhere = workshop.clone();
    elsewhere.id = "another".into();
    let foreign = code_for(&elsewhere, 9, Role::It, 5);
    assert!(matches!(
        told(&saved, &foreign).1,
        Linked::OtherWorkshop { .. }
    ));
    let (english, german) = (tandem_core::i18n::Locale::En, tandem_core::i18n::Locale::De);
    let foreign = told(&saved, &foreign).1;
    assert!(
        foreign
            .message(english)
            .contains("not saved in this browser")
    );
    assert_ne!(foreign.message(german), foreign.message(english));
}

#[test]
fn a_proposal_is_one_action_owned_by_both_and_reviewed_in_six_weeks() {
    use tandem_core::norms::{Norms, Owner, PROPOSER, Status};
    let bank = Bank::default_bank();
    let today = date();
    let proposed = Norms::default()
        .apply(
            &bank,
            NormsAction::Propose {
                id: "n1".into(),
                dimension: bank.dimensions[0].id.clone(),
                text: "Share the KPI sheet weekly".into(),
                today,
            },
        )
        .unwrap()
        .unwrap();
    let norm = &proposed.ideas[0];
    assert_eq!(norm.drafts[0].author, PROPOSER);
    let agreement = norm.agreement.clone().unwrap();
    assert_eq!(agreement.owner, Owner::Both);
    assert_eq!(agreement.status, Status::Proposed);
    assert_eq!(agreement.review, today + chrono::Days::new(42));
    let refused = Norms::default().apply(
        &bank,
        NormsAction::Propose {
            id: "n2".into(),
            dimension: bank.dimensions[0].id.clone(),
            text: "  ".into(),
            today,
        },
    );
    assert_eq!(refused, Err(NormsError::EmptyText));
}

/// A code that decodes but holds answers the workshop cannot take (an estimate from someone of
/// another function, which no Tandem writes) is refused, never reported as added.
#[test]
fn a_sound_code_the_workshop_cannot_take_is_refused_not_reported_as_added() {
    use tandem_core::code;
    let workshop = in_assessment();
    let mut respondent = Respondent::new(code::respondent_id(5), Role::Other);
    respondent.estimates.insert(
        workshop.bank.dimensions[0].id.clone(),
        Rating::new(3).unwrap(),
    );
    let text = code::encode(
        &workshop.bank,
        &code::Response {
            round: code::Round::First,
            workshop: code::workshop_code(&workshop.id),
            key: 5,
            respondent,
        },
    );
    let (after, received) = workshop.receive(&text);
    assert!(after.respondents.is_empty());
    assert!(
        matches!(received[..], [Received::Refused { .. }]),
        "{received:?}"
    );
    let saved = Workshops::default().with(workshop.clone());
    let (changed, linked) = saved.receive_link(&workshop.bank, &text);
    assert_eq!(changed, None);
    assert!(matches!(linked, Linked::Unreadable(_)), "{linked:?}");
}

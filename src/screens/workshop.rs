//! The facilitator's view of one workshop: the agenda, the current phase's script and timer, the
//! count of answers (never the answers), the reveal of the group's friction report, the norms
//! phases (in `screens::brainstorm`), and export.

use tandem_core::dates::iso_date;
use tandem_core::document::groups_visible;
use tandem_core::history::Run;
use tandem_core::scoring::Report;
use tandem_core::workshop::{Receipt, read_date_and_threshold};
use tandem_core::{
    Bank, Figures, Phase, Role, Slide, View, Workshop, WorkshopAction, WorkshopError,
};
use yew::prelude::*;

use crate::browser;
use crate::components::report::{
    ReportExports, Trend, after_discussion, charts, figure_row, hotspots, indices, level_text,
};
use crate::components::{
    Countdown, CountdownControls, Details, details_fields, field_id, use_clock,
};
use crate::hooks::{use_convergence, use_report};
use crate::hooks::{use_focus_on_change, use_focus_on_mount};
use crate::routes::Route;
use crate::screens::brainstorm::{NormsPhase, agreement};
use crate::screens::collect::CollectRound;
use crate::screens::rerate::RerateRound;
use crate::screens::workshops::answer_counts;
use crate::setup::{Words, use_setup, use_words};

#[derive(Properties, PartialEq)]
pub struct FacilitatorViewProps {
    pub workshop: Workshop,
    /// Every saved workshop as a run, for the trend.
    pub runs: Vec<Run>,
    pub refusal: Option<String>,
    /// Changes this workshop: bound to it by the root.
    pub on_action: Callback<WorkshopAction>,
    /// Take over the turn open in another tab or window.
    pub on_take_over: Callback<()>,
    /// What the last paste into the box of codes did.
    pub receipt: Option<(u32, Receipt)>,
    pub on_open: Callback<View>,
}

#[component]
pub fn FacilitatorView(props: &FacilitatorViewProps) -> Html {
    let setup = use_setup();
    let words = setup.words;
    let heading = use_focus_on_mount();
    let export_failed = use_state_eq(|| false);
    let workshop = &props.workshop;
    // A new phase, or the results revealed: focus and scroll go to the phase's heading.
    let phase_heading = use_focus_on_change((workshop.current, workshop.revealed));
    let act = |action: fn() -> WorkshopAction| props.on_action.reform(move |()| action());
    let act_at = |action: fn(u64) -> WorkshopAction| {
        props.on_action.reform(move |()| action(browser::now_ms()))
    };
    let controls = CountdownControls {
        on_start: act_at(|now_ms| WorkshopAction::StartTimer { now_ms }),
        on_pause: act_at(|now_ms| WorkshopAction::PauseTimer { now_ms }),
        on_extend: act_at(|now_ms| WorkshopAction::ExtendTimer {
            by_ms: 60_000,
            now_ms,
        }),
        on_reset: act(|| WorkshopAction::ResetTimer),
    };
    let on_export = {
        let (workshop, export_failed) = (workshop.clone(), export_failed.clone());
        Callback::from(move |_: MouseEvent| {
            export_failed.set(crate::offer_document(workshop.document(), &workshop.name).is_err());
        })
    };
    let phase = workshop.phase();
    let previous = workshop
        .current
        .checked_sub(1)
        .and_then(|i| workshop.phases.get(i));
    let next = workshop.phases.get(workshop.current + 1);
    html! {
        <section class="screen facilitator" aria-labelledby={words.region("workshop-title")}>
            <p>
                <button type="button" class="link"
                        onclick={props.on_open.reform(|_: MouseEvent| View::Workshops)}>
                    {words.t("workshop.all")}
                </button>
            </p>
            {words.heading(1, &workshop.name).id("workshop-title").focusable(heading)}
            <p class="workshop-meta">
                {words.date(workshop.date)}{" \u{b7} "}{answer_counts(words, workshop)}
            </p>
            if let Some(refusal) = &props.refusal {
                <p class="refusal" role="alert">{refusal}</p>
            }
            // This view shows only when this tab does not hold the open turn: it is elsewhere.
            if workshop.turn.is_some() {
                <div class="note turn-elsewhere" role="status">
                    <p>{words.t("workshop.turn-elsewhere")}</p>
                    <button type="button" class="button"
                            onclick={props.on_take_over.reform(|_: MouseEvent| ())}>
                        {words.t("workshop.take-over-turn")}
                    </button>
                </div>
            }
            <Agenda workshop={workshop.clone()} on_action={props.on_action.clone()} />
            <section class="phase" aria-labelledby={words.region("phase-title")}>
                <p class="step-label">{words.f("workshop.phase-of", &[("n", &(workshop.current + 1)), ("total", &workshop.phases.len())])}</p>
                {words.heading(2, phase.title(words.0)).id("phase-title").focusable(phase_heading)}
                <p class="phase-duration">{words.f("workshop.about-minutes", &[("minutes", &phase.minutes())])}</p>
                <Countdown timer={workshop.timer} phase={phase.title(words.0)} controls={Some(controls)} />
                <label class="check auto-timer">
                    <input type="checkbox" checked={workshop.auto_timer}
                           onchange={{
                               let on = !workshop.auto_timer;
                               props.on_action.reform(move |_: Event| WorkshopAction::SetAutoTimer(on))
                           }} />
                    {" "}{words.t("workshop.auto-timer")}
                </label>
                <RoomControl workshop={workshop.clone()} on_action={props.on_action.clone()} />
                {words.heading(3, words.t("workshop.script"))}
                <ul class="script">
                    for line in phase.script(words.0) {
                        <li>{line}</li>
                    }
                </ul>
                {phase_content(words, workshop, &props.runs, &props.on_action, props.receipt.as_ref())}
            </section>
            <div class="step-actions">
                if let Some(previous) = previous {
                    <button type="button" class="button" onclick={act_at(|now_ms| WorkshopAction::PreviousPhase { now_ms }).reform(|_: MouseEvent| ())}>
                        {words.f("workshop.back-to", &[("phase", &previous.title(words.0))])}
                    </button>
                } else {
                    <span></span>
                }
                if let Some(next) = next {
                    <button type="button" class="button primary" onclick={act_at(|now_ms| WorkshopAction::NextPhase { now_ms }).reform(|_: MouseEvent| ())}>
                        {words.f("assessment.next", &[("dimension", &next.title(words.0))])}
                    </button>
                }
            </div>
            <EditDetails key={workshop.id.clone()} workshop={workshop.clone()} on_action={props.on_action.clone()} />
            <div class="report-actions">
                <a class="button" href={setup.address(&Route::Presenter(workshop.id.clone()).to_hash())} target="tandem-presenter">
                    {words.t("workshop.open-presenter")}
                </a>
                <button type="button" class="button" onclick={on_export}>{words.t("workshop.export")}</button>
            </div>
            if *export_failed {
                <p class="refusal" role="alert">{words.t("notice.download-failed")}</p>
            }
        </section>
    }
}

/// The report's exports, offered once the results are revealed.
fn exports(words: Words, workshop: &Workshop) -> Html {
    html! {
        <ReportExports
            document={workshop.document()}
            name={workshop.name.clone()}
            heading={words.f("workshop.report-heading", &[("name", &workshop.name)])}
            source={workshop.name.clone()}
            sheet={Route::Report(workshop.id.clone()).to_hash()}
        />
    }
}

fn phase_content(
    words: Words,
    workshop: &Workshop,
    runs: &[Run],
    on_action: &Callback<WorkshopAction>,
    receipt: Option<&(u32, Receipt)>,
) -> Html {
    let act = move |action: WorkshopAction| on_action.reform(move |_: MouseEvent| action.clone());
    match workshop.phase() {
        Phase::Welcome => Html::default(),
        Phase::Assessment => html! {
            <div class="phase-content">
                <CollectRound workshop={workshop.clone()} on_action={on_action.clone()} receipt={receipt.cloned()} />
            </div>
        },
        Phase::Rerate => html! {
            <RerateRound workshop={workshop.clone()} on_action={on_action.clone()} receipt={receipt.cloned()} />
        },
        Phase::Brainstorm | Phase::Vote | Phase::Rank | Phase::Agree => html! {
            <NormsPhase workshop={workshop.clone()} on_action={on_action.clone()} />
        },
        // The summary: the two indices, what was agreed and the files to send round; the
        // whole report stays one click away, in the reveal.
        Phase::Summary if workshop.revealed => html! {
            <>
                {exports(words, workshop)}
                <SummaryIndices workshop={workshop.clone()} />
                {agreement(words, workshop, &workshop.bank)}
                {exports(words, workshop)}
            </>
        },
        Phase::Reveal if workshop.revealed => html! {
            <>
                {exports(words, workshop)}
                <RevealReport workshop={workshop.clone()} runs={runs.to_vec()} />
                {exports(words, workshop)}
            </>
        },
        Phase::Reveal | Phase::Summary => html! {
            <div class="phase-content">
                <p>{words.f("workshop.hidden-until-reveal", &[("counts", &answer_counts(words, workshop))])}</p>
                if !groups_visible(workshop.counts(), workshop.threshold) {
                    <p class="note">
                        {words.f("workshop.will-stay-hidden", &[("threshold", &workshop.threshold)])}
                    </p>
                }
                if workshop.has_answers() {
                    <button type="button" class="button primary big" onclick={act(WorkshopAction::Reveal)}>
                        {words.t("workshop.reveal")}
                    </button>
                } else {
                    <p class="note">{words.t("error.workshop.nothing-to-reveal")}</p>
                }
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
struct SummaryIndicesProps {
    workshop: Workshop,
}

/// The two indices alone, for the summary.
#[component]
fn SummaryIndices(props: &SummaryIndicesProps) -> Html {
    let words = use_words();
    let report = use_report(&props.workshop);
    indices(words, &report)
}

#[derive(Properties, PartialEq)]
pub struct RevealReportProps {
    pub workshop: Workshop,
    /// Every saved workshop as a run, for the trend against earlier workshops of the same bank.
    #[prop_or_default]
    pub runs: Vec<Run>,
}

/// The group's friction report with Marketing and IT side by side, within the privacy threshold.
#[component]
pub fn RevealReport(props: &RevealReportProps) -> Html {
    let words = use_words();
    let report = use_report(&props.workshop);
    let convergence = use_convergence(&props.workshop, &report);
    let workshop = &props.workshop;
    let visible = report.roles_known;
    let bank = workshop.bank.clone();
    let current = Run::from_report(
        workshop.id.clone(),
        workshop.date,
        &workshop.bank,
        &report,
        &workshop.norms,
    );
    html! {
        <div class="reveal">
            {indices(words, &report)}
            {charts(words, &workshop.bank, &report, visible, "workshop")}
            {hotspots(words, &workshop.bank, &report)}
            if let Some(convergence) = convergence {
                {after_discussion(words, &workshop.bank, &convergence, workshop.threshold, false)}
            }
            <Trend bank={bank} {current} runs={props.runs.clone()} />
            {breakdown(words, &workshop.bank, &report, visible, workshop.threshold)}
        </div>
    }
}

fn breakdown(words: Words, bank: &Bank, report: &Report, visible: bool, threshold: u8) -> Html {
    let hidden = words.f("workshop.hidden-figure", &[("threshold", &threshold)]);
    let missing = words.t("chart.not-available");
    let no_answers = words.t("workshop.no-answers");
    html! {
        <section class="dimensions" aria-labelledby={words.region("breakdown-title")}>
            {words.heading(2, words.t("workshop.breakdown")).id("breakdown-title")}
            if !visible {
                <p class="note">{words.f("workshop.figures-are", &[("threshold", &threshold)])}</p>
            }
            <ul class="dimension-list">
                for (dimension, figures) in bank.dimensions.iter().zip(&report.dimensions) {
                    <li class="dimension" key={dimension.id.clone()}>
                        {words.heading(3, &dimension.title)}
                        if figures.is_assessed() {
                            <p class="dimension-level">{words.f("report.level", &[("level", &level_text(words, figures.level()))])}</p>
                            <dl class="figures">
                                {figure_row(words, words.t("figure.score"), figures.score, 100.0, "score", missing)}
                                if visible {
                                    {figure_row(words, words.t("role.marketing"), figures.marketing, 100.0, "score", no_answers)}
                                    {figure_row(words, words.t("role.it"), figures.it, 100.0, "score", no_answers)}
                                    {figure_row(words, words.t("figure.gap"), figures.gap, 100.0, "friction", missing)}
                                } else {
                                    <div class="figure">
                                        <dt>{words.t("workshop.marketing-it-gap")}</dt>
                                        <dd><span class="hidden-figure">{&hidden}</span></dd>
                                    </div>
                                }
                                {figure_row(words, words.t("figure.spread"), figures.spread, 50.0, "friction", missing)}
                                {figure_row(words, words.t("figure.friction"), figures.friction, 100.0, "friction", missing)}
                            </dl>
                            if visible {
                                {perception(words, figures)}
                            }
                        } else {
                            <p class="not-assessed">{words.t("workshop.nobody-answered")}</p>
                        }
                    </li>
                }
            </ul>
        </section>
    }
}

/// "IT thinks Marketing rates this 40; Marketing actually rates it 65", both ways.
fn perception(words: Words, figures: &Figures) -> Html {
    let sentence = |guesser: Role, side: Role, guess: Option<f64>, actual: Option<f64>| {
        guess.zip(actual).map(|(guess, actual)| {
            words.f(
                "workshop.perception",
                &[
                    ("guesser", &words.role(guesser)),
                    ("side", &words.role(side)),
                    ("guess", &words.figure(guess)),
                    ("actual", &words.figure(actual)),
                ],
            )
        })
    };
    let lines: Vec<String> = [
        sentence(
            Role::It,
            Role::Marketing,
            figures.marketing_as_seen_by_it,
            figures.marketing,
        ),
        sentence(
            Role::Marketing,
            Role::It,
            figures.it_as_seen_by_marketing,
            figures.it,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <>
            for line in lines {
                <p class="perception">{line}</p>
            }
            if let Some(gap) = figures.perception_gap {
                <p class="perception">{words.f("workshop.perception-gap", &[("gap", &words.figure(gap))])}</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct EditDetailsProps {
    workshop: Workshop,
    on_action: Callback<WorkshopAction>,
}

/// Rename the workshop and change its date, threshold and phases. Each change goes through the
/// core's validation; a refusal is shown at the top of the view.
#[component]
fn EditDetails(props: &EditDetailsProps) -> Html {
    let words = use_words();
    let workshop = &props.workshop;
    let name = use_state(|| workshop.name.clone());
    let date = use_state(|| iso_date(workshop.date));
    let threshold = use_state(|| workshop.threshold.to_string());
    let problem = use_state(|| None::<WorkshopError>);
    let root = use_setup().root;
    let onsubmit = {
        let (name, date, threshold, problem) = (
            name.clone(),
            date.clone(),
            threshold.clone(),
            problem.clone(),
        );
        let (on_action, current) = (props.on_action.clone(), workshop.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            // Checked here as well as in the reducer, so the refusal sits by its field.
            let checked = read_date_and_threshold(&date, &threshold).and_then(|(day, k)| {
                let action = WorkshopAction::EditDetails {
                    name: (*name).clone(),
                    date: day,
                    threshold: k,
                };
                current.apply(action.clone()).map(|_| action)
            });
            match checked {
                Ok(action) => {
                    problem.set(None);
                    on_action.emit(action);
                }
                Err(error) => {
                    if let Some(field) = error.field() {
                        browser::focus_by_id_after_render(root.clone(), field_id("edit", field));
                    }
                    problem.set(Some(error));
                }
            }
        })
    };
    let details = Details {
        prefix: "edit",
        name: &name,
        date: &date,
        threshold: &threshold,
        problem: problem.as_ref(),
        threshold_help: None,
    };
    let toggle_phase = |phase: Phase| {
        let (on_action, phases) = (props.on_action.clone(), workshop.phases.clone());
        Callback::from(move |_: Event| {
            on_action.emit(WorkshopAction::SetPhases(phase.toggled_in(&phases)));
        })
    };
    html! {
        <details class="edit-details">
            <summary>{words.t("workshop.details")}</summary>
            <form onsubmit={onsubmit} novalidate=true>
                {details_fields(words, &details)}
                <button type="submit" class="button">{words.t("workshop.save-details")}</button>
                <fieldset class="field phases">
                    <legend>{words.t("workshop.phases")}</legend>
                    for phase in Phase::ALL {
                        <label class="check">
                            <input type="checkbox" checked={workshop.phases.contains(&phase)}
                                   onchange={toggle_phase(phase)} />
                            {" "}{phase.title(words.0)}
                        </label>
                    }
                </fieldset>
            </form>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct AgendaProps {
    workshop: Workshop,
    on_action: Callback<WorkshopAction>,
}

/// The agenda as a stepper: every phase done, current or to come, with its planned minutes, the
/// plan's total and the time used so far. Each phase is a button that goes there.
#[component]
fn Agenda(props: &AgendaProps) -> Html {
    let words = use_words();
    let workshop = &props.workshop;
    let now = use_clock(workshop.began_ms.is_some(), 15_000);
    let minutes = |count: u64| {
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        words.0.count("count.minute", "count.minutes", count)
    };
    let planned = minutes(u64::from(workshop.planned_minutes()));
    let time = match workshop.used_ms(now) {
        Some(ms) => words.f(
            "workshop.agenda-used",
            &[("planned", &planned), ("used", &minutes(ms / 60_000))],
        ),
        None => words.f("workshop.agenda-planned", &[("planned", &planned)]),
    };
    html! {
        <nav class="agenda" aria-labelledby="agenda-title">
            {words.heading(2, words.t("workshop.agenda")).id("agenda-title").class("agenda-title")}
            <p class="agenda-time">{time}</p>
            <ol class="stepper">
                for (index, each) in workshop.phases.iter().enumerate() {
                    <li key={format!("{each:?}")} class={classes!("step", step_class(index, workshop.current))}>
                        <button type="button" class="step-button"
                                aria-current={(index == workshop.current).then_some("step")}
                                onclick={{
                                    props.on_action.reform(move |_: MouseEvent| WorkshopAction::GoToPhase { index, now_ms: browser::now_ms() })
                                }}>
                            <span class="step-mark" aria-hidden="true">
                                { if index < workshop.current { "\u{2713}".to_owned() } else { (index + 1).to_string() } }
                            </span>
                            <span class="step-name">{each.title(words.0)}</span>
                            <span class="step-meta">
                                {words.f("workshop.step-minutes", &[("minutes", &each.minutes())])}
                                <span class="visually-hidden">
                                    {", "}{words.t(step_status(index, workshop.current))}
                                </span>
                            </span>
                        </button>
                    </li>
                }
            </ol>
        </nav>
    }
}

fn step_class(index: usize, current: usize) -> &'static str {
    match index.cmp(&current) {
        std::cmp::Ordering::Less => "done",
        std::cmp::Ordering::Equal => "current",
        std::cmp::Ordering::Greater => "upcoming",
    }
}

fn step_status(index: usize, current: usize) -> &'static str {
    match index.cmp(&current) {
        std::cmp::Ordering::Less => "workshop.step-done",
        std::cmp::Ordering::Equal => "workshop.step-current",
        std::cmp::Ordering::Greater => "workshop.step-upcoming",
    }
}

#[derive(Properties, PartialEq)]
struct RoomControlProps {
    workshop: Workshop,
    on_action: Callback<WorkshopAction>,
}

/// What the presenter view shows now, and the buttons that step the room through the phase's
/// slides. Shown only where a phase has more than one.
#[component]
fn RoomControl(props: &RoomControlProps) -> Html {
    let words = use_words();
    let workshop = &props.workshop;
    let slides = workshop.slides();
    if slides.len() < 2 {
        return Html::default();
    }
    let step = |action: WorkshopAction| props.on_action.reform(move |_: MouseEvent| action.clone());
    let at = workshop.shown.min(slides.len() - 1);
    let next = slides.get(at + 1);
    html! {
        <div class="room-control" role="group" aria-labelledby="room-title">
            {words.heading(3, words.t("room.title")).id("room-title")}
            <p aria-live="polite">
                {words.f("room.now", &[
                    ("slide", &slide_name(words, &workshop.bank, workshop.slide())),
                    ("n", &(at + 1)),
                    ("total", &slides.len()),
                ])}
            </p>
            // Both buttons stay in the page at either end (aria-disabled, and the core does
            // nothing), so focus is never dropped from under the keyboard.
            <div class="room-buttons">
                <button type="button" class="button" aria-disabled={(at == 0).then_some("true")}
                        onclick={step(WorkshopAction::ShowPrevious)}>
                    {words.t("room.back")}
                </button>
                <button type="button" class="button primary" aria-disabled={next.is_none().then_some("true")}
                        onclick={step(WorkshopAction::ShowNext)}>
                    {match next {
                        Some(next) => words.f("room.next", &[("slide", &slide_name(words, &workshop.bank, *next))]),
                        None => words.t("room.last").to_owned(),
                    }}
                </button>
            </div>
        </div>
    }
}

/// A slide's name for the facilitator: "Hotspot: Shared goals".
fn slide_name(words: Words, bank: &Bank, slide: Slide) -> String {
    match slide {
        Slide::Hotspot(d) => words.f(
            "room.hotspot",
            &[(
                "dimension",
                &bank.dimensions.get(d).map_or("", |d| d.title.as_str()),
            )],
        ),
        Slide::Welcome => words.t("room.welcome").to_owned(),
        Slide::Join => words.t("room.join").to_owned(),
        Slide::JoinAgain => words.t("room.join-again").to_owned(),
        Slide::Waiting => words.t("room.waiting").to_owned(),
        Slide::Indices => words.t("room.indices").to_owned(),
        Slide::NoHotspots => words.t("room.no-hotspots").to_owned(),
        Slide::Dimensions => words.t("room.dimensions").to_owned(),
        Slide::Ideas => words.t("room.ideas").to_owned(),
        Slide::Votes => words.t("room.votes").to_owned(),
        Slide::Ranking => words.t("room.ranking").to_owned(),
        Slide::Agreement => words.t("room.agreement").to_owned(),
        Slide::AfterDiscussion => words.t("room.after-discussion").to_owned(),
        Slide::Summary => words.t("room.summary").to_owned(),
    }
}

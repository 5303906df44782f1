//! One step of the assessment: the statements of one dimension, the optional estimate of how the
//! other function sees it, progress, and the ways to move on.

use std::rc::Rc;

use tandem_core::assessment::Journey;
use tandem_core::{Action, Bank, Screen};
use yew::prelude::*;

use crate::browser;
use crate::components::likert::first_option_id;
use crate::components::{Choice, LikertScale, Scale, StartOverButton};
use crate::setup::use_words;

#[derive(Properties, PartialEq)]
pub struct AssessmentStepProps {
    pub bank: Rc<Bank>,
    /// The journey on one of its steps (on any other screen, nothing is shown).
    pub journey: Journey,
    /// What the person did, as the core's journey action; the owner of the journey applies it.
    pub on_action: Callback<Action>,
    /// The last step's button; "See my report" unless given.
    #[prop_or_default]
    pub finish_label: Option<AttrValue>,
    /// Whether "Start over" is offered; a participant's turn has "Cancel this turn" instead.
    #[prop_or(true)]
    pub can_start_over: bool,
    /// Whether "how would the other function rate this?" is asked; not in a second round.
    #[prop_or(true)]
    pub estimates: bool,
}

fn item_field(item_id: &str) -> String {
    format!("item-{item_id}")
}

#[component]
pub fn AssessmentStep(props: &AssessmentStepProps) -> Html {
    let words = use_words();
    let root = crate::setup::use_setup().root;
    let bank = &props.bank;
    // The core fits every stored step to its bank; a step past the end still shows the last one
    // rather than stopping the page. A valid bank has at least one dimension.
    let last_step = bank.dimensions.len().saturating_sub(1);
    let (Screen::Step(step), Some(respondent)) = (props.journey.screen, &props.journey.respondent)
    else {
        return Html::default();
    };
    let step = step.min(last_step);
    let Some(dimension) = bank.dimensions.get(step) else {
        return Html::default();
    };
    let progress = props.journey.progress(bank);

    // Focus goes to the heading on each new step, or to the statement that "go to the first
    // unanswered statement" is heading for.
    let heading = use_node_ref();
    let pending_focus = use_mut_ref(|| None::<String>);
    {
        let heading = heading.clone();
        let pending_focus = pending_focus.clone();
        let root = root.clone();
        use_effect_with(step, move |_| {
            if let Some(item_id) = pending_focus.borrow_mut().take() {
                browser::focus_by_id(root.as_ref(), &first_option_id(&item_field(&item_id)));
            } else {
                browser::focus_node(&heading);
            }
        });
    }

    let first_unanswered = respondent
        .first_unanswered(bank)
        .map(|(step, item)| (step, item.id.clone()));
    let unanswered = progress.total - progress.answered;
    let on_jump = {
        let pending_focus = pending_focus.clone();
        let on_action = props.on_action.clone();
        let target = first_unanswered.clone();
        let current = step;
        Callback::from(move |_: MouseEvent| {
            if let Some((step, item_id)) = target.clone() {
                if step == current {
                    browser::focus_by_id(root.as_ref(), &first_option_id(&item_field(&item_id)));
                } else {
                    *pending_focus.borrow_mut() = Some(item_id);
                    on_action.emit(Action::GoTo(Screen::Step(step)));
                }
            }
        })
    };

    let next_label = match bank.dimensions.get(step + 1) {
        Some(next) => words.f("assessment.next", &[("dimension", &next.title)]),
        None => props.finish_label.as_ref().map_or_else(
            || words.t("assessment.see-report").to_owned(),
            ToString::to_string,
        ),
    };
    let other_side = respondent.role.other_side().filter(|_| props.estimates);

    html! {
        <section class="screen assessment" aria-labelledby={words.region("step-title")}>
            <p class="step-label">
                {words.f("assessment.step", &[("step", &(step + 1)), ("steps", &bank.dimensions.len())])}
            </p>
            {words.heading(1, &dimension.title).id("step-title").focusable(heading)}
            if !dimension.summary.is_empty() {
                <p class="summary">{&dimension.summary}</p>
            }
            <div class="progress">
                <label for="progress">
                    {words.f("assessment.answered", &[
                        ("answered", &progress.answered),
                        ("total", &progress.total),
                    ])}
                </label>
                <progress
                    id="progress"
                    max={progress.total.to_string()}
                    value={progress.answered.to_string()}
                />
            </div>
            <p class="instructions">
                {words.t("assessment.instructions")}
            </p>
            for item in &dimension.items {
                <LikertScale
                    key={item.id.clone()}
                    name={item_field(&item.id)}
                    legend={item.text.clone()}
                    value={Choice::of_answer(respondent.answers.get(&item.id))}
                    on_answer={
                        let item_id = item.id.clone();
                        props.on_action.reform(move |answer| Action::Answer { item: item_id.clone(), answer })
                    }
                />
            }
            if let Some(other) = other_side {
                <LikertScale
                    key={format!("estimate-{}", dimension.id)}
                    name={format!("estimate-{}", dimension.id)}
                    legend={words.f("assessment.estimate", &[("other", &words.role(other))])}
                    scale={Scale::Estimate}
                    value={Choice::of_estimate(respondent.estimates.get(&dimension.id))}
                    on_answer={
                        let dimension_id = dimension.id.clone();
                        props.on_action.reform(move |estimate| Action::Estimate { dimension: dimension_id.clone(), estimate })
                    }
                />
            }
            <div class="step-actions">
                <button type="button" class="button" onclick={props.on_action.reform(|_: MouseEvent| Action::Back)}>
                    {words.t("assessment.back")}
                </button>
                <button type="button" class="button primary"
                        onclick={props.on_action.reform(|_: MouseEvent| Action::Next)}>
                    {next_label}
                </button>
            </div>
            if unanswered > 0 {
                <p class="unanswered">
                    <button type="button" class="link" onclick={on_jump}>
                        {words.f("assessment.first-unanswered", &[("left", &unanswered)])}
                    </button>
                </p>
            }
            <nav class="dimension-nav" aria-label={words.t("assessment.dimensions")}>
                {words.heading(2, words.t("assessment.all-dimensions")).class("nav-title")}
                <ol>
                    for (index, each) in bank.dimensions.iter().enumerate() {
                        <li key={each.id.clone()}>
                            <button
                                type="button"
                                class="link"
                                aria-current={(index == step).then_some("step")}
                                onclick={props.on_action.reform(move |_: MouseEvent| Action::GoTo(Screen::Step(index)))}
                            >
                                {&each.title}
                                <span class="count">
                                    {" "}{words.f("assessment.count", &[
                                        ("answered", &respondent.answered_in(each)),
                                        ("total", &each.items.len()),
                                    ])}
                                </span>
                            </button>
                        </li>
                    }
                </ol>
            </nav>
            if props.can_start_over {
                <div class="danger-zone">
                    <StartOverButton on_confirm={props.on_action.reform(|()| Action::StartOver)} />
                </div>
            }
        </section>
    }
}

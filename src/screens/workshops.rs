//! The facilitator's list of saved workshops: create one, open, duplicate, delete, and import a
//! workshop file. Validation is the core's; this screen collects input and shows refusals.

use std::rc::Rc;

use tandem_core::dates::iso_date;
use tandem_core::embed::Mode;
use tandem_core::scoring::RoleCounts;
use tandem_core::workshop::{Field, read_date_and_threshold};
use tandem_core::{
    Bank, OnConflict, Phase, TandemAction, View, Workshop, WorkshopDocument, WorkshopError,
    Workshops,
};
use yew::prelude::*;

use crate::browser;
use crate::components::{ConfirmButton, Details, details_fields, field_id, field_state};
use crate::hooks::use_focus_on_mount;
use crate::setup::{Setup, Words, use_setup, use_words};

#[derive(Properties, PartialEq)]
pub struct WorkshopListProps {
    pub bank: Rc<Bank>,
    pub workshops: Workshops,
    /// Why the last change was refused, if it was.
    pub refusal: Option<String>,
    pub on_action: Callback<TandemAction>,
    pub on_open: Callback<View>,
}

/// "5 Marketing · 4 IT · 1 other", or that nobody has answered.
#[must_use]
pub fn answer_counts(words: Words, workshop: &Workshop) -> String {
    role_counts(words, workshop.counts())
}

/// As [`answer_counts`], for either round's counts.
#[must_use]
pub fn role_counts(words: Words, counts: RoleCounts) -> String {
    if counts.total() == 0 {
        return words.t("workshops.no-answers").to_owned();
    }
    words.f(
        "workshops.counts",
        &[
            ("marketing", &counts.marketing),
            ("it", &counts.it),
            ("other", &counts.other),
        ],
    )
}

#[component]
pub fn WorkshopList(props: &WorkshopListProps) -> Html {
    let Setup { words, mode, .. } = use_setup();
    let heading = use_focus_on_mount();
    // A deleted workshop takes its buttons with it: focus goes to the list's heading instead
    // of falling to the page's body.
    let saved_heading = use_node_ref();
    {
        let (saved_heading, count) = (saved_heading.clone(), props.workshops.list.len());
        let before = use_mut_ref(|| count);
        use_effect_with(count, move |&count| {
            if count < std::mem::replace(&mut *before.borrow_mut(), count) {
                browser::focus_node(&saved_heading);
            }
        });
    }
    html! {
        <section class="screen workshops" aria-labelledby={words.region("workshops-title")}>
            if mode == Mode::Both {
                <p>
                    <button type="button" class="link"
                            onclick={props.on_open.reform(|_: MouseEvent| View::SelfAssessment)}>
                        {words.t("workshops.back")}
                    </button>
                </p>
            }
            {words.heading(1, words.t("workshops.title")).id("workshops-title").focusable(heading)}
            <p class="lead">
                {words.t("workshops.lead")}
            </p>
            if let Some(refusal) = &props.refusal {
                <p class="refusal" role="alert">{refusal}</p>
            }
            {words.heading(2, words.t("workshops.saved")).id("saved-title").focusable(saved_heading)}
            if props.workshops.list.is_empty() {
                <p>{words.t("workshops.none")}</p>
            } else {
                <ul class="workshop-list">
                    for workshop in &props.workshops.list {
                        {saved_workshop(words, workshop, &props.on_action, &props.on_open)}
                    }
                </ul>
            }
            <CreateWorkshop bank={props.bank.clone()} on_action={props.on_action.clone()} />
            <ImportWorkshop workshops={props.workshops.clone()} on_action={props.on_action.clone()} />
        </section>
    }
}

fn saved_workshop(
    words: Words,
    workshop: &Workshop,
    on_action: &Callback<TandemAction>,
    on_open: &Callback<View>,
) -> Html {
    let id = workshop.id.clone();
    let status = if workshop.revealed {
        words.f(
            "workshops.revealed",
            &[("phase", &workshop.phase().title(words.0))],
        )
    } else {
        workshop.phase().title(words.0).to_owned()
    };
    html! {
        <li class="workshop-card" key={id.clone()}>
            {words.heading(3, &workshop.name)}
            <p class="workshop-meta">
                {words.date(workshop.date)}
                {" \u{b7} "}{answer_counts(words, workshop)}{" \u{b7} "}{status}
            </p>
            <div class="workshop-actions">
                <button type="button" class="button primary"
                        aria-label={words.f("workshops.open-name", &[("name", &workshop.name)])}
                        onclick={on_open.reform({ let id = id.clone(); move |_: MouseEvent| View::Workshop(id.clone()) })}>
                    {words.t("workshops.open")}
                </button>
                <button type="button" class="button"
                        aria-label={words.f("workshops.duplicate-name", &[("name", &workshop.name)])}
                        onclick={on_action.reform({
                            let id = id.clone();
                            move |_: MouseEvent| TandemAction::Duplicate {
                                id: id.clone(),
                                new_id: browser::random_id(),
                                locale: words.0,
                            }
                        })}>
                    {words.t("workshops.duplicate")}
                </button>
                <ConfirmButton
                    label={words.t("norms.delete")}
                    name={words.f("workshops.delete-name", &[("name", &workshop.name)])}
                    question={words.f("workshops.delete-question", &[("name", &workshop.name)])}
                    confirm_label={words.t("workshops.delete-confirm")}
                    on_confirm={on_action.reform(move |()| TandemAction::Delete(id.clone()))}
                />
            </div>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct CreateWorkshopProps {
    bank: Rc<Bank>,
    on_action: Callback<TandemAction>,
}

/// The form for a new workshop. Its fields are transient until submitted.
#[component]
fn CreateWorkshop(props: &CreateWorkshopProps) -> Html {
    let words = use_words();
    let name = use_state(String::new);
    let date = use_state(|| iso_date(browser::today()));
    let threshold = use_state(|| tandem_core::document::DEFAULT_THRESHOLD.to_string());
    let phases = use_state(|| Phase::USUAL.to_vec());
    let problem = use_state(|| None::<WorkshopError>);
    let root = use_setup().root;

    let onsubmit = {
        let (name, date, threshold, phases, problem) = (
            name.clone(),
            date.clone(),
            threshold.clone(),
            phases.clone(),
            problem.clone(),
        );
        let (bank, on_action) = (props.bank.clone(), props.on_action.clone());
        let refuse = move |problem: &UseStateHandle<Option<WorkshopError>>,
                           error: WorkshopError| {
            if let Some(field) = error.field() {
                browser::focus_by_id_after_render(root.clone(), field_id("workshop", field));
            }
            problem.set(Some(error));
        };
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (day, k) = match read_date_and_threshold(&date, &threshold) {
                Ok(fields) => fields,
                Err(error) => return refuse(&problem, error),
            };
            let setup = tandem_core::workshop::Setup {
                name: (*name).clone(),
                date: day,
                threshold: k,
                phases: (*phases).clone(),
            };
            match Workshop::create(browser::random_id(), setup, (*bank).clone()) {
                Ok(workshop) => {
                    problem.set(None);
                    on_action.emit(TandemAction::Create(workshop));
                }
                Err(error) => refuse(&problem, error),
            }
        })
    };
    let refused = problem.as_ref().and_then(WorkshopError::field);
    let (_, phases_described) = field_state(refused, Field::Phases, "workshop-problem", None);
    let details = Details {
        prefix: "workshop",
        name: &name,
        date: &date,
        threshold: &threshold,
        problem: problem.as_ref(),
        threshold_help: Some("workshops.threshold-help"),
    };
    html! {
        <form class="create-workshop" {onsubmit} novalidate=true>
            {words.heading(2, words.t("workshops.create-title"))}
            {details_fields(words, &details)}
            <fieldset class="field phases" id="workshop-phases" tabindex="-1" aria-describedby={phases_described}>
                <legend>{words.t("workshops.phases")}</legend>
                for phase in Phase::ALL {
                    <label class="check">
                        <input type="checkbox" checked={phases.contains(&phase)}
                               onchange={{
                                   let phases = phases.clone();
                                   Callback::from(move |_: Event| phases.set(phase.toggled_in(&phases)))
                               }} />
                        {" "}{words.f("workshops.phase-minutes", &[("phase", &phase.title(words.0)), ("minutes", &phase.minutes())])}
                    </label>
                }
            </fieldset>
            <button type="submit" class="button primary">{words.t("workshops.create")}</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct ImportWorkshopProps {
    workshops: Workshops,
    on_action: Callback<TandemAction>,
}

/// Reads a workshop file; a workshop already saved asks whether to merge or keep both.
#[component]
fn ImportWorkshop(props: &ImportWorkshopProps) -> Html {
    let words = use_words();
    let problem = use_state(|| None::<String>);
    let pending = use_state(|| None::<Workshop>);
    let input = use_node_ref();
    let onchange = {
        let (problem, pending, input) = (problem.clone(), pending.clone(), input.clone());
        let (workshops, on_action) = (props.workshops.clone(), props.on_action.clone());
        Callback::from(move |_: Event| {
            let Some(element) = input.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            let (problem, pending, workshops, on_action) = (
                problem.clone(),
                pending.clone(),
                workshops.clone(),
                on_action.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let read = browser::read_chosen_file(words, &element).await;
                element.set_value("");
                let workshop = read.and_then(|text| {
                    WorkshopDocument::from_json(&text)
                        .map(|imported| {
                            let name = words.t("workshops.imported");
                            Workshop::from_document(
                                imported.document,
                                &browser::random_id(),
                                name,
                                browser::today(),
                            )
                        })
                        .map_err(|invalid| {
                            format!(
                                "{}\n{}",
                                words.t("workshops.not-imported"),
                                invalid.lines(words.0)
                            )
                        })
                });
                match workshop {
                    Err(message) => problem.set(Some(message)),
                    Ok(workshop) if workshops.get(&workshop.id).is_some() => {
                        problem.set(None);
                        pending.set(Some(workshop));
                    }
                    Ok(workshop) => {
                        problem.set(None);
                        on_action.emit(TandemAction::Import {
                            workshop,
                            on_conflict: OnConflict::Merge,
                        });
                    }
                }
            });
        })
    };
    let choose = |on_conflict: Option<OnConflict>| {
        let (pending, on_action) = (pending.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            if let (Some(workshop), Some(on_conflict)) = ((*pending).clone(), on_conflict.clone()) {
                on_action.emit(TandemAction::Import {
                    workshop,
                    on_conflict,
                });
            }
            pending.set(None);
        })
    };
    html! {
        <section class="import-workshop" aria-labelledby={words.region("import-title")}>
            {words.heading(2, words.t("workshops.import-title")).id("import-title")}
            <div class="field">
                <label for="import-file">{words.t("workshops.file")}</label>
                <input id="import-file" type="file" accept=".json,application/json" ref={input} {onchange} />
            </div>
            if let Some(problem) = &*problem {
                <p class="refusal" role="alert">
                    for line in problem.lines() {
                        {line}<br />
                    }
                </p>
            }
            if let Some(workshop) = &*pending {
                <div class="confirm" role="group" aria-labelledby="conflict-question">
                    <p id="conflict-question" class="confirm-question">
                        {words.f("workshops.conflict", &[("name", &workshop.name)])}
                    </p>
                    <button type="button" class="button primary" onclick={choose(Some(OnConflict::Merge))}>
                        {words.t("workshops.merge")}
                    </button>
                    <button type="button" class="button"
                            onclick={choose(Some(OnConflict::KeepBoth { id: browser::random_id(), locale: words.0 }))}>
                        {words.t("workshops.keep-both")}
                    </button>
                    <button type="button" class="button" onclick={choose(None)}>{words.t("confirm.cancel")}</button>
                </div>
            }
        </section>
    }
}

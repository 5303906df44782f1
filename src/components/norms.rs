//! Norms on screen: the brainstorming prompts drawn from the hotspots, the idea form, the board
//! of revealed ideas (edit, merge, delete), the ballot, the ranked list with "why?", the
//! agreement editor, and the agreement as read. Each widget sends core `NormsAction`s through
//! `on_action`; whoever places it decides whose norms they are (a workshop's or an individual's
//! proposal). Nothing here decides a rule: ranking, caps and merging are the core's.

use std::collections::HashMap;
use std::rc::Rc;

use tandem_core::Bank;
use tandem_core::convergence::{self, Convergence};
use tandem_core::dates::{iso_date, parse_date};
use tandem_core::norms::{
    self, Agreement, Contributor, Norm, Norms, NormsAction, NormsError, Owner, Status,
};
use tandem_core::scoring::Report;
use yew::prelude::*;

use crate::browser;
use crate::components::{ConfirmButton, bind_select, bind_text, bind_text_area, date_hint};
use crate::setup::{Words, use_setup, use_words};

/// A heading of the level that fits where a widget is placed.
/// A heading with an id can receive focus from code (not from Tab), for when the control that
/// had focus goes away, such as a deleted idea's buttons.
fn heading(words: Words, level: u8, id: &str, text: impl Into<Html>) -> Html {
    let heading = words.heading(level.clamp(2, 4), text);
    if id.is_empty() {
        heading.into()
    } else {
        heading
            .id(id.to_owned())
            .focusable(NodeRef::default())
            .into()
    }
}

/// Text in curly quotes, as norms are named in buttons and lists.
#[must_use]
pub fn quoted(words: Words, text: &str) -> String {
    words.f("quoted", &[("text", &text)])
}

/// "5 dots from 3 people".
fn dots_text(words: Words, norm: &Norm) -> String {
    let dots = usize::try_from(norm.dots()).unwrap_or(usize::MAX);
    let dots = words.0.count("norms.dot", "norms.dots", dots);
    let people = words
        .0
        .count("norms.person", "norms.people", norm.supporters());
    words.f("norms.dots-from", &[("dots", &dots), ("people", &people)])
}

/// "7 ideas from 3 people so far", or that there are none.
#[must_use]
pub fn idea_count(words: Words, norms: &Norms) -> String {
    match (norms.ideas.len(), norms.authors()) {
        (0, _) => words.t("norms.no-ideas").to_owned(),
        (ideas, authors) => {
            let ideas = words.0.count("norms.idea", "norms.ideas", ideas);
            let people = words.0.count("norms.person", "norms.people", authors);
            words.f(
                "norms.ideas-from",
                &[("ideas", &ideas), ("people", &people)],
            )
        }
    }
}

/// "3 people have voted.", or that nobody has.
#[must_use]
pub fn voter_count(words: Words, norms: &Norms) -> String {
    match norms.voters() {
        0 => words.t("norms.nobody-voted").to_owned(),
        1 => words.t("norms.one-voted").to_owned(),
        n => words.f("norms.many-voted", &[("count", &n)]),
    }
}

/// The dimension a new idea is filed under at first: where the report says to start, or after
/// a second round the first dimension still apart.
#[must_use]
pub fn first_focus(
    bank: &Bank,
    report: &Report,
    convergence: Option<&Convergence>,
) -> Option<AttrValue> {
    convergence::starting_points(report, convergence)
        .first()
        .map(|&d| AttrValue::from(bank.dimensions[d].id.clone()))
}

#[derive(Properties, PartialEq)]
pub struct PromptsProps {
    pub bank: Rc<Bank>,
    pub report: Rc<Report>,
    /// A workshop's second round, when there is one: its dimensions still apart lead.
    #[prop_or_default]
    pub convergence: Option<Rc<Convergence>>,
    /// The level of the section's heading.
    pub level: u8,
}

/// Two or three questions per hotspot, written from the seeds' practices for that dimension,
/// led after a second round by the dimensions still apart. A custom bank without prompts
/// offers the dimension's recommendations instead.
#[component]
pub fn Prompts(props: &PromptsProps) -> Html {
    let words = use_words();
    let convergence = props.convergence.as_deref();
    let focus = convergence::starting_points(&props.report, convergence);
    let apart = |d: usize| convergence.is_some_and(|c| c.still_apart(d));
    let bank = &props.bank;
    html! {
        <section class="prompts" aria-labelledby={words.region("prompts-title")}>
            {heading(words, props.level, "prompts-title", words.t("norms.prompts"))}
            if focus.is_empty() {
                <p>{words.t("norms.no-answers-yet")}</p>
            } else if props.report.leading_hotspots().is_empty() {
                <p>{words.t("norms.no-hotspots")}</p>
            }
            <ul class="prompt-list">
                for d in focus {
                    <li key={bank.dimensions[d].id.clone()}>
                        <p class="prompt-dimension">
                            {&bank.dimensions[d].title}
                            if let Some(friction) = props.report.dimensions[d].friction {
                                {" "}<span class="prompt-friction">{words.f("norms.prompt-friction", &[("friction", &words.0.figure(friction))])}</span>
                            }
                            if apart(d) {
                                {" "}<span class="prompt-apart">{words.t("after.prompt-apart")}</span>
                            }
                        </p>
                        <ul>
                            if bank.dimensions[d].prompts.is_empty() {
                                for recommendation in &bank.dimensions[d].recommendations {
                                    <li>{&recommendation.text}</li>
                                }
                            } else {
                                for prompt in &bank.dimensions[d].prompts {
                                    <li>{&prompt.text}</li>
                                }
                            }
                        </ul>
                    </li>
                }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct IdeaFormProps {
    pub bank: Rc<Bank>,
    /// The dimension chosen at first: the top hotspot, usually.
    pub dimension: Option<AttrValue>,
    /// Unique on the page; prefixes the fields' ids.
    pub id: AttrValue,
    pub legend: AttrValue,
    /// The new idea's dimension and text.
    pub on_add: Callback<(String, String)>,
}

/// Write one idea and the dimension it serves. The text is kept until it is added, and the
/// field is ready for the next idea afterwards.
#[component]
pub fn IdeaForm(props: &IdeaFormProps) -> Html {
    let words = use_words();
    let first = props
        .dimension
        .as_ref()
        .map(ToString::to_string)
        .or_else(|| props.bank.dimensions.first().map(|d| d.id.clone()))
        .unwrap_or_default();
    let text = use_state(String::new);
    let dimension = use_state(|| first);
    let status = use_state(|| None::<Result<String, String>>);
    let field = use_node_ref();
    let onsubmit = {
        let (text, dimension, status, field, on_add) = (
            text.clone(),
            dimension.clone(),
            status.clone(),
            field.clone(),
            props.on_add.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if text.trim().is_empty() {
                status.set(Some(Err(NormsError::EmptyText.message(words.0))));
            } else {
                on_add.emit(((*dimension).clone(), text.trim().to_owned()));
                status.set(Some(Ok(
                    words.f("norms.added", &[("idea", &quoted(words, text.trim()))])
                )));
                text.set(String::new());
            }
            browser::focus_node(&field);
        })
    };
    let text_id = format!("{}-text", props.id);
    let dimension_id = format!("{}-dimension", props.id);
    html! {
        <form class="idea-form" {onsubmit} novalidate=true>
            <fieldset>
                <legend>{&props.legend}</legend>
                <div class="field">
                    <label for={text_id.clone()}>{words.t("norms.the-norm")}</label>
                    <textarea id={text_id} rows="2" value={(*text).clone()} ref={field}
                              oninput={bind_text_area(&text)} />
                </div>
                <div class="field">
                    <label for={dimension_id.clone()}>{words.t("norms.serves")}</label>
                    <select id={dimension_id} onchange={bind_select(&dimension)}>
                        for d in &props.bank.dimensions {
                            <option value={d.id.clone()} selected={d.id == *dimension}>{&d.title}</option>
                        }
                    </select>
                </div>
                <button type="submit" class="button primary">{words.t("norms.add-idea")}</button>
                <p class="form-status" role="status">
                    {match &*status {
                        Some(Ok(added)) => html! { {added} },
                        Some(Err(problem)) => html! { <span class="refusal-text">{problem}</span> },
                        None => Html::default(),
                    }}
                </p>
            </fieldset>
        </form>
    }
}

/// "Contributor 1", "Contributor 2"… in the order people first wrote, so merged wordings stay
/// traceable without naming anyone.
fn author_labels(words: Words, norms: &Norms) -> Rc<HashMap<String, String>> {
    let labels = norms
        .contributors()
        .into_iter()
        .map(|(author, contributor)| {
            let label = match contributor {
                Contributor::Facilitator => words.t("norms.the-facilitator").to_owned(),
                Contributor::Numbered(number) => {
                    words.f("norms.contributor", &[("number", &number)])
                }
            };
            (author, label)
        });
    Rc::new(labels.collect())
}

/// The props of the board and the ranked list, which the facilitator works on and the projector
/// only shows.
#[derive(Properties, PartialEq)]
pub struct NormsViewProps {
    pub bank: Rc<Bank>,
    pub norms: Norms,
    /// Present for the facilitator, who may edit, merge, delete, reorder and write "why?";
    /// absent for the projector.
    pub on_action: Option<Callback<NormsAction>>,
    /// The level of the section's heading.
    pub level: u8,
}

/// The revealed ideas grouped by dimension, with their dots when totals may be shown.
#[component]
pub fn Board(props: &NormsViewProps) -> Html {
    let words = use_words();
    let labels = author_labels(words, &props.norms);
    let bank = &props.bank;
    let show_dots = props.norms.totals_visible();
    let everyone: Vec<(String, String)> = props
        .norms
        .ideas
        .iter()
        .map(|norm| (norm.id.clone(), norm.text.clone()))
        .collect();
    // Once voting has closed the board is the count: most dots first.
    let order: Vec<&Norm> = if props.norms.voting_closed {
        props.norms.ranked()
    } else {
        props.norms.ideas.iter().collect()
    };
    html! {
        <section class="board" aria-labelledby={words.region("board-title")}>
            {heading(words, props.level, "board-title", words.t("norms.ideas-title"))}
            if props.norms.ideas.is_empty() {
                <p>{words.t("norms.no-ideas")}</p>
            }
            for dimension in bank.dimensions.iter().filter(|d| props.norms.ideas.iter().any(|n| n.dimension == d.id)) {
                <div class="board-group" key={dimension.id.clone()}>
                    {heading(words, props.level + 1, "", dimension.title.clone())}
                    <ul class="idea-list">
                        for norm in order.iter().copied().filter(|n| n.dimension == dimension.id) {
                            <IdeaCard
                                key={norm.id.clone()}
                                bank={bank.clone()}
                                norm={norm.clone()}
                                others={everyone.iter().filter(|(id, _)| *id != norm.id).cloned().collect::<Vec<_>>()}
                                labels={labels.clone()}
                                {show_dots}
                                closed={props.norms.voting_closed}
                                on_action={props.on_action.clone()}
                            />
                        }
                    </ul>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct IdeaCardProps {
    bank: Rc<Bank>,
    norm: Norm,
    /// Every other idea's id and text, to merge into.
    others: Vec<(String, String)>,
    labels: Rc<HashMap<String, String>>,
    show_dots: bool,
    /// Voting has closed: the idea can no longer be merged or deleted.
    closed: bool,
    on_action: Option<Callback<NormsAction>>,
}

#[component]
fn IdeaCard(props: &IdeaCardProps) -> Html {
    let words = use_words();
    let root = crate::setup::use_setup().root;
    let norm = &props.norm;
    let editing = use_state_eq(|| false);
    let text = use_state(|| norm.text.clone());
    let dimension = use_state(|| norm.dimension.clone());
    let target = use_state(|| {
        props
            .others
            .first()
            .map(|(id, _)| id.clone())
            .unwrap_or_default()
    });
    let history = norm.has_history().then(|| {
        html! {
            <details class="drafts">
                <summary>{words.f("norms.original-wordings", &[("count", &norm.drafts.len())])}</summary>
                <ul>
                    for draft in &norm.drafts {
                        <li>
                            {quoted(words, &draft.text)}{" "}
                            <span class="source">
                                {words.f("norms.by", &[("author", &props.labels.get(&draft.author).map_or(words.t("norms.someone"), String::as_str))])}
                            </span>
                        </li>
                    }
                </ul>
            </details>
        }
    });
    let Some(on_action) = props.on_action.clone() else {
        return html! {
            <li class="idea">
                <p class="idea-text">{&norm.text}</p>
                if props.show_dots {
                    <p class="idea-dots">{dots_text(words, norm)}</p>
                }
            </li>
        };
    };
    let id = norm.id.clone();
    let on_save = {
        let (text, dimension, editing, on_action, id) = (
            text.clone(),
            dimension.clone(),
            editing.clone(),
            on_action.clone(),
            id.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_action.emit(NormsAction::Edit {
                id: id.clone(),
                dimension: (*dimension).clone(),
                text: (*text).clone(),
            });
            if !text.trim().is_empty() {
                editing.set(false);
            }
        })
    };
    let on_merge = {
        let (target, on_action, id, root) =
            (target.clone(), on_action.clone(), id.clone(), root.clone());
        Callback::from(move |_: MouseEvent| {
            // Focus moves to the idea this one joined, since this one goes away.
            browser::focus_by_id_after_render(root.clone(), format!("edit-{}", *target));
            on_action.emit(NormsAction::Merge {
                from: id.clone(),
                into: (*target).clone(),
            });
        })
    };
    let quoted = quoted(words, &norm.text);
    html! {
        <li class="idea">
            if *editing {
                <form class="idea-edit" onsubmit={on_save} novalidate=true>
                    <div class="field">
                        <label for={format!("edit-{id}-text")}>{words.t("norms.wording")}</label>
                        <textarea id={format!("edit-{id}-text")} rows="2" value={(*text).clone()}
                                  oninput={bind_text_area(&text)} />
                    </div>
                    <div class="field">
                        <label for={format!("edit-{id}-dimension")}>{words.t("norms.serves")}</label>
                        <select id={format!("edit-{id}-dimension")} onchange={bind_select(&dimension)}>
                            for d in &props.bank.dimensions {
                                <option value={d.id.clone()} selected={d.id == *dimension}>{&d.title}</option>
                            }
                        </select>
                    </div>
                    <div class="idea-actions">
                        <button type="submit" class="button primary">{words.t("norms.save")}</button>
                        <button type="button" class="button" onclick={{
                            let editing = editing.clone();
                            move |_: MouseEvent| editing.set(false)
                        }}>{words.t("confirm.cancel")}</button>
                    </div>
                </form>
            } else {
                <p class="idea-text">{&norm.text}</p>
                if props.show_dots {
                    <p class="idea-dots">{dots_text(words, norm)}</p>
                }
                {history.unwrap_or_default()}
                <div class="idea-actions">
                    <button type="button" class="button" id={format!("edit-{id}")} aria-label={words.f("norms.edit-name", &[("idea", &quoted)])} onclick={{
                        let editing = editing.clone();
                        move |_: MouseEvent| editing.set(true)
                    }}>{words.t("norms.edit")}</button>
                    if !props.others.is_empty() && !props.closed {
                        <span class="merge">
                            <label for={format!("merge-{id}")}>{words.t("norms.merge-into")}</label>
                            <select id={format!("merge-{id}")} onchange={bind_select(&target)}>
                                for (other, other_text) in &props.others {
                                    <option value={other.clone()} selected={*other == *target}>{other_text}</option>
                                }
                            </select>
                            <button type="button" class="button" aria-label={words.f("norms.merge-name", &[("idea", &quoted)])}
                                    onclick={on_merge}>{words.t("norms.merge")}</button>
                        </span>
                    }
                    if !props.closed {
                    <ConfirmButton
                        label={words.t("norms.delete")}
                        name={words.f("norms.delete-name", &[("idea", &quoted)])}
                        question={words.f("norms.delete-question", &[("idea", &quoted)])}
                        confirm_label={words.t("workshops.delete-confirm")}
                        on_confirm={on_action.reform(move |()| {
                            browser::focus_by_id_after_render(root.clone(), "board-title".to_owned());
                            NormsAction::Delete(id.clone())
                        })}
                    />
                    }
                </div>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct BallotProps {
    pub bank: Rc<Bank>,
    pub norms: Norms,
    pub voter: AttrValue,
    pub on_action: Callback<NormsAction>,
}

/// One person's dots: add or take back, several on one idea if they like, never more than the
/// cap. Totals of others' dots only when the facilitator shows them.
#[component]
pub fn Ballot(props: &BallotProps) -> Html {
    let words = use_words();
    let norms = &props.norms;
    let voter = props.voter.to_string();
    let used = norms.dots_of(&voter);
    let left = norms.cap.saturating_sub(used);
    html! {
        <>
            <p class="dots-left" role="status">
                {words.f("norms.dots-left", &[("left", &left), ("cap", &norms.cap)])}
            </p>
            for dimension in props.bank.dimensions.iter().filter(|d| norms.ideas.iter().any(|n| n.dimension == d.id)) {
                <div class="board-group" key={dimension.id.clone()}>
                    {words.heading(2, &dimension.title)}
                    <ul class="idea-list">
                        for norm in norms.ideas.iter().filter(|n| n.dimension == dimension.id) {
                            {ballot_line(words, norm, &voter, left, norms.totals_visible(), &props.on_action)}
                        }
                    </ul>
                </div>
            }
        </>
    }
}

fn ballot_line(
    words: Words,
    norm: &Norm,
    voter: &str,
    left: u8,
    totals: bool,
    on_action: &Callback<NormsAction>,
) -> Html {
    let mine = norm.votes.get(voter).copied().unwrap_or(0);
    let quoted = quoted(words, &norm.text);
    let vote = |cast: bool| {
        let (voter, id) = (voter.to_owned(), norm.id.clone());
        on_action.reform(move |_: MouseEvent| {
            let (voter, norm) = (voter.clone(), id.clone());
            if cast {
                NormsAction::CastVote { voter, norm }
            } else {
                NormsAction::TakeBackVote { voter, norm }
            }
        })
    };
    html! {
        <li class="idea" key={norm.id.clone()}>
            <p class="idea-text">{&norm.text}</p>
            <p class="idea-dots">
                {words.f("norms.your-dots", &[("count", &mine)])}
                if totals {
                    {" \u{b7} "}{words.f("norms.in-all", &[("dots", &dots_text(words, norm))])}
                }
            </p>
            <div class="idea-actions">
                // aria-disabled rather than disabled: the button keeps focus after the last dot,
                // and pressing it again says why nothing happens.
                <button type="button" class="button" aria-disabled={(left == 0).then_some("true")}
                        aria-label={words.f("norms.add-dot-to", &[("idea", &quoted)])} onclick={vote(true)}>
                    {words.t("norms.add-dot")}
                </button>
                <button type="button" class="button" aria-disabled={(mine == 0).then_some("true")}
                        aria-label={words.f("norms.take-dot-from", &[("idea", &quoted)])} onclick={vote(false)}>
                    {words.t("norms.take-dot")}
                </button>
            </div>
        </li>
    }
}

/// The ideas in ranked order (see `Norms::ranked` for the rule). The top ones carry "why does
/// this matter?" and the success signal. Reordering is by buttons, so the keyboard can do it.
#[component]
pub fn RankedList(props: &NormsViewProps) -> Html {
    let words = use_words();
    let root = crate::setup::use_setup().root;
    let ranked = props.norms.ranked();
    let last = ranked.len().saturating_sub(1);
    html! {
        <section class="ranked" aria-labelledby={words.region("ranked-title")}>
            {heading(words, props.level, "ranked-title", words.t("norms.ranked"))}
            if ranked.is_empty() {
                <p>{words.t("norms.no-ideas")}</p>
            }
            <ol class="ranked-list">
                for (rank, norm) in ranked.iter().enumerate() {
                    <li class="idea" key={norm.id.clone()}>
                        <p class="idea-text">{&norm.text}</p>
                        <p class="idea-dots">
                            {props.bank.dimension_title(&norm.dimension)}{" \u{b7} "}{dots_text(words, norm)}
                        </p>
                        if let Some(on_action) = &props.on_action {
                            {move_buttons(words, root.as_ref(), norm, rank, last, on_action)}
                            if rank < norms::TOP {
                                {why_fields(words, norm, on_action)}
                            }
                        } else if rank < norms::TOP {
                            {why_text(words, norm)}
                        }
                    </li>
                }
            </ol>
        </section>
    }
}

pub fn move_buttons(
    words: Words,
    root: Option<&web_sys::ShadowRoot>,
    norm: &Norm,
    rank: usize,
    last: usize,
    on_action: &Callback<NormsAction>,
) -> Html {
    let quoted = quoted(words, &norm.text);
    let button = |up: bool| {
        let to = if up { rank.saturating_sub(1) } else { rank + 1 };
        // Focus follows the norm; at the top or bottom the other button is the one left.
        let keep = if (up && to == 0) || (!up && to == last) {
            !up
        } else {
            up
        };
        let focus_id = format!("move-{}-{}", if keep { "up" } else { "down" }, norm.id);
        let id = norm.id.clone();
        let root = root.cloned();
        on_action.reform(move |_: MouseEvent| {
            browser::focus_by_id_after_render(root.clone(), focus_id.clone());
            NormsAction::Move { id: id.clone(), to }
        })
    };
    html! {
        <div class="idea-actions">
            <button type="button" class="button" id={format!("move-up-{}", norm.id)} disabled={rank == 0}
                    aria-label={words.f("norms.move-up-name", &[("idea", &quoted)])} onclick={button(true)}>
                {words.t("norms.move-up")}
            </button>
            <button type="button" class="button" id={format!("move-down-{}", norm.id)} disabled={rank == last}
                    aria-label={words.f("norms.move-down-name", &[("idea", &quoted)])} onclick={button(false)}>
                {words.t("norms.move-down")}
            </button>
        </div>
    }
}

pub fn why_fields(words: Words, norm: &Norm, on_action: &Callback<NormsAction>) -> Html {
    let (why_id, signal_id) = (format!("why-{}", norm.id), format!("signal-{}", norm.id));
    let set = |why: bool| {
        let id = norm.id.clone();
        on_action.reform(move |event: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
            let (id, text) = (id.clone(), area.value());
            if why {
                NormsAction::SetWhy { id, text }
            } else {
                NormsAction::SetSignal { id, text }
            }
        })
    };
    html! {
        <div class="why">
            <div class="field">
                <label for={why_id.clone()}>{words.t("norms.why")}</label>
                <textarea id={why_id} rows="2" value={norm.why.clone()} oninput={set(true)} />
            </div>
            <div class="field">
                <label for={signal_id.clone()}>{words.t("norms.signal-question")}</label>
                <textarea id={signal_id} rows="2" value={norm.signal.clone()} oninput={set(false)} />
            </div>
        </div>
    }
}

fn why_text(words: Words, norm: &Norm) -> Html {
    html! {
        <dl class="terms">
            if !norm.why.trim().is_empty() {
                <dt>{words.t("norms.why-it-matters")}</dt>
                <dd>{&norm.why}</dd>
            }
            if !norm.signal.trim().is_empty() {
                <dt>{words.t("norms.signal")}</dt>
                <dd>{&norm.signal}</dd>
            }
        </dl>
    }
}

#[derive(Properties, PartialEq)]
pub struct AgreementEditorProps {
    pub bank: Rc<Bank>,
    pub norms: Norms,
    /// The ids of the norms offered for adoption, in the order shown.
    pub candidates: Vec<String>,
    /// The day review dates count from.
    pub day: chrono::NaiveDate,
    /// The status a newly adopted norm gets: adopted in a workshop, proposed by an individual.
    pub status: Status,
    pub on_action: Callback<NormsAction>,
}

/// Adopt norms and set their terms: owner, review date and status.
#[component]
pub fn AgreementEditor(props: &AgreementEditorProps) -> Html {
    let words = use_words();
    html! {
        <ul class="agreement-editor">
            for norm in props.candidates.iter().filter_map(|id| props.norms.get(id)) {
                <li class="idea" key={norm.id.clone()}>
                    <p class="idea-text">{&norm.text}</p>
                    <p class="idea-dots">{props.bank.dimension_title(&norm.dimension)}</p>
                    <TermsFields
                        norm={norm.clone()}
                        day={props.day}
                        status={props.status}
                        adopt_label={words.t("terms.adopt")}
                        on_action={props.on_action.clone()}
                    />
                </li>
            }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct TermsFieldsProps {
    pub norm: Norm,
    /// The day review dates count from.
    pub day: chrono::NaiveDate,
    /// The status a newly adopted norm gets.
    pub status: Status,
    /// The label of the box that adopts the norm.
    pub adopt_label: AttrValue,
    pub on_action: Callback<NormsAction>,
}

/// An owner a form offers, by its kind; the named person is "a named person" until typed.
fn owner_choice(words: Words, key: &str) -> String {
    Owner::from_key(key, "").map_or_else(
        || words.t("terms.named-person").to_owned(),
        |owner| owner.label(words.0).to_owned(),
    )
}

/// Whether a norm is adopted, and its owner, review date and status once it is.
#[component]
pub fn TermsFields(props: &TermsFieldsProps) -> Html {
    let words = use_words();
    let norm = &props.norm;
    let terms = norm.agreement.clone();
    let owner = use_state(|| {
        terms
            .as_ref()
            .map_or(Owner::Both.key(), |t| t.owner.key())
            .to_owned()
    });
    let name = use_state(|| match &terms {
        Some(Agreement {
            owner: Owner::Person(name),
            ..
        }) => name.clone(),
        _ => String::new(),
    });
    let review = use_state(|| {
        iso_date(
            terms
                .as_ref()
                .map_or_else(|| norms::default_review(props.day), |t| t.review),
        )
    });
    let status = use_state(|| terms.as_ref().map_or(props.status, |t| t.status));
    let problem = use_state_eq(|| None::<&'static str>);

    // Every change to a field is sent at once when the terms are complete, so nothing typed is
    // lost; an incomplete field says what it needs instead.
    {
        let (on_action, id, problem) = (props.on_action.clone(), norm.id.clone(), problem.clone());
        let adopted = terms.is_some();
        use_effect_with(
            (
                (*owner).clone(),
                (*name).clone(),
                (*review).clone(),
                *status,
            ),
            move |(owner, name, review, status)| {
                if !adopted {
                    return;
                }
                let Some(owner) = Owner::from_key(owner, name) else {
                    problem.set(Some(words.t("terms.type-name")));
                    return;
                };
                let Some(review) = parse_date(review) else {
                    problem.set(Some(words.t("terms.choose-date")));
                    return;
                };
                problem.set(None);
                on_action.emit(NormsAction::Agree {
                    id,
                    agreement: Some(Agreement {
                        owner,
                        review,
                        status: *status,
                    }),
                });
            },
        );
    }

    let on_adopt = {
        let (on_action, id, day, initial) = (
            props.on_action.clone(),
            norm.id.clone(),
            props.day,
            props.status,
        );
        let (owner, name, review, status) =
            (owner.clone(), name.clone(), review.clone(), status.clone());
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let agreement = input.checked().then(|| {
                owner.set(Owner::Both.key().to_owned());
                name.set(String::new());
                review.set(iso_date(norms::default_review(day)));
                status.set(initial);
                Agreement {
                    owner: Owner::Both,
                    review: norms::default_review(day),
                    status: initial,
                }
            });
            on_action.emit(NormsAction::Agree {
                id: id.clone(),
                agreement,
            });
        })
    };
    let on_status = {
        let status = status.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Some(chosen) = Status::from_key(&select.value()) {
                status.set(chosen);
            }
        })
    };
    let id = &norm.id;
    html! {
        <div class="agreement-item">
            <label class="check">
                <input type="checkbox" checked={terms.is_some()} onchange={on_adopt}
                       aria-label={format!("{} {}", props.adopt_label, quoted(words, &norm.text))} />
                {" "}{props.adopt_label.clone()}
            </label>
            if terms.is_some() {
                <div class="terms-fields">
                    <div class="field">
                        <label for={format!("owner-{id}")}>{words.t("terms.owner")}</label>
                        <select id={format!("owner-{id}")} onchange={bind_select(&owner)}>
                            for value in Owner::KEYS {
                                <option {value} selected={*owner == value}>{owner_choice(words, value)}</option>
                            }
                        </select>
                    </div>
                    if *owner == Owner::Person(String::new()).key() {
                        <div class="field">
                            <label for={format!("owner-name-{id}")}>{words.t("terms.owner-name")}</label>
                            <input id={format!("owner-name-{id}")} type="text" autocomplete="off"
                                   value={(*name).clone()} oninput={bind_text(&name)} />
                        </div>
                    }
                    <div class="field">
                        <label for={format!("review-{id}")}>{words.t("terms.review-on")}</label>
                        <input id={format!("review-{id}")} type="date" value={(*review).clone()}
                               oninput={bind_text(&review)} aria-describedby={format!("review-{id}-hint")} />
                        {date_hint(words, &format!("review-{id}-hint"), &review)}
                    </div>
                    <div class="field">
                        <label for={format!("status-{id}")}>{words.t("terms.status")}</label>
                        <select id={format!("status-{id}")} onchange={on_status}>
                            for each in Status::ALL {
                                <option value={each.key()} selected={*status == each}>{each.label(words.0)}</option>
                            }
                        </select>
                    </div>
                    <p class="form-status" role="status">
                        if let Some(problem) = *problem {
                            <span class="refusal-text">{problem}</span>
                        }
                    </p>
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AgreementViewProps {
    pub bank: Rc<Bank>,
    pub norms: Norms,
    pub title: AttrValue,
    pub level: u8,
}

/// The working agreement as read in the report, on the projector and on paper.
#[component]
pub fn AgreementView(props: &AgreementViewProps) -> Html {
    let words = use_words();
    let agreement = props.norms.agreement();
    html! {
        <section class="agreement" aria-labelledby={words.region("agreement-title")}>
            {heading(words, props.level, "agreement-title", props.title.to_string())}
            if agreement.is_empty() {
                <p>{words.t("agreement.no-norms")}</p>
            }
            <ol class="agreement-list">
                for (norm, terms) in agreement {
                    <li key={norm.id.clone()}>
                        <p class="idea-text">{&norm.text}</p>
                        <dl class="terms">
                            <dt>{words.t("agreement.serves")}</dt>
                            <dd>{props.bank.dimension_title(&norm.dimension)}</dd>
                            <dt>{words.t("terms.owner")}</dt>
                            <dd>{terms.owner.label(words.0).to_owned()}</dd>
                            <dt>{words.t("terms.review-on")}</dt>
                            <dd>{words.date(terms.review)}</dd>
                            <dt>{words.t("terms.status")}</dt>
                            <dd>{terms.status.label(words.0)}</dd>
                            if !norm.why.trim().is_empty() {
                                <dt>{words.t("norms.why-it-matters")}</dt>
                                <dd>{&norm.why}</dd>
                            }
                            if !norm.signal.trim().is_empty() {
                                <dt>{words.t("norms.signal")}</dt>
                                <dd>{&norm.signal}</dd>
                            }
                        </dl>
                    </li>
                }
            </ol>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct AgreementExportProps {
    pub bank: Rc<Bank>,
    pub norms: Norms,
    /// The Markdown document's heading.
    pub heading: AttrValue,
    pub day: chrono::NaiveDate,
    /// The address of the printable page.
    pub sheet: AttrValue,
    /// What the file's name starts with: the workshop's name, or "proposal".
    pub name: AttrValue,
}

/// Download the agreement as Markdown, or open it as a page to print.
#[component]
pub fn AgreementExport(props: &AgreementExportProps) -> Html {
    let words = use_words();
    let sheet = use_setup().address(&props.sheet);
    let failed = use_state_eq(|| false);
    let on_download = {
        let failed = failed.clone();
        let markdown = norms::agreement_markdown(
            &props.heading,
            props.day,
            &props.bank,
            &props.norms,
            words.0,
        );
        let name = tandem_core::export::file_name(
            &props.name,
            words.t("export.file-agreement"),
            &iso_date(props.day),
            "md",
        );
        Callback::from(move |_: MouseEvent| {
            failed.set(browser::download(&name, "text/markdown", &markdown).is_err());
        })
    };
    html! {
        <div class="report-actions">
            <button type="button" class="button" onclick={on_download}>{words.t("agreement.download-md")}</button>
            <a class="button" href={sheet} target="tandem-agreement">{words.t("agreement.print")}</a>
            if *failed {
                <p class="refusal" role="alert">{words.t("notice.download-failed")}</p>
            }
        </div>
    }
}

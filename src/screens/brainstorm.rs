//! The facilitator's side of the norms phases of a workshop: brainstorm (private turns, then the
//! reveal), merge and dot-vote, the ranked list with "why?", and the working agreement. Built from
//! the widgets of `screens::norms`; every change goes to the core as a workshop action.

use std::rc::Rc;

use tandem_core::norms::{self, FACILITATOR, NormsAction, Status};
use tandem_core::{Bank, Phase, Workshop, WorkshopAction};
use yew::prelude::*;

use crate::browser;
use crate::components::bind_text;
use crate::components::norms::{
    AgreementEditor, AgreementExport, AgreementView, Board, IdeaForm, Prompts, RankedList,
    first_focus, idea_count, voter_count,
};
use crate::hooks::{use_convergence, use_report};
use crate::routes::Route;
use crate::setup::{Words, use_words};

#[derive(Properties, PartialEq)]
pub struct NormsPhaseProps {
    pub workshop: Workshop,
    pub on_action: Callback<WorkshopAction>,
}

/// The heading of the working agreement's Markdown and printed page.
#[must_use]
pub fn agreement_heading(words: Words, workshop: &Workshop) -> String {
    words.f("agreement.heading", &[("name", &workshop.name)])
}

/// The address of a workshop's printable agreement, relative to this page.
#[must_use]
pub fn sheet_address(workshop_id: &str) -> String {
    Route::Agreement(workshop_id.to_owned()).to_hash()
}

#[component]
pub fn NormsPhase(props: &NormsPhaseProps) -> Html {
    let words = use_words();
    let root = crate::setup::use_setup().root;
    // After a click that re-renders, focus goes to the element `id` of this mount.
    let focus_after = |id: &'static str| {
        let root = root.clone();
        move |event: MouseEvent| {
            browser::focus_by_id_after_render(root.clone(), id.to_owned());
            event
        }
    };
    let workshop = &props.workshop;
    let report = use_report(workshop);
    let convergence = use_convergence(workshop, &report);
    let bank = workshop.bank.clone();
    let workshop_action = {
        let on_action = props.on_action.clone();
        Callback::from(move |action: WorkshopAction| {
            on_action.emit(action);
        })
    };
    let on_action = workshop_action.reform(WorkshopAction::Norms);
    let act = |action: NormsAction| on_action.reform(move |_: MouseEvent| action.clone());
    let norms = &workshop.norms;
    let board = html! {
        <Board bank={bank.clone()} norms={norms.clone()} on_action={Some(on_action.clone())} level={3} />
    };
    let reveal_first = html! {
        <p class="note">{words.t("brainstorm.reveal-first")}</p>
    };
    match workshop.phase() {
        Phase::Brainstorm => {
            let on_next = workshop_action.reform(|_: MouseEvent| WorkshopAction::StartWriting {
                author: browser::random_id(),
            });
            let on_add = on_action.reform(|(dimension, text): (String, String)| NormsAction::Add {
                id: browser::random_id(),
                author: FACILITATOR.to_owned(),
                dimension,
                text,
            });

            let first_focus = first_focus(&bank, &report, convergence.as_deref());
            html! {
                <div class="phase-content">
                    if workshop.revealed {
                        <Prompts bank={bank.clone()} report={report.clone()} {convergence} level={3} />
                    } else {
                        <p class="note">
                            {words.t("brainstorm.prompts-after-reveal")}{" "}
                            <button type="button" class="link" onclick={workshop_action.reform(|_: MouseEvent| WorkshopAction::Reveal)}>
                                {words.t("workshop.reveal")}
                            </button>
                        </p>
                    }
                    <p class="answered-count" aria-live="polite">{idea_count(words, norms)}</p>
                    if norms.revealed {
                        {board}
                        <IdeaForm bank={bank.clone()} dimension={first_focus} id="facilitator-idea"
                                  legend={words.t("brainstorm.from-room")} {on_add} />
                        <p>{words.t("brainstorm.write-privately")}</p>
                    } else {
                        <p>{words.t("brainstorm.hidden")}</p>
                    }
                    <div class="report-actions">
                        <button type="button" class="button primary big" onclick={on_next}>{words.t("workshop.im-next")}</button>
                        if !norms.revealed {
                            <button type="button" class="button big" onclick={act(NormsAction::Reveal).reform(focus_after("board-title"))}>
                                {words.t("brainstorm.reveal-ideas")}
                            </button>
                        }
                    </div>
                </div>
            }
        }
        Phase::Vote | Phase::Rank if !norms.revealed => html! {
            <div class="phase-content">{reveal_first}</div>
        },
        Phase::Vote => {
            let on_next = workshop_action.reform(|_: MouseEvent| WorkshopAction::StartVoting {
                voter: browser::random_id(),
            });
            let voters = voter_count(words, norms);
            html! {
                <div class="phase-content">
                    <VoteSettings cap={norms.cap} totals_shown={norms.totals_shown} on_action={on_action.clone()} />
                    <p class="answered-count" aria-live="polite">
                        {voters}{" "}
                        {words.t(if norms.voting_closed { "vote.closed" } else { "vote.open" })}
                    </p>
                    <div class="report-actions">
                        if norms.voting_closed {
                            <button type="button" class="button" id="reopen-voting" onclick={act(NormsAction::ReopenVoting).reform(focus_after("next-voter"))}>{words.t("vote.reopen")}</button>
                        } else {
                            <button type="button" class="button primary big" id="next-voter" onclick={on_next}>{words.t("vote.next-voter")}</button>
                            <button type="button" class="button big" onclick={act(NormsAction::CloseVoting).reform(focus_after("reopen-voting"))}>{words.t("vote.close")}</button>
                        }
                    </div>
                    {board}
                </div>
            }
        }
        Phase::Rank => html! {
            <div class="phase-content">
                if !norms.voting_closed {
                    <p class="note">
                        {words.t("rank.still-open")}{" "}
                        <button type="button" class="link" onclick={act(NormsAction::CloseVoting)}>{words.t("vote.close")}</button>
                    </p>
                }
                if !norms.order.is_empty() {
                    <p>
                        {words.t("rank.reordered")}{" "}
                        <button type="button" class="link" onclick={act(NormsAction::RankByVotes)}>{words.t("rank.by-votes")}</button>
                    </p>
                }
                <p class="help">{words.f("rank.rule", &[("top", &norms::TOP)])}</p>
                <RankedList bank={bank.clone()} norms={norms.clone()} on_action={Some(on_action.clone())} level={3} />
            </div>
        },
        Phase::Agree => {
            let candidates: Vec<String> = norms.top().iter().map(|n| n.id.clone()).collect();
            html! {
                <div class="phase-content">
                    if candidates.is_empty() {
                        <p>{words.t("agree.none")}</p>
                    } else {
                        <p>{words.f("agree.top", &[("count", &candidates.len())])}</p>
                    }
                    <AgreementEditor bank={bank.clone()} norms={norms.clone()} {candidates}
                                     day={workshop.date} status={Status::Adopted} on_action={on_action.clone()} />
                    {agreement(words, workshop, &bank)}
                </div>
            }
        }
        Phase::Welcome | Phase::Assessment | Phase::Reveal | Phase::Rerate | Phase::Summary => {
            Html::default()
        }
    }
}

/// The workshop's working agreement with its exports.
pub fn agreement(words: Words, workshop: &Workshop, bank: &Rc<Bank>) -> Html {
    html! {
        <>
            <AgreementView bank={bank.clone()} norms={workshop.norms.clone()} title={words.t("agree.adopted")} level={3} />
            <AgreementExport
                bank={bank.clone()}
                norms={workshop.norms.clone()}
                heading={agreement_heading(words, workshop)}
                day={workshop.date}
                sheet={sheet_address(&workshop.id)}
                name={workshop.name.clone()}
            />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct VoteSettingsProps {
    cap: u8,
    totals_shown: bool,
    on_action: Callback<NormsAction>,
}

/// Dots per person and whether running totals are shown.
#[component]
fn VoteSettings(props: &VoteSettingsProps) -> Html {
    let words = use_words();
    let cap = use_state(|| props.cap.to_string());
    let problem = use_state_eq(|| None::<String>);
    let onsubmit = {
        let (cap, problem, on_action) = (cap.clone(), problem.clone(), props.on_action.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match cap.trim().parse::<u8>() {
                Ok(number) => {
                    problem.set(None);
                    on_action.emit(NormsAction::SetCap(number));
                }
                Err(_) => problem.set(Some(words.t("vote.cap-invalid").to_owned())),
            }
        })
    };
    let on_totals = props.on_action.reform(|event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        NormsAction::ShowTotals(input.checked())
    });
    html! {
        <form class="vote-settings" {onsubmit} novalidate=true>
            <div class="field">
                <label for="vote-cap">{words.f("vote.cap-label", &[("cap", &props.cap)])}</label>
                <input id="vote-cap" type="number" min="1" max="10" value={(*cap).clone()} oninput={bind_text(&cap)} />
            </div>
            <button type="submit" class="button">{words.t("vote.set-cap")}</button>
            if let Some(problem) = &*problem {
                <p class="refusal" role="alert">{problem}</p>
            }
            <label class="check">
                <input type="checkbox" checked={props.totals_shown} onchange={on_totals} />
                {" "}{words.t("vote.show-totals")}
            </label>
        </form>
    }
}

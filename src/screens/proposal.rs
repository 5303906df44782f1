//! Norms an individual drafts after a self-assessment, to propose to the other team: prompts
//! from their own hotspots, the draft norms in their order with "why?", owner, review date and
//! status, and the exports. No voting: one person, one list.

use std::rc::Rc;

use tandem_core::norms::{NormsAction, Status};
use tandem_core::scoring;
use tandem_core::{Bank, Norms, Respondent};
use yew::prelude::*;

use crate::browser;
use crate::components::ConfirmButton;
use crate::components::norms::{
    AgreementExport, IdeaForm, Prompts, TermsFields, first_focus, move_buttons, quoted, why_fields,
};
use crate::hooks::use_focus_on_mount;
use crate::routes::Route;
use crate::setup::use_words;

/// The heading of the proposal's Markdown and printed page.
pub const PROPOSAL_HEADING: &str = "proposal.heading";

#[derive(Properties, PartialEq)]
pub struct ProposalScreenProps {
    pub bank: Rc<Bank>,
    /// The person's own answers, for the prompts; none before they have answered.
    pub respondent: Option<Respondent>,
    pub proposal: Norms,
    pub refusal: Option<String>,
    pub on_action: Callback<NormsAction>,
    pub on_back: Callback<()>,
}

#[component]
pub fn ProposalScreen(props: &ProposalScreenProps) -> Html {
    let words = use_words();
    let root = crate::setup::use_setup().root;
    let heading = use_focus_on_mount();
    let report = use_memo(
        (props.bank.clone(), props.respondent.clone()),
        |(bank, respondent)| {
            scoring::score(
                bank,
                respondent
                    .as_ref()
                    .map(std::slice::from_ref)
                    .unwrap_or_default(),
            )
        },
    );
    let today = browser::today();
    let on_add = {
        let on_action = props.on_action.clone();
        Callback::from(move |(dimension, text): (String, String)| {
            on_action.emit(NormsAction::Propose {
                id: browser::random_id(),
                dimension,
                text,
                today,
            });
        })
    };
    let first = first_focus(&props.bank, &report, None);
    let ranked = props.proposal.ranked();
    let last = ranked.len().saturating_sub(1);
    html! {
        <section class="screen proposal" aria-labelledby={words.region("proposal-title")}>
            <p>
                <button type="button" class="link" onclick={props.on_back.reform(|_: MouseEvent| ())}>
                    {words.t("proposal.back")}
                </button>
            </p>
            {words.heading(1, words.t("proposal.title")).id("proposal-title").focusable(heading)}
            <p class="lead">
                {words.t("proposal.lead")}
            </p>
            if props.respondent.is_some() {
                <Prompts bank={props.bank.clone()} report={report.clone()} level={2} />
            }
            if let Some(refusal) = &props.refusal {
                <p class="refusal" role="alert">{refusal}</p>
            }
            <IdeaForm bank={props.bank.clone()} dimension={first} id="proposal-idea" legend={words.t("proposal.new-norm")} {on_add} />
            if !ranked.is_empty() {
                {words.heading(2, words.t("proposal.draft"))}
                <ol class="ranked-list">
                    for (rank, norm) in ranked.iter().enumerate() {
                        <li class="idea" key={norm.id.clone()}>
                            <p class="idea-text">{&norm.text}</p>
                            <p class="idea-dots">{props.bank.dimension_title(&norm.dimension)}</p>
                            {move_buttons(words, root.as_ref(), norm, rank, last, &props.on_action)}
                            {why_fields(words, norm, &props.on_action)}
                            <TermsFields
                                norm={(*norm).clone()}
                                day={today}
                                status={Status::Proposed}
                                adopt_label={words.t("proposal.include")}
                                on_action={props.on_action.clone()}
                            />
                            <ConfirmButton
                                label={words.t("norms.delete")}
                                name={words.f("norms.delete-name", &[("idea", &quoted(words, &norm.text))])}
                                question={words.f("proposal.delete-question", &[("idea", &quoted(words, &norm.text))])}
                                confirm_label={words.t("workshops.delete-confirm")}
                                on_confirm={{
                                    let id = norm.id.clone();
                                    props.on_action.reform(move |()| NormsAction::Delete(id.clone()))
                                }}
                            />
                        </li>
                    }
                </ol>
                <AgreementExport
                    bank={props.bank.clone()}
                    norms={props.proposal.clone()}
                    heading={words.t(PROPOSAL_HEADING)}
                    day={today}
                    sheet={Route::Agreement(String::new()).to_hash()}
                    name={words.t("export.proposal-name")}
                />
            }
        </section>
    }
}

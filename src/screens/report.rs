//! The friction report of a self-assessment, as its own screen: the report (see
//! `components::report`), what to do next from it (change answers, draft norms, run a workshop)
//! and its exports. All figures come from `tandem_core::scoring`.

use std::rc::Rc;

use tandem_core::{Bank, Norms, Respondent, WorkshopDocument};
use yew::prelude::*;

use crate::components::StartOverButton;
use crate::components::report::{ReportExports, SelfReport};
use crate::hooks::use_focus_on_mount;
use crate::routes::Route;
use crate::setup::use_words;

#[derive(Properties, PartialEq)]
pub struct ReportScreenProps {
    pub bank: Rc<Bank>,
    pub respondent: Respondent,
    pub unanswered: usize,
    pub on_edit: Callback<()>,
    pub on_answer_rest: Callback<()>,
    pub on_start_over: Callback<()>,
    /// The norms this person has drafted to propose.
    pub proposal: Norms,
    pub on_draft_norms: Callback<()>,
    /// Opens the workshops, where this mount has them.
    #[prop_or_default]
    pub on_workshops: Option<Callback<()>>,
    /// Earlier finished self-assessments, for the trend.
    pub history: tandem_core::history::History,
    /// Shown when the report appears or the answers change: remember this run.
    pub on_finished: Callback<()>,
}

#[component]
pub fn ReportScreen(props: &ReportScreenProps) -> Html {
    let words = use_words();
    let heading = use_focus_on_mount();
    {
        let on_finished = props.on_finished.clone();
        use_effect_with(props.respondent.clone(), move |_| on_finished.emit(()));
    }
    let bank = &props.bank;
    // Nothing answered yet: no report to offer, only the way back to the statements.
    if props.respondent.answers.is_empty() {
        return html! {
            <section class="screen report" aria-labelledby={words.region("report-title")}>
                {words.heading(1, words.t("report.title")).id("report-title").focusable(heading)}
                <p class="lead">{words.t("report.nothing-yet")}</p>
                <p>
                    <button type="button" class="button primary" onclick={props.on_answer_rest.reform(|_: MouseEvent| ())}>
                        {words.t("report.answer-now")}
                    </button>
                </p>
            </section>
        };
    }
    let exports = html! {
        <ReportExports
            document={WorkshopDocument::self_assessment(bank, &props.respondent, &props.proposal)}
            name={words.t("export.self-name")}
            heading={words.t("report.self-heading")}
            source="self-assessment"
            sheet={Route::Report(String::new()).to_hash()}
        />
    };
    html! {
        <section class="screen report" aria-labelledby={words.region("report-title")}>
            {words.heading(1, words.t("report.title")).id("report-title").focusable(heading)}
            <p class="lead">
                {words.f("report.your-view", &[("role", &words.role(props.respondent.role))])}
            </p>
            if props.unanswered > 0 {
                <p class="note">
                    {if props.unanswered == 1 {
                        words.t("report.left-one").to_owned()
                    } else {
                        words.f("report.left-many", &[("count", &props.unanswered)])
                    }}{" "}
                    <button type="button" class="link" onclick={props.on_answer_rest.reform(|_: MouseEvent| ())}>
                        {words.t("report.answer-now")}
                    </button>
                </p>
            }
            {exports.clone()}
            <SelfReport bank={bank.clone()} respondent={props.respondent.clone()}
                        proposal={props.proposal.clone()} history={props.history.clone()} />
            <section class="next-step" aria-labelledby={words.region("norms-title")}>
                {words.heading(2, words.t("report.norms-title")).id("norms-title")}
                <p>
                    {words.t("report.norms-text")}
                </p>
                <button type="button" class="button primary" onclick={props.on_draft_norms.reform(|_: MouseEvent| ())}>
                    {words.t(if props.proposal.ideas.is_empty() { "report.draft-norms" } else { "report.edit-norms" })}
                </button>
            </section>
            {exports}
            <div class="report-actions">
                <button type="button" class="button" onclick={props.on_edit.reform(|_: MouseEvent| ())}>
                    {words.t("report.change-answers")}
                </button>
                <StartOverButton on_confirm={props.on_start_over.clone()} />
            </div>
            if let Some(on_workshops) = &props.on_workshops {
                <p>
                    <button type="button" class="link" onclick={on_workshops.reform(|_: MouseEvent| ())}>
                        {words.t("report.to-workshops")}
                    </button>
                </p>
            }
        </section>
    }
}

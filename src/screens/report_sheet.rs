//! The friction report as a page to print: a workshop's (`#report/<id>`) or the
//! self-assessment's (`#report/`). Read-only, like the presenter view; it follows changes made in
//! the main window through storage events. The print stylesheet gives each section its own page
//! and hides every control.

use tandem_core::Workshop;
use tandem_core::history::Run;
use yew::prelude::*;

use crate::browser;
use crate::components::norms::AgreementView;
use crate::components::report::{SelfReport, explanation};
use crate::components::{PrintButton, nothing_to_print};
use crate::hooks::{use_stored, use_title};
use crate::screens::workshop::RevealReport;
use crate::screens::workshops::answer_counts;
use crate::setup::{Setup, use_setup};
use crate::storage;

#[derive(Properties, PartialEq, Clone)]
pub struct ReportSheetProps {
    /// The workshop's id; empty for the self-assessment.
    pub workshop_id: AttrValue,
}

/// What the page shows.
#[derive(Clone, PartialEq)]
enum Sheet {
    Workshop(Workshop, Vec<Run>),
    SelfAssessment(tandem_core::Tandem),
    /// Why there is nothing to print, as a catalogue key.
    Missing(&'static str),
}

fn read(setup: &Setup, id: &str) -> Sheet {
    let state = storage::load(&setup.prefix).state;
    if id.is_empty() {
        // A report of no answers is no report.
        return if state
            .journey
            .respondent
            .as_ref()
            .is_some_and(|respondent| !respondent.answers.is_empty())
        {
            Sheet::SelfAssessment(state)
        } else {
            Sheet::Missing("sheet.no-self-assessment")
        };
    }
    match state.workshops.get(id) {
        Some(workshop) if workshop.revealed => {
            Sheet::Workshop(workshop.clone(), state.workshops.runs())
        }
        Some(_) => Sheet::Missing("sheet.not-revealed"),
        None => Sheet::Missing("sheet.workshop-missing"),
    }
}

#[component]
pub fn ReportSheet(props: &ReportSheetProps) -> Html {
    let setup = use_setup();
    let words = setup.words;
    let sheet = use_stored(props.workshop_id.clone(), read);
    use_title(match &*sheet {
        Sheet::Workshop(workshop, _) => {
            words.f("workshop.report-heading", &[("name", &workshop.name)])
        }
        Sheet::SelfAssessment(_) => words.t("report.self-heading").to_owned(),
        Sheet::Missing(_) => words.t("report.title").to_owned(),
    });
    let (heading, meta, body) = match &*sheet {
        Sheet::Missing(why) => {
            return nothing_to_print(words.t(why), words.t("sheet.report-from"));
        }
        Sheet::Workshop(workshop, runs) => (
            words.f("workshop.report-heading", &[("name", &workshop.name)]),
            format!(
                "{} \u{b7} {}",
                words.date(workshop.date),
                answer_counts(words, workshop)
            ),
            html! {
                <>
                    <RevealReport workshop={workshop.clone()} runs={runs.clone()} />
                    if !workshop.norms.agreement().is_empty() {
                        <AgreementView bank={workshop.bank.clone()} norms={workshop.norms.clone()}
                                       title={words.t("sheet.working-agreement")} level={2} />
                    }
                    {explanation(words)}
                </>
            },
        ),
        Sheet::SelfAssessment(state) => {
            let Some(respondent) = state.journey.respondent.clone() else {
                return Html::default();
            };
            (
                words.t("report.self-heading").to_owned(),
                words.f(
                    "sheet.self-meta",
                    &[
                        ("date", &words.date(browser::today())),
                        ("role", &words.role(respondent.role)),
                    ],
                ),
                html! {
                    <SelfReport bank={setup.bank.clone()} {respondent}
                                proposal={state.proposal.clone()} history={state.history.clone()} />
                },
            )
        }
    };
    html! {
        <div class="tandem sheet report-sheet">
            <main class="tandem-main">
                <h1>{heading}</h1>
                <p class="sheet-meta">{meta}</p>
                <PrintButton />
                {body}
            </main>
        </div>
    }
}

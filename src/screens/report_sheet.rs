//! The friction report as a page to print: a workshop's (`#report/<id>`) or the
//! self-assessment's (`#report/`). Read-only, like the presenter view; it follows changes made in
//! the main window through storage events. The print stylesheet gives each section its own page
//! and hides every control.

use std::rc::Rc;

use tandem_core::history::Run;
use tandem_core::workshop::long_date;
use tandem_core::{Bank, Workshop};
use yew::prelude::*;

use crate::browser;
use crate::components::{PrintButton, nothing_to_print};
use crate::hooks::use_stored;
use crate::screens::norms::AgreementView;
use crate::screens::report::{SelfReport, explanation};
use crate::screens::workshop::RevealReport;
use crate::screens::workshops::answer_counts;
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
    Missing(&'static str),
}

fn read(id: &str) -> Sheet {
    let state = storage::load().state;
    if id.is_empty() {
        return if state.journey.respondent.is_some() {
            Sheet::SelfAssessment(state)
        } else {
            Sheet::Missing("There is no self-assessment saved in this browser.")
        };
    }
    match state.workshops.get(id) {
        Some(workshop) if workshop.revealed => {
            Sheet::Workshop(workshop.clone(), state.workshops.runs())
        }
        Some(_) => Sheet::Missing("The results of this workshop have not been revealed yet."),
        None => Sheet::Missing("This workshop is not saved in this browser."),
    }
}

#[component]
pub fn ReportSheet(props: &ReportSheetProps) -> Html {
    let sheet = use_stored(props.workshop_id.clone(), read);
    let (heading, meta, body) = match &*sheet {
        Sheet::Missing(why) => {
            return nothing_to_print(why, "Open the report from the window where it is shown.");
        }
        Sheet::Workshop(workshop, runs) => (
            format!("Friction report: {}", workshop.name),
            format!(
                "{} \u{b7} {}",
                long_date(workshop.date),
                answer_counts(workshop)
            ),
            html! {
                <>
                    <RevealReport workshop={workshop.clone()} runs={runs.clone()} />
                    if !workshop.norms.agreement().is_empty() {
                        <AgreementView bank={Rc::new(workshop.bank.clone())} norms={workshop.norms.clone()}
                                       title="Working agreement" level={2} />
                    }
                    {explanation()}
                </>
            },
        ),
        Sheet::SelfAssessment(state) => {
            let Some(respondent) = state.journey.respondent.clone() else {
                return Html::default();
            };
            (
                "Friction report: self-assessment".to_owned(),
                format!(
                    "{} \u{b7} the view of {}",
                    long_date(browser::today()),
                    respondent.role.label()
                ),
                html! {
                    <SelfReport bank={Rc::new(Bank::default_bank())} {respondent}
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

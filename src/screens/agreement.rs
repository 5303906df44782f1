//! The working agreement as a page to print: the workshop's (`#agreement/<id>`) or the
//! individual's proposal (`#agreement/`). It only reads, follows changes made in the main window
//! through storage events, and lays the agreement out to fit one printed page.

use tandem_core::{Bank, Norms};
use yew::prelude::*;

use crate::browser;
use crate::components::norms::AgreementView;
use crate::components::{PrintButton, nothing_to_print};
use crate::hooks::{use_stored, use_title};
use crate::screens::brainstorm::agreement_heading;
use crate::screens::proposal::PROPOSAL_HEADING;
use crate::setup::{Setup, use_words};
use crate::storage;

#[derive(Properties, PartialEq, Clone)]
pub struct AgreementSheetProps {
    /// The workshop's id; empty for the individual's proposal.
    pub workshop_id: AttrValue,
}

/// What the sheet shows: heading, date, bank and norms.
#[derive(Clone, PartialEq)]
struct Sheet {
    heading: String,
    day: chrono::NaiveDate,
    bank: std::rc::Rc<Bank>,
    norms: Norms,
}

fn read(setup: &Setup, id: &str) -> Option<Sheet> {
    let state = storage::load(&setup.prefix).state;
    if id.is_empty() {
        return Some(Sheet {
            heading: setup.words.t(PROPOSAL_HEADING).to_owned(),
            day: browser::today(),
            bank: setup.bank.clone(),
            norms: state.proposal,
        });
    }
    let workshop = state.workshops.get(id)?;
    Some(Sheet {
        heading: agreement_heading(setup.words, workshop),
        day: workshop.date,
        bank: workshop.bank.clone(),
        norms: workshop.norms.clone(),
    })
}

#[component]
pub fn AgreementSheet(props: &AgreementSheetProps) -> Html {
    let words = use_words();
    let sheet = use_stored(props.workshop_id.clone(), read);
    use_title(sheet.as_ref().map_or_else(
        || words.t("sheet.working-agreement").to_owned(),
        |sheet| sheet.heading.clone(),
    ));
    let Some(sheet) = &*sheet else {
        return nothing_to_print(
            words.t("sheet.workshop-missing"),
            words.t("sheet.agreement-from"),
        );
    };
    html! {
        <div class="tandem sheet">
            <main class="tandem-main">
                <h1>{&sheet.heading}</h1>
                <p class="sheet-meta">{words.f("sheet.agreement-meta", &[("date", &words.date(sheet.day))])}</p>
                <AgreementView bank={sheet.bank.clone()} norms={sheet.norms.clone()} title={words.t("sheet.the-norms")} level={2} />
                <PrintButton />
            </main>
        </div>
    }
}

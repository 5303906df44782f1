//! Hooks shared by the screens.

use std::rc::Rc;

use tandem_core::Workshop;
use tandem_core::convergence::{self, Convergence};
use tandem_core::scoring::{self, Report};
use yew::prelude::*;

use crate::browser;
use crate::setup::{Setup, use_setup};

/// A node that receives keyboard focus when the component appears, so a screen reader announces
/// the new screen and Tab continues from its top. Put it on the screen's heading (with
/// `tabindex="-1"`).
#[hook]
pub fn use_focus_on_mount() -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |()| browser::focus_node(&node));
    }
    node
}

/// A node that receives keyboard focus whenever `key` changes after the first render (a new
/// phase, a revealed report), so focus and scroll follow what the button brought up instead of
/// falling to the page's body. Put it on the new part's heading (with `tabindex="-1"`).
#[hook]
pub fn use_focus_on_change<K: PartialEq + Clone + 'static>(key: K) -> NodeRef {
    let node = use_node_ref();
    let first = use_mut_ref(|| true);
    {
        let node = node.clone();
        use_effect_with(key, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                browser::focus_node(&node);
            }
        });
    }
    node
}

/// Names the window after what it shows ("Presenter: Q3 launch – Tandem"), so windows and tabs
/// can be told apart. An embed leaves the host page's title alone.
#[hook]
pub fn use_title(page: String) {
    use_title_if(Some(page));
}

/// [`use_title`] when `page` is given; `None` leaves the title to a component inside.
#[hook]
pub fn use_title_if(page: Option<String>) {
    let setup = use_setup();
    let title = page.map(|page| setup.words.f("title.page", &[("page", &page)]));
    use_effect_with((title, setup.embedded), |(title, embedded)| {
        if let (Some(title), false) = (title, embedded) {
            browser::set_title(title);
        }
    });
}

/// What `read` finds in this mount's storage for `id`, read again whenever another window of
/// this origin changes it. The read-only roots (the presenter view, the printable pages) follow
/// the facilitator's window this way, without ever writing.
#[hook]
pub fn use_stored<T: PartialEq + 'static>(
    id: AttrValue,
    read: fn(&Setup, &str) -> T,
) -> UseStateHandle<T> {
    let setup = use_setup();
    let value = use_state_eq(|| read(&setup, &id));
    {
        let value = value.clone();
        use_effect_with(id, move |id| {
            let id = id.clone();
            let prefix = setup.prefix.clone();
            let listener = crate::storage::on_change(&prefix, move || value.set(read(&setup, &id)));
            move || drop(listener)
        });
    }
    value
}

/// A workshop's report under its privacy threshold, computed once per change of answers or
/// threshold.
#[hook]
pub fn use_report(workshop: &Workshop) -> Rc<Report> {
    use_memo(
        (
            workshop.bank.clone(),
            workshop.respondents.clone(),
            workshop.threshold,
        ),
        |(bank, respondents, threshold)| scoring::score_within(bank, respondents, *threshold),
    )
}

/// A workshop's second round beside `report` (its [`use_report`]), when it has one: computed
/// once per change of either round, not again for each part of the page that shows it.
#[hook]
pub fn use_convergence(workshop: &Workshop, report: &Rc<Report>) -> Option<Rc<Convergence>> {
    let convergence = use_memo(
        (
            workshop.bank.clone(),
            report.clone(),
            workshop
                .second_round_shown()
                .then(|| workshop.rerate.clone())
                .flatten(),
            workshop.threshold,
        ),
        |(bank, report, rerate, threshold)| {
            rerate
                .as_deref()
                .map(|rerate| Rc::new(convergence::convergence(bank, report, rerate, *threshold)))
        },
    );
    (*convergence).clone()
}

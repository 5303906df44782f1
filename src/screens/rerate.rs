//! The re-rate phase on the facilitator's screen: choose the dimensions to answer again after
//! discussion (the hotspots ticked), collect the second round in turns on this device and by
//! second-round codes, then show the room how far Marketing and IT came together. What may be
//! chosen, which codes belong to the round and when its figures may be seen are the core's
//! rules (`Workshop::apply`); this shows them and reports what the facilitator did.

use tandem_core::code::Round;
use tandem_core::workshop::Receipt;
use tandem_core::{Workshop, WorkshopAction};
use yew::prelude::*;

use crate::components::report::after_discussion;
use crate::hooks::{use_convergence, use_report};
use crate::screens::collect::CollectRound;
use crate::setup::use_words;

#[derive(Properties, PartialEq)]
pub struct RerateRoundProps {
    pub workshop: Workshop,
    pub on_action: Callback<WorkshopAction>,
    /// What the last paste into a box of codes did (this phase's box shows its own only).
    pub receipt: Option<(u32, Receipt)>,
}

#[component]
pub fn RerateRound(props: &RerateRoundProps) -> Html {
    let words = use_words();
    let workshop = &props.workshop;
    let report = use_report(workshop);
    let convergence = use_convergence(workshop, &report);
    let chosen = workshop
        .rerate
        .as_ref()
        .map(|rerate| rerate.dimensions.clone());
    // The dimensions ticked while choosing: the chosen ones, or the hotspots to begin with.
    let ticked = use_state(|| {
        chosen
            .clone()
            .unwrap_or_else(|| workshop.rerate_suggested(&report))
    });
    let choosing = use_state_eq(|| false);
    if !workshop.revealed {
        return html! {
            <div class="phase-content">
                <p class="note">{words.t("again.reveal-first")}</p>
            </div>
        };
    }
    let Some(chosen) = chosen.filter(|_| !*choosing) else {
        // A dimension answered again stays in the round: ticked, and not to be unticked.
        let answered = workshop.answered_again();
        let on_choose = {
            let (on_action, ticked, choosing) =
                (props.on_action.clone(), ticked.clone(), choosing.clone());
            let answered = answered.clone();
            Callback::from(move |_: MouseEvent| {
                let mut chosen = (*ticked).clone();
                chosen.extend(answered.iter().cloned());
                on_action.emit(WorkshopAction::ChooseRerated(chosen));
                choosing.set(false);
            })
        };
        return html! {
            <div class="phase-content">
                <fieldset class="field rerated">
                    <legend>{words.t("again.choose")}</legend>
                    for (d, dimension) in workshop.bank.dimensions.iter().enumerate() {
                        <label class="check">
                            <input type="checkbox"
                                   checked={ticked.contains(&dimension.id) || answered.contains(&dimension.id)}
                                   disabled={answered.contains(&dimension.id)}
                                   onchange={{
                                       let (ticked, id) = (ticked.clone(), dimension.id.clone());
                                       Callback::from(move |_: Event| {
                                           let mut next = (*ticked).clone();
                                           match next.iter().position(|chosen| *chosen == id) {
                                               Some(at) => { next.remove(at); }
                                               None => next.push(id.clone()),
                                           }
                                           ticked.set(next);
                                       })
                                   }} />
                            {" "}{&dimension.title}
                            if report.hotspots.contains(&d) {
                                {" ("}{words.t("again.hotspot")}{")"}
                            }
                            if answered.contains(&dimension.id) {
                                {" ("}{words.t("again.answered-stays")}{")"}
                            }
                        </label>
                    }
                </fieldset>
                <button type="button" class="button primary" onclick={on_choose}>
                    {words.t(if workshop.rerate.is_some() { "again.save" } else { "again.start" })}
                </button>
            </div>
        };
    };
    let titles = chosen
        .iter()
        .map(|id| workshop.bank.dimension_title(id))
        .collect::<Vec<_>>()
        .join(", ");
    let counts = workshop.counts_again();
    let on_change = {
        let (ticked, choosing, chosen) = (ticked.clone(), choosing.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| {
            ticked.set(chosen.clone());
            choosing.set(true);
        })
    };
    html! {
        <div class="phase-content">
            <p>
                {words.f("again.chosen", &[("dimensions", &titles)])}{" "}
                <button type="button" class="link" onclick={on_change}>{words.t("again.change")}</button>
            </p>
            <CollectRound workshop={workshop.clone()} on_action={props.on_action.clone()}
                          receipt={props.receipt.clone()} round={Round::Second} />
            if let Some(convergence) = convergence {
                {after_discussion(words, &workshop.bank, &convergence, workshop.threshold, false)}
            } else if counts.total() > 0 {
                <p>{words.t("again.hidden")}</p>
                <button type="button" class="button primary big" onclick={props.on_action.reform(|_: MouseEvent| WorkshopAction::RevealAgain)}>
                    {words.t("again.reveal")}
                </button>
            }
        </div>
    }
}

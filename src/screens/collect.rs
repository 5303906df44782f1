//! Collecting a round's answers: the count, "I'm next" for a turn on this device, and from
//! participants' own devices the join link (text and QR) to hand out, a box to paste response
//! codes into, and response links (`#code/…`) opened on this device. Each round (the individual
//! assessment, and answering again after discussion) has its own link and box. Receiving the
//! codes is one core action (`WorkshopAction::Receive`, `ReceiveAgain` for the second round): it
//! decodes, refuses the other round's codes, applies the rule for a response that arrives
//! again, and says what became of each code (`Told::Received`); a response link is
//! `TandemAction::ReceiveLink`. This shows the outcome and keeps in the box what was refused.

use tandem_core::code::{self, Round};
use tandem_core::workshop::{Receipt, Received};
use tandem_core::{Workshop, WorkshopAction};
use yew::prelude::*;

use crate::browser;
use crate::components::{Qr, ShareButtons};
use crate::routes::Route;
use crate::screens::workshops::role_counts;
use crate::setup::{Words, use_setup, use_words};

#[derive(Properties, PartialEq)]
pub struct CollectRoundProps {
    pub workshop: Workshop,
    pub on_action: Callback<WorkshopAction>,
    /// What the last paste into this workshop's box did, numbered so a paste that did the same
    /// as the one before still counts as new.
    pub receipt: Option<(u32, Receipt)>,
    /// The round collected: the individual assessment's, or the answers given again after
    /// discussion (its own link, codes and box).
    #[prop_or_default]
    pub round: Round,
}

/// What the facilitator works with while a round is collected: how many have answered, "I'm
/// next" for a turn on this device, and the box of codes from participants' own devices.
#[component]
pub fn CollectRound(props: &CollectRoundProps) -> Html {
    let words = use_words();
    let workshop = &props.workshop;
    let (counted, counts) = match props.round {
        Round::First => ("workshop.answered-so-far", workshop.counts()),
        Round::Second => ("again.answered", workshop.counts_again()),
    };
    html! {
        <>
            <p class="answered-count" aria-live="polite">
                {words.f(counted, &[("counts", &role_counts(words, counts))])}
            </p>
            <p>{words.t("workshop.hand-device")}</p>
            if workshop.turn.is_none() {
                <button type="button" class="button primary big"
                        onclick={props.on_action.reform(|_: MouseEvent| WorkshopAction::StartTurn)}>
                    {words.t("workshop.im-next")}
                </button>
            }
            <CollectCodes workshop={workshop.clone()} on_action={props.on_action.clone()}
                          receipt={props.receipt.clone()} round={props.round} />
        </>
    }
}

/// The words and actions of one round's box.
struct RoundWords {
    title: &'static str,
    lead: &'static str,
    qr: &'static str,
    paste: &'static str,
    join_what: &'static str,
    /// The box's element id.
    field: &'static str,
}

impl RoundWords {
    fn of(round: Round) -> RoundWords {
        match round {
            Round::First => RoundWords {
                title: "collect.title",
                lead: "collect.lead",
                qr: "collect.qr",
                paste: "collect.paste",
                join_what: "collect.join-what",
                field: "codes",
            },
            Round::Second => RoundWords {
                title: "again.collect-title",
                lead: "again.collect-lead",
                qr: "again.qr",
                paste: "again.paste",
                join_what: "again.join-what",
                field: "codes-again",
            },
        }
    }
}

/// One round's join link (text, Copy and QR) and its box of codes.
#[component]
fn CollectCodes(props: &CollectRoundProps) -> Html {
    let words = use_words();
    let workshop = &props.workshop;
    let workshop_code = code::workshop_code(&workshop.id);
    let setup = use_setup();
    let round = props.round;
    let named = RoundWords::of(round);
    let join_link = match round {
        Round::First => Route::join(workshop),
        Round::Second => Route::join_again(workshop),
    };
    let join = setup.address(&join_link.to_hash());
    let pasted = use_state(String::new);
    let on_input = crate::components::bind_text_area(&pasted);
    let box_ref = use_node_ref();
    let on_add = {
        let (pasted, on_action) = (pasted.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            let text = (*pasted).clone();
            on_action.emit(match round {
                Round::First => WorkshopAction::Receive(text),
                Round::Second => WorkshopAction::ReceiveAgain(text),
            });
        })
    };
    // Once a paste is received, its outcome stays listed until the next one (whatever else is
    // told meanwhile); what was refused stays in the box to be mended, the first wrong
    // character selected, and what was added leaves it.
    let outcome = use_state(|| None::<Receipt>);
    {
        let (pasted, box_ref, outcome) = (pasted.clone(), box_ref.clone(), outcome.clone());
        // Only this round's box shows what a paste into it did.
        let receipt = props
            .receipt
            .clone()
            .filter(|(_, receipt)| receipt.round == round);
        use_effect_with(
            props.receipt.as_ref().map(|(number, _)| *number),
            move |_| {
                if let Some((_, receipt)) = receipt {
                    if receipt.refusals() > 0 {
                        select_in(&box_ref, receipt.selection());
                    }
                    pasted.set(receipt.kept());
                    outcome.set(Some(receipt));
                }
            },
        );
    }
    let received: &[Received] = (*outcome)
        .as_ref()
        .map_or(&[], |receipt| receipt.received.as_slice());
    let nothing_found = (*outcome)
        .as_ref()
        .is_some_and(|receipt| receipt.received.is_empty());
    // Every addition is listed; refusals up to REFUSALS_SHOWN, so a paste of junk does not
    // bury the page.
    let mut refusals = 0;
    let shown: Vec<&Received> = received
        .iter()
        .filter(|received| {
            let refused = matches!(received, Received::Refused { .. });
            refusals += usize::from(refused);
            !refused || refusals <= REFUSALS_SHOWN
        })
        .collect();
    let hidden = refusals.saturating_sub(REFUSALS_SHOWN);
    html! {
        <section class="collect" aria-labelledby={words.region("collect-title")}>
            {words.heading(3, words.t(named.title)).id("collect-title")}
            <p>
                {words.f(named.lead, &[("code", &code::workshop_text(workshop_code))])}
            </p>
            // Opened from here it would turn this tab into a participant's: a window of its own.
            <p class="join-link"><a href={join.clone()} target="tandem-join">{setup.address(&join_link.to_readable_hash())}</a></p>
            <ShareButtons text={join.clone()} what={words.t(named.join_what)} title={workshop.name.clone()} link=true />
            <Qr text={join} label={words.t(named.qr)} />
            <div class="field">
                <label for={named.field}>{words.t(named.paste)}</label>
                <textarea id={named.field} rows="4" value={(*pasted).clone()} oninput={on_input}
                          ref={box_ref} aria-describedby="codes-outcomes"
                          aria-invalid={(refusals > 0).then_some("true")} />
            </div>
            <button type="button" class="button" onclick={on_add}>{words.t("collect.add")}</button>
            // Always in the page, so the first outcome is announced like every later one.
            <ul class="outcomes" id="codes-outcomes" aria-live="polite">
                for received in shown {
                    <li class={if matches!(received, Received::Arrived { .. }) { "outcome-added" } else { "outcome-refused" }}>
                        {received.message(words.0)}
                        if let Some((text, position)) = received.marked() {
                            {" "}{marked(words, text, position)}
                        }
                    </li>
                }
                if nothing_found {
                    <li class="outcome-refused">{words.t("collect.no-code")}</li>
                }
                if hidden > 0 {
                    <li class="outcome-refused">{words.f("collect.more-refused", &[("count", &hidden)])}</li>
                }
            </ul>
        </section>
    }
}

/// At most this many refusals are listed after one paste; the rest are counted.
const REFUSALS_SHOWN: usize = 10;

/// A refused code with its wrong character marked: "AB<mark>!</mark>CD".
fn marked(words: Words, text: &str, position: usize) -> Html {
    let before: String = text.chars().take(position - 1).collect();
    let wrong: String = text.chars().skip(position - 1).take(1).collect();
    let after: String = text.chars().skip(position).collect();
    html! {
        <span class="marked-code">
            <span class="visually-hidden">{words.t("collect.marked")}</span>
            <code>{before}<mark>{wrong}</mark>{after}</code>
        </span>
    }
}

/// Focuses the paste box with `range` (UTF-16 offsets) selected, after the box holds its new
/// text.
fn select_in(node: &NodeRef, range: Option<(usize, usize)>) {
    let node = node.clone();
    gloo_timers::callback::Timeout::new(0, move || {
        if let Some(area) = node.cast::<web_sys::HtmlTextAreaElement>() {
            area.focus().ok();
            if let Some((start, end)) = range {
                let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
                area.set_selection_range(offset(start), offset(end)).ok();
            }
        }
    })
    .forget();
}

/// The response code in the address, if it is a response link.
#[must_use]
pub fn incoming_code() -> Option<String> {
    match Route::of(&browser::hash()) {
        Route::Code(text) => Some(text),
        _ => None,
    }
}

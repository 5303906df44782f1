//! Collecting answers from participants' own devices: the join link (text and QR) to hand out,
//! a box to paste response codes into, and response links (`#code/…`) opened on this device.
//! Decoding, and the rule for a response that arrives again (the later one replaces the earlier,
//! [`Workshop::arrival`]), are the core's; this shows what was added, what was already there,
//! what replaced an earlier response and what was refused, and why.

use tandem_core::code;
use tandem_core::{Arrival, TandemAction, View, Workshop, WorkshopAction};
use yew::prelude::*;

use crate::Model;
use crate::browser;
use crate::components::{Qr, ShareButtons};
use crate::screens::join::{CODE_HASH, JOIN_HASH};
use crate::setup::{Setup, Words, use_setup, use_words};

#[derive(Properties, PartialEq)]
pub struct CollectCodesProps {
    pub workshop: Workshop,
    pub dispatch: Callback<TandemAction>,
}

/// What became of a pasted code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Added,
    Refused,
    /// The paste held no code at all.
    NothingFound,
}

/// The outcome of one pasted code, for the list under the box.
#[derive(Debug, Clone, PartialEq)]
struct Outcome {
    kind: Kind,
    text: String,
    /// A refused code as pasted, with the 1-based position of the character that cannot be in
    /// a code, when that is why it was refused.
    marked: Option<(String, usize)>,
}

#[component]
pub fn CollectCodes(props: &CollectCodesProps) -> Html {
    let words = use_words();
    let workshop = &props.workshop;
    let workshop_code = code::workshop_code(&workshop.id);
    let setup = use_setup();
    let join = setup.address(&join_address(workshop));
    let pasted = use_state(String::new);
    let outcomes = use_state(Vec::<Outcome>::new);
    let on_input = crate::components::bind_text_area(&pasted);
    let box_ref = use_node_ref();
    let on_add = {
        let (pasted, outcomes, workshop, dispatch, box_ref) = (
            pasted.clone(),
            outcomes.clone(),
            workshop.clone(),
            props.dispatch.clone(),
            box_ref.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            // The workshop as the codes pasted so far leave it, so a code and its correction
            // in one paste are told apart like two pastes.
            let mut after = workshop.clone();
            let mut results = Vec::new();
            let mut refused = Vec::new();
            for found in code::decode_all(&workshop.bank, workshop_code, &pasted) {
                let grouped = code::echoed(&found.text);
                let text = match found.result {
                    Ok(response) => {
                        let arrival = after.arrival(&response.respondent);
                        let role = words.role(response.respondent.role);
                        let values: [(&str, &dyn std::fmt::Display); 3] = [
                            ("code", &grouped),
                            ("role", &role),
                            ("changes", &changes(words, arrival)),
                        ];
                        let text = words.f(
                            match arrival {
                                Arrival::New => "collect.added",
                                Arrival::Same => "collect.already",
                                Arrival::Corrected { .. } => "collect.replaced",
                            },
                            &values,
                        );
                        if arrival != Arrival::Same {
                            let action = WorkshopAction::AddRespondent(response.respondent);
                            if let Ok(Some(next)) = after.apply(action.clone()) {
                                after = next;
                            }
                            dispatch.emit(TandemAction::Workshop {
                                id: workshop.id.clone(),
                                action,
                            });
                        }
                        text
                    }
                    Err(error) => {
                        let marked = match error {
                            code::CodeError::Character { position, .. } => {
                                Some((found.text.clone(), position))
                            }
                            _ => None,
                        };
                        results.push(Outcome {
                            kind: Kind::Refused,
                            text: words.f(
                                "collect.refused",
                                &[("code", &grouped), ("why", &error.message(words.0))],
                            ),
                            marked,
                        });
                        refused.push(found.text);
                        continue;
                    }
                };
                results.push(Outcome {
                    kind: Kind::Added,
                    text,
                    marked: None,
                });
            }
            if results.is_empty() {
                results.push(Outcome {
                    kind: Kind::NothingFound,
                    text: words.t("collect.no-code").to_owned(),
                    marked: None,
                });
            }
            // What was refused stays in the box to be mended, the first wrong character
            // selected; what was added leaves it.
            let kept = refused.join("\n");
            let selection = results.iter().find_map(|outcome| {
                let (text, position) = outcome.marked.as_ref()?;
                let start = kept.find(text.as_str())?;
                let before: usize = text.chars().take(position - 1).map(char::len_utf16).sum();
                let wrong = text.chars().nth(position - 1)?.len_utf16();
                let start = kept[..start].encode_utf16().count() + before;
                Some((start, start + wrong))
            });
            if !refused.is_empty() {
                select_in(&box_ref, selection);
            }
            pasted.set(kept);
            outcomes.set(results);
        })
    };
    // Every addition is listed; refusals up to REFUSALS_SHOWN, so a paste of junk does not
    // bury the page.
    let mut refusals = 0;
    let shown: Vec<&Outcome> = outcomes
        .iter()
        .filter(|outcome| {
            refusals += usize::from(outcome.kind == Kind::Refused);
            outcome.kind != Kind::Refused || refusals <= REFUSALS_SHOWN
        })
        .collect();
    let hidden = refusals.saturating_sub(REFUSALS_SHOWN);
    html! {
        <section class="collect" aria-labelledby={words.region("collect-title")}>
            <@{words.h(3)} data-level="3" id="collect-title">{words.t("collect.title")}</@>
            <p>
                {words.f("collect.lead", &[("code", &code::workshop_text(workshop_code))])}
            </p>
            // Opened from here it would turn this tab into a participant's: a window of its own.
            <p class="join-link"><a href={join.clone()} target="tandem-join">{join_shown(&setup, workshop)}</a></p>
            <ShareButtons text={join.clone()} what={words.t("collect.join-what")} title={workshop.name.clone()} link=true />
            <Qr text={join} label={words.t("collect.qr")} />
            <div class="field">
                <label for="codes">{words.t("collect.paste")}</label>
                <textarea id="codes" rows="4" value={(*pasted).clone()} oninput={on_input}
                          ref={box_ref} aria-describedby="codes-outcomes"
                          aria-invalid={(refusals > 0).then_some("true")} />
            </div>
            <button type="button" class="button" onclick={on_add}>{words.t("collect.add")}</button>
            // Always in the page, so the first outcome is announced like every later one.
            <ul class="outcomes" id="codes-outcomes" aria-live="polite">
                for outcome in shown.iter() {
                    <li class={if outcome.kind == Kind::Added { "outcome-added" } else { "outcome-refused" }}>
                        {&outcome.text}
                        if let Some((text, position)) = &outcome.marked {
                            {" "}{marked(words, text, *position)}
                        }
                    </li>
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

/// The join link as the facilitator reads it: the workshop's name as text, not percent-encoded
/// (as [`join_address`] writes it for the address bar).
#[must_use]
pub fn join_shown(setup: &Setup, workshop: &Workshop) -> String {
    setup.address(&format!(
        "{JOIN_HASH}{}/{}/{}",
        workshop.bank.id,
        code::workshop_text(code::workshop_code(&workshop.id)),
        code::join_name(&workshop.name)
    ))
}

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

/// The join link's hash for a workshop: its bank, its code and its name.
#[must_use]
pub fn join_address(workshop: &Workshop) -> String {
    let path = code::join_path(
        &workshop.bank.id,
        code::workshop_code(&workshop.id),
        &workshop.name,
    );
    format!("{JOIN_HASH}{path}")
}

/// "3 answers", for a corrected response; empty otherwise.
fn changes(words: Words, arrival: Arrival) -> String {
    match arrival {
        Arrival::Corrected { changes } => words.0.count("count.answer", "count.answers", changes),
        Arrival::New | Arrival::Same => String::new(),
    }
}

/// The response code in the address, if it is a response link.
pub fn incoming_code() -> Option<String> {
    browser::hash().strip_prefix(CODE_HASH).map(str::to_owned)
}

/// Adds the response in a `#code/…` link to the saved workshop it belongs to, and says what
/// happened. Importing the same code twice changes nothing.
pub fn receive_response(words: Words, model: &UseReducerHandle<Model>, text: &str) -> String {
    let mut first_error = None;
    for workshop in &model.state.workshops.list {
        let expected = code::workshop_code(&workshop.id);
        match code::decode(&workshop.bank, expected, text) {
            Ok(response) => {
                let arrival = workshop.arrival(&response.respondent);
                let role = words.role(response.respondent.role);
                if arrival != Arrival::Same {
                    model.dispatch(TandemAction::Workshop {
                        id: workshop.id.clone(),
                        action: WorkshopAction::AddRespondent(response.respondent),
                    });
                }
                model.dispatch(TandemAction::Open(View::Workshop(workshop.id.clone())));
                let values: [(&str, &dyn std::fmt::Display); 3] = [
                    ("role", &role),
                    ("name", &workshop.name),
                    ("changes", &changes(words, arrival)),
                ];
                return words.f(
                    match arrival {
                        Arrival::New => "collect.link-added",
                        Arrival::Same => "collect.link-already",
                        Arrival::Corrected { .. } => "collect.link-replaced",
                    },
                    &values,
                );
            }
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    // With no workshop saved, the code is still checked (against no workshop at all): a
    // broken link says it is broken, a sound one what to do with it.
    let first_error = first_error.or_else(|| {
        code::decode(&model.bank, u32::MAX, text)
            .err()
            .filter(|error| !matches!(error, code::CodeError::OtherWorkshop { .. }))
    });
    match first_error {
        Some(code::CodeError::OtherWorkshop { found, .. }) => {
            words.f("collect.link-other-workshop", &[("found", &found)])
        }
        Some(error) => words.f(
            "collect.link-unreadable",
            &[("why", &error.message(words.0))],
        ),
        None => words.t("collect.link-no-workshop").to_owned(),
    }
}

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
use crate::components::Qr;
use crate::screens::join::{CODE_HASH, JOIN_HASH};
use crate::setup::{Words, use_setup, use_words};

#[derive(Properties, PartialEq)]
pub struct CollectCodesProps {
    pub workshop: Workshop,
    pub dispatch: Callback<TandemAction>,
}

/// The outcome of one pasted code, for the list under the box.
#[derive(Debug, Clone, PartialEq)]
struct Outcome {
    added: bool,
    text: String,
}

#[component]
pub fn CollectCodes(props: &CollectCodesProps) -> Html {
    let words = use_words();
    let workshop = &props.workshop;
    let workshop_code = code::workshop_code(&workshop.id);
    let join = use_setup().address(&format!(
        "{JOIN_HASH}{}/{}",
        workshop.bank.id,
        code::workshop_text(workshop_code)
    ));
    let pasted = use_state(String::new);
    let outcomes = use_state(Vec::<Outcome>::new);
    let on_input = crate::components::bind_text_area(&pasted);
    let on_add = {
        let (pasted, outcomes, workshop, dispatch) = (
            pasted.clone(),
            outcomes.clone(),
            workshop.clone(),
            props.dispatch.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            // The workshop as the codes pasted so far leave it, so a code and its correction
            // in one paste are told apart like two pastes.
            let mut after = workshop.clone();
            let mut results = Vec::new();
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
                        results.push(Outcome {
                            added: false,
                            text: words.f(
                                "collect.refused",
                                &[("code", &grouped), ("why", &error.message(words.0))],
                            ),
                        });
                        continue;
                    }
                };
                results.push(Outcome { added: true, text });
            }
            if results.is_empty() {
                results.push(Outcome {
                    added: false,
                    text: words.t("collect.no-code").to_owned(),
                });
            }
            pasted.set(String::new());
            outcomes.set(results);
        })
    };
    html! {
        <section class="collect" aria-labelledby="collect-title">
            <h3 id="collect-title">{words.t("collect.title")}</h3>
            <p>
                {words.f("collect.lead", &[("code", &code::workshop_text(workshop_code))])}
            </p>
            <p class="join-link"><a href={join.clone()}>{join.clone()}</a></p>
            <Qr text={join} label={words.t("collect.qr")} />
            <div class="field">
                <label for="codes">{words.t("collect.paste")}</label>
                <textarea id="codes" rows="4" value={(*pasted).clone()} oninput={on_input} />
            </div>
            <button type="button" class="button" onclick={on_add}>{words.t("collect.add")}</button>
            if !outcomes.is_empty() {
                <ul class="outcomes" aria-live="polite">
                    for outcome in outcomes.iter() {
                        <li class={if outcome.added { "outcome-added" } else { "outcome-refused" }}>{&outcome.text}</li>
                    }
                </ul>
            }
        </section>
    }
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

//! Response codes arriving from participants' own devices: pasted into a workshop's box, or
//! opened on this device as a response link (`#code/…`). Decoding is the codec's, and the rule
//! for a response that arrives again is [`Workshop::arrival`]'s; this says what became of each
//! code, in words, and what the box keeps to be mended. Builds on the workshop (`super`).

use super::{Arrival, Workshop, Workshops};
use crate::bank::Bank;
use crate::code::{self, CodeError, Round};
use crate::convergence::Rerater;
use crate::i18n::Locale;
use crate::respondent::Role;

/// What became of one code received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// A response for this workshop: added, already there, or replacing an earlier one.
    Arrived {
        /// The code as it is shown back, in groups.
        code: String,
        role: Role,
        arrival: Arrival,
    },
    /// Not a response for this workshop.
    Refused {
        code: String,
        /// The code as it was pasted, to stay in the box to be mended.
        pasted: String,
        error: CodeError,
    },
}

impl Received {
    /// One line under the box, in `locale`.
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Received::Arrived {
                code,
                role,
                arrival,
            } => locale.format(
                match arrival {
                    Arrival::New => "collect.added",
                    Arrival::Same => "collect.already",
                    Arrival::Corrected { .. } => "collect.replaced",
                },
                &[
                    ("code", code),
                    ("role", &role.label(locale)),
                    ("changes", &changes(*arrival, locale)),
                ],
            ),
            Received::Refused { code, error, .. } => locale.format(
                "collect.refused",
                &[("code", code), ("why", &error.message(locale))],
            ),
        }
    }

    /// A refused code as pasted, with the 1-based position of the character that cannot be in
    /// a code, when that is why it was refused.
    #[must_use]
    pub fn marked(&self) -> Option<(&str, usize)> {
        match self {
            Received::Refused {
                pasted,
                error: CodeError::Character { position, .. },
                ..
            } => Some((pasted, *position)),
            _ => None,
        }
    }
}

/// What one paste into a workshop's box did, code by code; empty when it held no code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// The workshop's id.
    pub workshop: String,
    /// The round whose box the codes were pasted into.
    pub round: Round,
    pub received: Vec<Received>,
}

impl Receipt {
    /// What stays in the box: the refused codes, to be mended; what was added leaves it.
    #[must_use]
    pub fn kept(&self) -> String {
        self.received
            .iter()
            .filter_map(|received| match received {
                Received::Refused { pasted, .. } => Some(pasted.as_str()),
                Received::Arrived { .. } => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Where the first character that cannot be in a code sits in [`Receipt::kept`], as the
    /// start and end of a text field's selection (UTF-16 offsets).
    #[must_use]
    pub fn selection(&self) -> Option<(usize, usize)> {
        let kept = self.kept();
        self.received.iter().find_map(|received| {
            let (text, position) = received.marked()?;
            let start = kept.find(text)?;
            let before: usize = text.chars().take(position - 1).map(char::len_utf16).sum();
            let wrong = text.chars().nth(position - 1)?.len_utf16();
            let start = kept[..start].encode_utf16().count() + before;
            Some((start, start + wrong))
        })
    }

    /// How many codes were refused.
    #[must_use]
    pub fn refusals(&self) -> usize {
        self.received
            .iter()
            .filter(|received| matches!(received, Received::Refused { .. }))
            .count()
    }
}

/// What a response link opened on this device did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Linked {
    /// The response belongs to saved workshop `workshop`, now open.
    Arrived {
        workshop: String,
        name: String,
        role: Role,
        arrival: Arrival,
        /// The round the response answers.
        round: Round,
    },
    /// A sound response for a workshop this browser does not have.
    OtherWorkshop { found: String },
    /// The link does not hold a response that can be read.
    Unreadable(CodeError),
    /// A sound response, and no workshop saved here at all.
    NoWorkshop,
}

impl Linked {
    /// The notice to show, in `locale`.
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Linked::Arrived {
                name,
                role,
                arrival,
                round,
                ..
            } => locale.format(
                match (round, arrival) {
                    (Round::First, Arrival::New) => "collect.link-added",
                    (Round::Second, Arrival::New) => "collect.link-added-again",
                    (_, Arrival::Same) => "collect.link-already",
                    (_, Arrival::Corrected { .. }) => "collect.link-replaced",
                },
                &[
                    ("role", &role.label(locale)),
                    ("name", name),
                    ("changes", &changes(*arrival, locale)),
                ],
            ),
            Linked::OtherWorkshop { found } => {
                locale.format("collect.link-other-workshop", &[("found", found)])
            }
            Linked::Unreadable(error) => locale.format(
                "collect.link-unreadable",
                &[("why", &error.message(locale))],
            ),
            Linked::NoWorkshop => locale.text("collect.link-no-workshop").to_owned(),
        }
    }
}

/// "3 answers", for a corrected response; empty otherwise.
fn changes(arrival: Arrival, locale: Locale) -> String {
    match arrival {
        Arrival::Corrected { changes } => locale.count("count.answer", "count.answers", changes),
        Arrival::New | Arrival::Same => String::new(),
    }
}

impl Workshop {
    /// The workshop with every first-round code in `text` received in order, and what became of
    /// each. The codes are read one after the other, so a code and its correction in one paste
    /// are told apart as in two pastes. A second-round code is refused, saying so.
    #[must_use]
    pub fn receive(&self, text: &str) -> (Workshop, Vec<Received>) {
        self.receive_in(Round::First, text)
    }

    /// As [`Workshop::receive`], for the second round's box: second-round codes only.
    #[must_use]
    pub fn receive_again(&self, text: &str) -> (Workshop, Vec<Received>) {
        self.receive_in(Round::Second, text)
    }

    /// The box of `round`: [`Workshop::receive`] or [`Workshop::receive_again`].
    pub(crate) fn receive_in(&self, round: Round, text: &str) -> (Workshop, Vec<Received>) {
        let mut after = self.clone();
        let received = code::decode_all(&self.bank, code::workshop_code(&self.id), text)
            .into_iter()
            .map(|found| {
                let shown = code::echoed(&found.text);
                let taken = found.result.and_then(|response| {
                    if response.round == round {
                        after.take(response)
                    } else {
                        Err(CodeError::Round {
                            found: response.round,
                        })
                    }
                });
                match taken {
                    Ok((role, arrival)) => Received::Arrived {
                        code: shown,
                        role,
                        arrival,
                    },
                    Err(error) => Received::Refused {
                        code: shown,
                        pasted: found.text,
                        error,
                    },
                }
            })
            .collect();
        (after, received)
    }

    /// Takes a sound response into its round, by the rule for one that arrives again.
    ///
    /// # Errors
    /// The [`CodeError`] to tell the person when the answers cannot be taken: the workshop
    /// re-rates nothing, or not what the code answers, or the answers do not fit.
    fn take(&mut self, response: code::Response) -> Result<(Role, Arrival), CodeError> {
        let role = response.respondent.role;
        match response.round {
            Round::First => {
                let arrival = self.arrival(&response.respondent);
                if arrival != Arrival::Same {
                    // Sound as a code, but answers the workshop cannot take.
                    self.add(response.respondent)
                        .map_err(|_| CodeError::Malformed)?;
                }
                Ok((role, arrival))
            }
            Round::Second => {
                if self.rerate.is_none() {
                    return Err(CodeError::NoSecondRound);
                }
                let again = self.rerate_bank();
                if response
                    .respondent
                    .answers
                    .keys()
                    .any(|item| again.item(item).is_none())
                {
                    return Err(CodeError::NotRerated);
                }
                let rerater = Rerater::from(response.respondent);
                let arrival = self.arrival_again(&rerater);
                if arrival != Arrival::Same {
                    self.add_rerater(rerater)
                        .map_err(|_| CodeError::Malformed)?;
                }
                Ok((role, arrival))
            }
        }
    }
}

impl Workshops {
    /// The response in a response link added to the saved workshop it belongs to, and what
    /// happened; `None` for the workshops when none changed. With no workshop saved the code is
    /// still checked against `bank`, so a broken link says it is broken.
    #[must_use]
    pub fn receive_link(&self, bank: &Bank, text: &str) -> (Option<Workshops>, Linked) {
        let mut first_error = None;
        for workshop in &self.list {
            match code::decode(&workshop.bank, code::workshop_code(&workshop.id), text) {
                Ok(response) => {
                    let round = response.round;
                    let mut taken = workshop.clone();
                    return match taken.take(response) {
                        Ok((role, arrival)) => {
                            let linked = Linked::Arrived {
                                workshop: workshop.id.clone(),
                                name: workshop.name.clone(),
                                role,
                                arrival,
                                round,
                            };
                            if arrival == Arrival::Same {
                                return (None, linked);
                            }
                            (Some(self.replaced(taken)), linked)
                        }
                        Err(error) => (None, Linked::Unreadable(error)),
                    };
                }
                Err(error) => {
                    first_error.get_or_insert(error);
                }
            }
        }
        let first_error = first_error.or_else(|| {
            code::decode(bank, u32::MAX, text)
                .err()
                .filter(|error| !matches!(error, CodeError::OtherWorkshop { .. }))
        });
        let linked = match first_error {
            Some(CodeError::OtherWorkshop { found, .. }) => Linked::OtherWorkshop { found },
            Some(error) => Linked::Unreadable(error),
            None => Linked::NoWorkshop,
        };
        (None, linked)
    }
}

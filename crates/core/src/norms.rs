//! Norms: how Marketing and IT agree to work together. Ideas are written privately, revealed,
//! merged, dot-voted and ranked; the top ones are asked "why?" and adopted into a working
//! agreement with an owner, a review date and a status. The same board serves a workshop and an
//! individual drafting norms to propose to the other team.
//!
//! Pure data and transitions: ids, authors and voters come in from the caller (the core has no
//! randomness), and the bank is passed in to check dimensions. Knows nothing of screens or
//! storage.

use crate::i18n::Locale;
use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::validation::{Problem, at_field, at_index, at_key};

/// Dots each person may place when the facilitator sets no other number.
pub const DEFAULT_CAP: u8 = 3;
/// The caps a facilitator may choose.
pub const CAPS: RangeInclusive<u8> = 1..=10;
/// How many of the ranked norms are asked "why?" and offered for adoption.
pub const TOP: usize = 5;
/// An adopted norm is reviewed this many weeks after the workshop unless the group picks a date.
pub const REVIEW_WEEKS: u64 = 6;
/// Who wrote an idea the facilitator typed in.
pub const FACILITATOR: &str = "facilitator";

/// Who wrote a wording, as the board shows it: nobody is named, but merged wordings stay
/// traceable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contributor {
    /// The facilitator, who typed an idea in.
    Facilitator,
    /// Contributor 1, 2…, numbered in the order people first wrote.
    Numbered(usize),
}

/// The review date an adopted norm gets unless the group chooses another: six weeks after `day`,
/// but never past the last date that can be written (9999-12-31), so it always reads back.
#[must_use]
pub fn default_review(day: NaiveDate) -> NaiveDate {
    day.checked_add_days(Days::new(REVIEW_WEEKS * 7))
        .map_or(day, |review| review.min(crate::dates::LAST_DATE))
        .max(day)
}

/// One person's wording of an idea, kept when ideas are merged so every author stays traceable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    /// An anonymous id for the person (one per brainstorming turn), or [`FACILITATOR`].
    pub author: String,
    pub text: String,
}

/// Who looks after an adopted norm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Owner {
    Marketing,
    It,
    /// Marketing and IT together.
    Both,
    /// A person, by the name the facilitator typed.
    Person(String),
}

impl Owner {
    /// The kinds of owner a form offers, as [`Owner::key`] writes them, in the order offered.
    pub const KEYS: [&'static str; 4] = ["both", "marketing", "it", "person"];

    /// The owner's kind as the document writes it (`"marketing"`, `"it"`, `"both"`,
    /// `"person"`), for a form's choice.
    #[must_use]
    pub fn key(&self) -> &'static str {
        match self {
            Owner::Marketing => "marketing",
            Owner::It => "it",
            Owner::Both => "both",
            Owner::Person(_) => "person",
        }
    }

    /// The owner a form's choice names: a kind as [`Owner::key`] writes it, with the person's
    /// `name`; `None` for a person without a name or a kind there is not.
    #[must_use]
    pub fn from_key(key: &str, name: &str) -> Option<Owner> {
        match key {
            "marketing" => Some(Owner::Marketing),
            "it" => Some(Owner::It),
            "both" => Some(Owner::Both),
            "person" if !name.trim().is_empty() => Some(Owner::Person(name.trim().to_owned())),
            _ => None,
        }
    }

    /// Who owns the norm, in `locale` (a person by the name typed).
    #[must_use]
    pub fn label(&self, locale: Locale) -> &str {
        match self {
            Owner::Marketing => locale.text("owner.marketing"),
            Owner::It => locale.text("owner.it"),
            Owner::Both => locale.text("owner.both"),
            Owner::Person(name) => name,
        }
    }
}

/// Where an adopted norm stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Drafted by one side, to be put to the other.
    Proposed,
    /// Agreed by both functions and in use.
    Adopted,
    /// Reviewed and found to need changing.
    Revisit,
    /// No longer in use.
    Retired,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Proposed,
        Status::Adopted,
        Status::Revisit,
        Status::Retired,
    ];

    /// The status as the document writes it, for a form's choice.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Adopted => "adopted",
            Status::Revisit => "revisit",
            Status::Retired => "retired",
        }
    }

    /// The status [`Status::key`] writes as `key`.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.key() == key)
    }

    /// Where the norm stands, in `locale`.
    #[must_use]
    pub fn label(self, locale: Locale) -> &'static str {
        locale.text(match self {
            Status::Proposed => "status.proposed",
            Status::Adopted => "status.adopted",
            Status::Revisit => "status.revisit",
            Status::Retired => "status.retired",
        })
    }
}

/// What the group agreed about one norm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub owner: Owner,
    #[serde(with = "crate::dates::iso")]
    pub review: NaiveDate,
    pub status: Status,
}

/// An idea for how the two functions will work together, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Norm {
    pub id: String,
    /// The id of the bank dimension it serves.
    pub dimension: String,
    /// The wording the group works with; the facilitator may edit it.
    pub text: String,
    /// Every original wording, the norm's own first, then those merged into it.
    pub drafts: Vec<Contribution>,
    /// Dots per voter.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub votes: BTreeMap<String, u8>,
    /// "Why does this matter?"
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
    /// What the group will see when the norm works.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signal: String,
    /// Present once the norm is part of the working agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
}

impl Norm {
    /// Dots placed on this norm.
    #[must_use]
    pub fn dots(&self) -> u32 {
        self.votes.values().map(|&dots| u32::from(dots)).sum()
    }

    /// People who placed at least one dot on it.
    #[must_use]
    pub fn supporters(&self) -> usize {
        self.votes.values().filter(|&&dots| dots > 0).count()
    }

    /// Whether merging or editing changed it from the one wording it started with.
    #[must_use]
    pub fn has_history(&self) -> bool {
        self.drafts.len() > 1 || self.drafts.first().is_some_and(|d| d.text != self.text)
    }
}

/// The brainstorm and everything that came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Norms {
    /// In the order they were written.
    pub ideas: Vec<Norm>,
    /// Whether the ideas are shown to everyone. Until then each author sees only their own.
    pub revealed: bool,
    /// Dots per person.
    pub cap: u8,
    /// Whether running totals are shown while voting is open.
    pub totals_shown: bool,
    pub voting_closed: bool,
    /// The facilitator's order of the ranked list, by id; empty means ranked by votes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<String>,
}

impl Default for Norms {
    fn default() -> Self {
        Norms {
            ideas: Vec::new(),
            revealed: false,
            cap: DEFAULT_CAP,
            totals_shown: false,
            voting_closed: false,
            order: Vec::new(),
        }
    }
}

/// Everything that can be done with norms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NormsAction {
    /// Write down an idea. `id` is new and unique; `author` is who wrote it.
    Add {
        id: String,
        author: String,
        dimension: String,
        text: String,
    },
    /// Reword an idea or change the dimension it serves.
    Edit {
        id: String,
        dimension: String,
        text: String,
    },
    Delete(String),
    /// Fold the idea `from` into `into`: its wordings, dots, "why" and signal move with it.
    Merge {
        from: String,
        into: String,
    },
    Reveal,
    SetCap(u8),
    ShowTotals(bool),
    CastVote {
        voter: String,
        norm: String,
    },
    TakeBackVote {
        voter: String,
        norm: String,
    },
    CloseVoting,
    /// Reopen voting; the facilitator's order is dropped, since votes may change.
    ReopenVoting,
    /// Put a norm at `to` in the ranked list (0 is the top).
    Move {
        id: String,
        to: usize,
    },
    /// Rank by votes again, dropping the facilitator's order.
    RankByVotes,
    SetWhy {
        id: String,
        text: String,
    },
    SetSignal {
        id: String,
        text: String,
    },
    /// Adopt a norm into the working agreement or change its terms; `None` takes it out.
    Agree {
        id: String,
        agreement: Option<Agreement>,
    },
    /// An individual's norm to propose to the other team after a self-assessment: written by
    /// [`PROPOSER`] and in the agreement at once, owned by both, proposed, to review six weeks
    /// after `today`.
    Propose {
        id: String,
        dimension: String,
        text: String,
        today: NaiveDate,
    },
}

/// The author of every norm an individual proposes: there is only one person.
pub const PROPOSER: &str = "me";

/// Why a change to the norms was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NormsError {
    /// An idea was added or edited with no text.
    #[error("{}", self.message(Locale::En))]
    EmptyText,
    /// The dimension is not one of the bank's.
    #[error("{}", self.message(Locale::En))]
    NoDimension,
    /// A vote before the ideas were revealed.
    #[error("{}", self.message(Locale::En))]
    NotRevealed,
    /// A vote after voting closed.
    #[error("{}", self.message(Locale::En))]
    VotingClosed,
    /// A voter tried to place more dots than the cap.
    #[error("{}", self.message(Locale::En))]
    NoDotsLeft(u8),
    /// The cap was outside 1 to 10.
    #[error("{}", self.message(Locale::En))]
    Cap(u8),
    /// The cap would fall below what someone has already placed.
    #[error("{}", self.message(Locale::En))]
    CapBelowVotes(u8),
    /// An owner named as a person with an empty name.
    #[error("{}", self.message(Locale::En))]
    NoOwnerName,
}

impl NormsError {
    /// What went wrong, in `locale`.
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            NormsError::EmptyText => locale.text("error.norms.empty-text").to_owned(),
            NormsError::NoDimension => locale.text("error.norms.no-dimension").to_owned(),
            NormsError::NotRevealed => locale.text("error.norms.not-revealed").to_owned(),
            NormsError::VotingClosed => locale.text("error.norms.voting-closed").to_owned(),
            NormsError::NoDotsLeft(value) => {
                locale.format("error.norms.no-dots-left", &[("0", value)])
            }
            NormsError::Cap(value) => locale.format("error.norms.cap", &[("0", value)]),
            NormsError::CapBelowVotes(value) => {
                locale.format("error.norms.cap-below-votes", &[("0", value)])
            }
            NormsError::NoOwnerName => locale.text("error.norms.no-owner-name").to_owned(),
        }
    }
}

impl Norms {
    /// Whether there is nothing to keep: no ideas and every setting at its default.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Norms::default()
    }

    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Norm> {
        self.ideas.iter().find(|norm| norm.id == id)
    }

    /// The ideas `author` wrote, for showing them their own before the reveal.
    pub fn by(&self, author: &str) -> impl Iterator<Item = &Norm> {
        self.ideas
            .iter()
            .filter(move |norm| norm.drafts.first().is_some_and(|d| d.author == author))
    }

    /// How many different people wrote ideas.
    #[must_use]
    pub fn authors(&self) -> usize {
        let mut authors: Vec<&str> = self
            .ideas
            .iter()
            .flat_map(|norm| norm.drafts.iter().map(|d| d.author.as_str()))
            .collect();
        authors.sort_unstable();
        authors.dedup();
        authors.len()
    }

    /// Dots `voter` has placed in all.
    #[must_use]
    pub fn dots_of(&self, voter: &str) -> u8 {
        self.ideas
            .iter()
            .filter_map(|norm| norm.votes.get(voter))
            .fold(0, |sum, &dots| sum.saturating_add(dots))
    }

    /// How many people have placed at least one dot.
    #[must_use]
    pub fn voters(&self) -> usize {
        let mut voters: Vec<&str> = self
            .ideas
            .iter()
            .flat_map(|norm| norm.votes.keys().map(String::as_str))
            .collect();
        voters.sort_unstable();
        voters.dedup();
        voters.len()
    }

    /// Whether vote totals may be shown: always once voting closes, before that only if the
    /// facilitator chose to.
    #[must_use]
    pub fn totals_visible(&self) -> bool {
        self.voting_closed || self.totals_shown
    }

    /// The ideas in ranked order.
    ///
    /// The facilitator's order comes first. Everything else is ranked by votes: more dots first;
    /// on equal dots, the idea more people voted for (broader support); then the idea written
    /// first.
    #[must_use]
    pub fn ranked(&self) -> Vec<&Norm> {
        let mut rest: Vec<(usize, &Norm)> = self
            .ideas
            .iter()
            .enumerate()
            .filter(|(_, norm)| !self.order.contains(&norm.id))
            .collect();
        rest.sort_by(|(a_at, a), (b_at, b)| {
            b.dots()
                .cmp(&a.dots())
                .then(b.supporters().cmp(&a.supporters()))
                .then(a_at.cmp(b_at))
        });
        self.order
            .iter()
            .filter_map(|id| self.get(id))
            .chain(rest.into_iter().map(|(_, norm)| norm))
            .collect()
    }

    /// The ranked ideas that are asked "why?" and offered for adoption.
    #[must_use]
    pub fn top(&self) -> Vec<&Norm> {
        let mut ranked = self.ranked();
        ranked.truncate(TOP);
        ranked
    }

    /// The working agreement: the adopted norms in ranked order.
    #[must_use]
    pub fn agreement(&self) -> Vec<(&Norm, &Agreement)> {
        self.ranked()
            .into_iter()
            .filter_map(|norm| norm.agreement.as_ref().map(|agreement| (norm, agreement)))
            .collect()
    }

    /// The norms with an individual's proposal added and in the agreement (see
    /// [`NormsAction::Propose`]).
    fn proposed(
        &self,
        bank: &Bank,
        id: String,
        dimension: String,
        text: String,
        today: NaiveDate,
    ) -> Result<Norms, NormsError> {
        let add = NormsAction::Add {
            id: id.clone(),
            author: PROPOSER.to_owned(),
            dimension,
            text,
        };
        let added = self.apply(bank, add)?.unwrap_or_else(|| self.clone());
        let agreement = Agreement {
            owner: Owner::Both,
            review: default_review(today),
            status: Status::Proposed,
        };
        let agree = NormsAction::Agree {
            id,
            agreement: Some(agreement),
        };
        Ok(added.apply(bank, agree)?.unwrap_or(added))
    }

    /// Every author of a wording, as the board names them (see [`Contributor`]).
    #[must_use]
    pub fn contributors(&self) -> BTreeMap<String, Contributor> {
        let mut contributors = BTreeMap::new();
        let mut numbered = 0;
        for draft in self.ideas.iter().flat_map(|norm| &norm.drafts) {
            if !contributors.contains_key(&draft.author) {
                let contributor = if draft.author == FACILITATOR {
                    Contributor::Facilitator
                } else {
                    numbered += 1;
                    Contributor::Numbered(numbered)
                };
                contributors.insert(draft.author.clone(), contributor);
            }
        }
        contributors
    }

    /// The norms after `action`; `Ok(None)` when nothing changes (including an action on an
    /// idea that is no longer there).
    ///
    /// # Errors
    /// [`NormsError`] when the action is refused; nothing changes then.
    pub fn apply(&self, bank: &Bank, action: NormsAction) -> Result<Option<Norms>, NormsError> {
        let mut next = self.clone();
        match action {
            NormsAction::Propose {
                id,
                dimension,
                text,
                today,
            } => next = self.proposed(bank, id, dimension, text, today)?,
            NormsAction::Add {
                id,
                author,
                dimension,
                text,
            } => {
                let text = checked(bank, &dimension, &text)?;
                if self.get(&id).is_none() {
                    next.ideas.push(Norm {
                        id,
                        dimension,
                        text: text.clone(),
                        drafts: vec![Contribution { author, text }],
                        votes: BTreeMap::new(),
                        why: String::new(),
                        signal: String::new(),
                        agreement: None,
                    });
                }
            }
            NormsAction::Edit {
                id,
                dimension,
                text,
            } => {
                let text = checked(bank, &dimension, &text)?;
                if let Some(norm) = next.get_mut(&id) {
                    norm.text = text;
                    norm.dimension = dimension;
                }
            }
            // Once voting has closed the dots are counted: merging or deleting an idea would
            // change the count behind the ranking. Reopen voting to change the ideas.
            NormsAction::Delete(_) | NormsAction::Merge { .. } if self.voting_closed => {
                return Err(NormsError::VotingClosed);
            }
            NormsAction::Delete(id) => {
                next.ideas.retain(|norm| norm.id != id);
                next.order.retain(|kept| *kept != id);
            }
            NormsAction::Merge { from, into } => next.merge(&from, &into),
            NormsAction::Reveal => next.revealed = true,
            NormsAction::SetCap(cap) => next.set_cap(cap)?,
            NormsAction::ShowTotals(shown) => next.totals_shown = shown,
            NormsAction::CastVote { voter, norm } => next.cast_vote(voter, &norm)?,
            NormsAction::TakeBackVote { voter, norm } => next.take_back_vote(&voter, &norm)?,
            NormsAction::CloseVoting => next.voting_closed = true,
            NormsAction::ReopenVoting => {
                next.voting_closed = false;
                next.order.clear();
            }
            NormsAction::Move { id, to } => next.move_to(&id, to),
            NormsAction::RankByVotes => next.order.clear(),
            NormsAction::SetWhy { id, text } => {
                if let Some(norm) = next.get_mut(&id) {
                    norm.why = text;
                }
            }
            NormsAction::SetSignal { id, text } => {
                if let Some(norm) = next.get_mut(&id) {
                    norm.signal = text;
                }
            }
            NormsAction::Agree { id, agreement } => {
                if let Some(Agreement {
                    owner: Owner::Person(name),
                    ..
                }) = &agreement
                    && name.trim().is_empty()
                {
                    return Err(NormsError::NoOwnerName);
                }
                if let Some(norm) = next.get_mut(&id) {
                    norm.agreement = agreement;
                }
            }
        }
        Ok((next != *self).then_some(next))
    }

    fn merge(&mut self, from: &str, into: &str) {
        if from == into || self.get(into).is_none() {
            return;
        }
        let Some(at) = self.ideas.iter().position(|norm| norm.id == from) else {
            return;
        };
        let merged = self.ideas.remove(at);
        self.order.retain(|kept| kept != from);
        if let Some(norm) = self.get_mut(into) {
            norm.absorb(merged);
        }
    }

    fn set_cap(&mut self, cap: u8) -> Result<(), NormsError> {
        if !CAPS.contains(&cap) {
            return Err(NormsError::Cap(cap));
        }
        let most = self.most_dots_placed();
        if most > cap {
            return Err(NormsError::CapBelowVotes(most));
        }
        self.cap = cap;
        Ok(())
    }

    fn cast_vote(&mut self, voter: String, norm: &str) -> Result<(), NormsError> {
        self.check_voting_open()?;
        if self.dots_of(&voter) >= self.cap {
            return Err(NormsError::NoDotsLeft(self.cap));
        }
        if let Some(target) = self.get_mut(norm) {
            *target.votes.entry(voter).or_insert(0) += 1;
        }
        Ok(())
    }

    fn take_back_vote(&mut self, voter: &str, norm: &str) -> Result<(), NormsError> {
        self.check_voting_open()?;
        if let Some(target) = self.get_mut(norm)
            && let Some(dots) = target.votes.get_mut(voter)
        {
            *dots = dots.saturating_sub(1);
            if *dots == 0 {
                target.votes.remove(voter);
            }
        }
        Ok(())
    }

    fn move_to(&mut self, id: &str, to: usize) {
        let mut ids: Vec<String> = self.ranked().iter().map(|n| n.id.clone()).collect();
        let Some(from) = ids.iter().position(|kept| kept == id) else {
            return;
        };
        let moved = ids.remove(from);
        ids.insert(to.min(ids.len()), moved);
        self.order = ids;
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut Norm> {
        self.ideas.iter_mut().find(|norm| norm.id == id)
    }

    fn check_voting_open(&self) -> Result<(), NormsError> {
        if !self.revealed {
            Err(NormsError::NotRevealed)
        } else if self.voting_closed {
            Err(NormsError::VotingClosed)
        } else {
            Ok(())
        }
    }

    fn most_dots_placed(&self) -> u8 {
        let mut per_voter: BTreeMap<&str, u8> = BTreeMap::new();
        for norm in &self.ideas {
            for (voter, &dots) in &norm.votes {
                let sum = per_voter.entry(voter).or_insert(0);
                *sum = sum.saturating_add(dots);
            }
        }
        per_voter.into_values().max().unwrap_or(0)
    }

    /// Problems with norms read from a file, located under `path`: unknown dimensions, repeated
    /// ids, empty text, a cap out of range or exceeded, an order naming no idea.
    pub(crate) fn problems(&self, bank: &Bank, path: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        if !CAPS.contains(&self.cap) {
            problems.push(Problem::with(
                at_field(path, "cap"),
                "problem.between",
                &[("value", &self.cap), ("min", &1), ("max", &10)],
            ));
        }
        let ideas = at_field(path, "ideas");
        for (n, norm) in self.ideas.iter().enumerate() {
            let here = at_index(&ideas, n);
            if norm.id.trim().is_empty() {
                problems.push(Problem::new(at_field(&here, "id"), "problem.empty-id"));
            } else if let Some(first) = self.ideas[..n].iter().position(|o| o.id == norm.id) {
                problems.push(Problem::with(
                    at_field(&here, "id"),
                    "problem.used-twice",
                    &[
                        ("id", &format!("{:?}", norm.id)),
                        ("first", &at_index(&ideas, first)),
                    ],
                ));
            }
            if bank.dimension_index(&norm.dimension).is_none() {
                problems.push(Problem::with(
                    at_field(&here, "dimension"),
                    "problem.no-dimension",
                    &[("id", &format!("{:?}", norm.dimension))],
                ));
            }
            if norm.text.trim().is_empty() {
                problems.push(Problem::new(at_field(&here, "text"), "problem.empty"));
            }
            if let Some(Agreement {
                owner: Owner::Person(name),
                ..
            }) = &norm.agreement
                && name.trim().is_empty()
            {
                problems.push(Problem::new(
                    at_field(&at_field(&at_field(&here, "agreement"), "owner"), "person"),
                    "problem.empty",
                ));
            }
        }
        let most = self.most_dots_placed();
        if most > self.cap {
            problems.push(Problem::with(
                at_field(path, "cap"),
                "problem.over-cap",
                &[("most", &most), ("cap", &self.cap)],
            ));
        }
        for (o, id) in self.order.iter().enumerate() {
            if self.get(id).is_none() {
                problems.push(Problem::with(
                    at_index(&at_field(path, "order"), o),
                    "problem.no-idea",
                    &[("id", &format!("{id:?}"))],
                ));
            }
        }
        for (n, norm) in self.ideas.iter().enumerate() {
            for (voter, dots) in &norm.votes {
                if *dots == 0 {
                    problems.push(Problem::new(
                        at_key(&at_field(&at_index(&ideas, n), "votes"), voter),
                        "problem.no-dots",
                    ));
                }
            }
        }
        problems
    }
}

impl Norm {
    fn absorb(&mut self, other: Norm) {
        self.drafts.extend(other.drafts);
        for (voter, dots) in other.votes {
            let sum = self.votes.entry(voter).or_insert(0);
            *sum = sum.saturating_add(dots);
        }
        join_text(&mut self.why, other.why);
        join_text(&mut self.signal, other.signal);
        if self.agreement.is_none() {
            self.agreement = other.agreement;
        }
    }
}

/// Keeps both texts when both say something, so merging never drops what someone wrote.
fn join_text(kept: &mut String, other: String) {
    if other.trim().is_empty() || *kept == other {
        return;
    }
    if kept.trim().is_empty() {
        *kept = other;
    } else {
        kept.push('\n');
        kept.push_str(&other);
    }
}

fn checked(bank: &Bank, dimension: &str, text: &str) -> Result<String, NormsError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NormsError::EmptyText);
    }
    if bank.dimension_index(dimension).is_none() {
        return Err(NormsError::NoDimension);
    }
    Ok(text.to_owned())
}

/// The working agreement under `heading` ("Working agreement: Q4 kickoff"), dated `day`, as
/// Markdown for pasting into a wiki or an email. Everything people typed is escaped, so it reads
/// as the text they wrote and never as markup or HTML.
#[must_use]
pub fn agreement_markdown(
    heading: &str,
    day: NaiveDate,
    bank: &Bank,
    norms: &Norms,
    locale: Locale,
) -> String {
    use std::fmt::Write as _;
    let agreement = norms.agreement();
    let mut out = format!("# {}\n\n", markdown_text(heading));
    let count = match agreement.len() {
        0 => locale.text("agreement.no-norms").to_owned(),
        1 => locale.text("md.one-norm").to_owned(),
        n => locale.format("md.norms", &[("count", &n)]),
    };
    // Writing to a String cannot fail.
    let _ = writeln!(
        out,
        "{}",
        locale.format(
            "md.agreement-meta",
            &[("date", &locale.long_date(day)), ("count", &count)],
        )
    );
    append_agreement(&mut out, bank, norms, "##", locale);
    out
}

/// Each adopted norm under a heading of `level` (`"##"`), with its terms.
pub(crate) fn append_agreement(
    out: &mut String,
    bank: &Bank,
    norms: &Norms,
    level: &str,
    locale: Locale,
) {
    use std::fmt::Write as _;
    for (rank, (norm, terms)) in norms.agreement().iter().enumerate() {
        let dimension = bank
            .dimensions
            .iter()
            .find(|d| d.id == norm.dimension)
            .map_or(norm.dimension.as_str(), |d| d.title.as_str());
        // Writing to a String cannot fail.
        let _ = write!(
            out,
            "\n{level} {}. {}\n\n- **{}:** {}\n- **{}:** {}\n- **{}:** {}\n- **{}:** {}\n",
            rank + 1,
            markdown_text(&norm.text),
            locale.text("agreement.serves"),
            markdown_text(dimension),
            locale.text("terms.owner"),
            markdown_text(terms.owner.label(locale)),
            locale.text("terms.review-on"),
            locale.long_date(terms.review),
            locale.text("terms.status"),
            terms.status.label(locale),
        );
        if !norm.why.trim().is_empty() {
            let _ = writeln!(
                out,
                "- **{}:** {}",
                locale.text("norms.why-it-matters"),
                markdown_text(&norm.why)
            );
        }
        if !norm.signal.trim().is_empty() {
            let _ = writeln!(
                out,
                "- **{}:** {}",
                locale.text("norms.signal"),
                markdown_text(&norm.signal)
            );
        }
    }
}

/// Text as Markdown that shows exactly that text: markup characters are backslash-escaped,
/// HTML's are written as entities, and line breaks become spaces so a list item stays one item.
#[must_use]
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A form's choice and the document write owners and statuses the same way.
    #[test]
    fn keys_are_the_names_the_document_writes() {
        let owners = [
            Owner::Marketing,
            Owner::It,
            Owner::Both,
            Owner::Person("Sam".into()),
        ];
        for owner in owners {
            let written = serde_json::to_value(&owner).unwrap();
            let name = written
                .as_str()
                .map(str::to_owned)
                .or_else(|| written.as_object()?.keys().next().cloned())
                .unwrap();
            assert_eq!(owner.key(), name);
            assert!(Owner::KEYS.contains(&owner.key()));
            assert_eq!(Owner::from_key(owner.key(), "Sam"), Some(owner));
        }
        assert_eq!(Owner::from_key("person", "  "), None);
        for status in Status::ALL {
            assert_eq!(serde_json::to_value(status).unwrap(), status.key());
            assert_eq!(Status::from_key(status.key()), Some(status));
        }
    }

    #[test]
    fn contributors_are_numbered_in_the_order_they_first_wrote() {
        let mut norms = Norms::default();
        for (id, author) in [("a", "p2"), ("b", FACILITATOR), ("c", "p1"), ("d", "p2")] {
            norms = add(&norms, id, author, "text");
        }
        let contributors = norms.contributors();
        assert_eq!(contributors["p2"], Contributor::Numbered(1));
        assert_eq!(contributors["p1"], Contributor::Numbered(2));
        assert_eq!(contributors[FACILITATOR], Contributor::Facilitator);
    }

    fn bank() -> Bank {
        Bank::default_bank()
    }

    fn apply(norms: &Norms, action: NormsAction) -> Norms {
        norms.apply(&bank(), action).unwrap().unwrap()
    }

    fn add(norms: &Norms, id: &str, author: &str, text: &str) -> Norms {
        apply(
            norms,
            NormsAction::Add {
                id: id.into(),
                author: author.into(),
                dimension: "prioritization".into(),
                text: text.into(),
            },
        )
    }

    fn vote(norms: &Norms, voter: &str, norm: &str) -> Result<Option<Norms>, NormsError> {
        norms.apply(
            &bank(),
            NormsAction::CastVote {
                voter: voter.into(),
                norm: norm.into(),
            },
        )
    }

    /// Three ideas from two people, revealed.
    fn board() -> Norms {
        let mut norms = add(&Norms::default(), "a", "p1", "Rank requests monthly");
        norms = add(&norms, "b", "p2", "Ask why before ranking");
        norms = add(&norms, "c", "p1", "One ranked list");
        apply(&norms, NormsAction::Reveal)
    }

    fn ids(norms: &[&Norm]) -> Vec<String> {
        norms.iter().map(|n| n.id.clone()).collect()
    }

    #[test]
    fn ideas_need_text_and_a_dimension_of_the_bank() {
        let empty = Norms::default().apply(
            &bank(),
            NormsAction::Add {
                id: "a".into(),
                author: "p1".into(),
                dimension: "kpis".into(),
                text: "  ".into(),
            },
        );
        assert_eq!(empty, Err(NormsError::EmptyText));
        let stray = Norms::default().apply(
            &bank(),
            NormsAction::Add {
                id: "a".into(),
                author: "p1".into(),
                dimension: "no-such".into(),
                text: "x".into(),
            },
        );
        assert_eq!(stray, Err(NormsError::NoDimension));
    }

    #[test]
    fn each_author_sees_only_their_own_ideas_before_the_reveal() {
        let norms = board();
        assert_eq!(ids(&norms.by("p1").collect::<Vec<_>>()), ["a", "c"]);
        assert_eq!(norms.authors(), 2);
    }

    #[test]
    fn votes_need_revealed_ideas_and_open_voting() {
        let hidden = add(&Norms::default(), "a", "p1", "x");
        assert_eq!(vote(&hidden, "v1", "a"), Err(NormsError::NotRevealed));
        let closed = apply(&board(), NormsAction::CloseVoting);
        assert_eq!(vote(&closed, "v1", "a"), Err(NormsError::VotingClosed));
    }

    #[test]
    fn a_voter_places_at_most_the_cap_and_may_stack_dots() {
        let mut norms = board();
        for _ in 0..DEFAULT_CAP {
            norms = vote(&norms, "v1", "a").unwrap().unwrap();
        }
        assert_eq!(norms.dots_of("v1"), 3);
        assert_eq!(vote(&norms, "v1", "b"), Err(NormsError::NoDotsLeft(3)));
        // Taking one back frees it for another idea.
        norms = apply(
            &norms,
            NormsAction::TakeBackVote {
                voter: "v1".into(),
                norm: "a".into(),
            },
        );
        norms = vote(&norms, "v1", "b").unwrap().unwrap();
        assert_eq!(
            (
                norms.get("a").unwrap().dots(),
                norms.get("b").unwrap().dots()
            ),
            (2, 1)
        );
        // Another voter has their own dots.
        assert!(vote(&norms, "v2", "b").unwrap().is_some());
    }

    #[test]
    fn the_cap_is_set_within_range_and_never_below_dots_placed() {
        let mut norms = apply(&board(), NormsAction::SetCap(5));
        for _ in 0..4 {
            norms = vote(&norms, "v1", "a").unwrap().unwrap();
        }
        assert_eq!(
            norms.apply(&bank(), NormsAction::SetCap(3)),
            Err(NormsError::CapBelowVotes(4))
        );
        assert_eq!(
            norms.apply(&bank(), NormsAction::SetCap(0)),
            Err(NormsError::Cap(0))
        );
        assert_eq!(
            norms.apply(&bank(), NormsAction::SetCap(11)),
            Err(NormsError::Cap(11))
        );
        assert_eq!(apply(&norms, NormsAction::SetCap(4)).cap, 4);
    }

    #[test]
    fn ranking_is_by_dots_then_supporters_then_the_order_written() {
        let mut norms = board();
        // c: 2 dots from one person; b: 2 dots from two people; a: none.
        norms = vote(&norms, "v1", "c").unwrap().unwrap();
        norms = vote(&norms, "v1", "c").unwrap().unwrap();
        norms = vote(&norms, "v2", "b").unwrap().unwrap();
        norms = vote(&norms, "v3", "b").unwrap().unwrap();
        assert_eq!(ids(&norms.ranked()), ["b", "c", "a"]);
        // Equal in dots and supporters: the one written first ranks higher.
        norms = vote(&norms, "v4", "a").unwrap().unwrap();
        norms = vote(&norms, "v5", "a").unwrap().unwrap();
        assert_eq!(ids(&norms.ranked()), ["a", "b", "c"]);
    }

    #[test]
    fn the_facilitator_reorders_the_ranked_list_until_votes_reopen() {
        let mut norms = vote(&board(), "v1", "c").unwrap().unwrap();
        norms = apply(&norms, NormsAction::CloseVoting);
        assert_eq!(ids(&norms.ranked()), ["c", "a", "b"]);
        norms = apply(
            &norms,
            NormsAction::Move {
                id: "b".into(),
                to: 0,
            },
        );
        assert_eq!(ids(&norms.ranked()), ["b", "c", "a"]);
        norms = apply(
            &norms,
            NormsAction::Move {
                id: "b".into(),
                to: 99,
            },
        );
        assert_eq!(ids(&norms.ranked()), ["c", "a", "b"]);
        // A new idea joins the ranked list after the ordered ones.
        norms = add(&norms, "d", "facilitator", "New");
        assert_eq!(ids(&norms.ranked()), ["c", "a", "b", "d"]);
        norms = apply(&norms, NormsAction::ReopenVoting);
        assert!(norms.order.is_empty());
    }

    #[test]
    fn merging_keeps_every_wording_and_every_dot() {
        let mut norms = vote(&board(), "v1", "a").unwrap().unwrap();
        norms = vote(&norms, "v1", "b").unwrap().unwrap();
        norms = vote(&norms, "v2", "b").unwrap().unwrap();
        norms = apply(
            &norms,
            NormsAction::SetWhy {
                id: "b".into(),
                text: "Less emotion".into(),
            },
        );
        let merged = apply(
            &norms,
            NormsAction::Merge {
                from: "b".into(),
                into: "a".into(),
            },
        );
        assert!(merged.get("b").is_none());
        let kept = merged.get("a").unwrap();
        assert_eq!(kept.text, "Rank requests monthly");
        assert_eq!(
            kept.drafts,
            [
                Contribution {
                    author: "p1".into(),
                    text: "Rank requests monthly".into()
                },
                Contribution {
                    author: "p2".into(),
                    text: "Ask why before ranking".into()
                },
            ]
        );
        assert_eq!(kept.votes.get("v1"), Some(&2));
        assert_eq!(kept.votes.get("v2"), Some(&1));
        assert_eq!(kept.dots(), 3);
        assert_eq!(kept.why, "Less emotion");
        assert_eq!(merged.dots_of("v1"), norms.dots_of("v1"), "caps still hold");
        assert!(kept.has_history());
        assert_eq!(
            merged.apply(
                &bank(),
                NormsAction::Merge {
                    from: "a".into(),
                    into: "a".into()
                }
            ),
            Ok(None)
        );
    }

    #[test]
    fn once_voting_closes_ideas_are_neither_merged_nor_deleted() {
        let bank = Bank::default_bank();
        let dimension = bank.dimensions[0].id.clone();
        let mut norms = Norms::default();
        for (id, text) in [("a", "Rank requests monthly"), ("b", "Share the roadmap")] {
            let add = NormsAction::Add {
                id: id.into(),
                author: "p1".into(),
                dimension: dimension.clone(),
                text: text.into(),
            };
            norms = norms.apply(&bank, add).unwrap().unwrap();
        }
        let closed = norms
            .apply(&bank, NormsAction::Reveal)
            .unwrap()
            .unwrap()
            .apply(&bank, NormsAction::CloseVoting)
            .unwrap()
            .unwrap();
        assert_eq!(
            closed.apply(&bank, NormsAction::Delete("a".into())),
            Err(NormsError::VotingClosed)
        );
        assert_eq!(
            closed.apply(
                &bank,
                NormsAction::Merge {
                    from: "b".into(),
                    into: "a".into()
                }
            ),
            Err(NormsError::VotingClosed)
        );
        let reopened = closed
            .apply(&bank, NormsAction::ReopenVoting)
            .unwrap()
            .unwrap();
        assert!(
            reopened
                .apply(&bank, NormsAction::Delete("a".into()))
                .is_ok()
        );
    }

    #[test]
    fn the_top_norms_are_the_first_of_the_ranked_list() {
        let mut norms = Norms::default();
        for n in 0..7 {
            norms = add(&norms, &format!("n{n}"), "p", "idea");
        }
        assert_eq!(ids(&norms.top()), ["n0", "n1", "n2", "n3", "n4"]);
    }

    #[test]
    fn an_adopted_norm_is_reviewed_six_weeks_after_the_workshop_by_default() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        assert_eq!(
            default_review(day),
            NaiveDate::from_ymd_opt(2027, 1, 5).unwrap_or_default()
        );
        let norms = apply(
            &board(),
            NormsAction::Agree {
                id: "b".into(),
                agreement: Some(Agreement {
                    owner: Owner::It,
                    review: default_review(day),
                    status: Status::Adopted,
                }),
            },
        );
        let agreement = norms.agreement();
        assert_eq!(agreement.len(), 1);
        assert_eq!(agreement[0].0.id, "b");
        assert_eq!(agreement[0].1.review.to_string(), "2027-01-05");
        let unnamed = norms.apply(
            &bank(),
            NormsAction::Agree {
                id: "a".into(),
                agreement: Some(Agreement {
                    owner: Owner::Person(" ".into()),
                    review: day,
                    status: Status::Adopted,
                }),
            },
        );
        assert_eq!(unnamed, Err(NormsError::NoOwnerName));
        let withdrawn = apply(
            &norms,
            NormsAction::Agree {
                id: "b".into(),
                agreement: None,
            },
        );
        assert!(withdrawn.agreement().is_empty());
    }

    #[test]
    fn markdown_shows_typed_text_as_text() {
        assert_eq!(
            markdown_text("<script>alert(1)</script> *bold* [x](y)\nnext"),
            r"&lt;script&gt;alert(1)&lt;/script&gt; \*bold\* \[x\](y) next"
        );
    }

    #[test]
    fn the_agreement_as_markdown_lists_each_adopted_norm_with_owner_and_date() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        let mut norms = board();
        norms = apply(
            &norms,
            NormsAction::SetSignal {
                id: "b".into(),
                text: "Fewer escalations".into(),
            },
        );
        norms = apply(
            &norms,
            NormsAction::Agree {
                id: "b".into(),
                agreement: Some(Agreement {
                    owner: Owner::Person("Dana <IT>".into()),
                    review: default_review(day),
                    status: Status::Adopted,
                }),
            },
        );
        let markdown = agreement_markdown(
            "Working agreement: Q4 alignment",
            day,
            &bank(),
            &norms,
            Locale::En,
        );
        assert_eq!(
            markdown,
            "# Working agreement: Q4 alignment\n\n\
             Marketing and IT, 24 November 2026. 1 norm.\n\n\
             ## 1. Ask why before ranking\n\n\
             - **Serves:** Prioritization discipline\n\
             - **Owner:** Dana &lt;IT&gt;\n\
             - **Review on:** 5 January 2027\n\
             - **Status:** Adopted\n\
             - **Success signal:** Fewer escalations\n"
        );
    }
}

//! A respondent: the function they work in, their answers to the bank's items and their
//! estimates of how the other function rates each dimension. Owns the 1–5 agreement scale; does
//! not know how answers are scored.

use crate::i18n::Locale;
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::bank::{Bank, Dimension, Item};

/// The function a respondent works in. Scores are balanced between Marketing and IT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Marketing,
    It,
    Other,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Marketing, Role::It, Role::Other];

    /// The function a Marketing or IT respondent is asked to imagine when estimating; `None` for
    /// `Other`, who gives no estimates.
    #[must_use]
    pub fn other_side(self) -> Option<Role> {
        match self {
            Role::Marketing => Some(Role::It),
            Role::It => Some(Role::Marketing),
            Role::Other => None,
        }
    }

    /// The role as the workshop document writes it: `marketing`, `it` or `other`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Role::Marketing => "marketing",
            Role::It => "it",
            Role::Other => "other",
        }
    }

    /// The function's name in `locale`.
    #[must_use]
    pub fn label(self, locale: Locale) -> &'static str {
        locale.text(match self {
            Role::Marketing => "role.marketing",
            Role::It => "role.it",
            Role::Other => "role.other",
        })
    }
}

/// A point on the five-point agreement scale: 1 strongly disagree … 5 strongly agree.
/// Only values 1 to 5 can exist, so scoring never meets an out-of-range answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Rating(u8);

impl Rating {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    /// Every rating, lowest first: the order the scale is shown in.
    #[must_use]
    pub fn all() -> [Rating; 5] {
        [Rating(1), Rating(2), Rating(3), Rating(4), Rating(5)]
    }

    #[must_use]
    pub fn new(value: u8) -> Option<Rating> {
        (Self::MIN..=Self::MAX)
            .contains(&value)
            .then_some(Rating(value))
    }

    #[must_use]
    pub fn value(self) -> u8 {
        self.0
    }

    /// The scale's words for this point in `locale`, as shown next to the number.
    #[must_use]
    pub fn agreement_label(self, locale: Locale) -> &'static str {
        locale.text(match self.0 {
            1 => "scale.agree.1",
            2 => "scale.agree.2",
            3 => "scale.agree.3",
            4 => "scale.agree.4",
            _ => "scale.agree.5",
        })
    }
}

/// Why a number is not a rating.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value}{}", crate::validation::OUT_OF_SCALE, value = self.0)]
pub struct OutOfScale(pub i64);

impl TryFrom<i64> for Rating {
    type Error = OutOfScale;

    fn try_from(value: i64) -> Result<Self, Self::Error> {
        u8::try_from(value)
            .ok()
            .and_then(Rating::new)
            .ok_or(OutOfScale(value))
    }
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> u8 {
        rating.0
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// One person's answers. An item id mapped to `None` is an explicit "don't know"; an item id
/// that is absent has not been answered yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Respondent {
    pub id: String,
    pub role: Role,
    #[serde(default)]
    pub answers: BTreeMap<String, Option<Rating>>,
    #[serde(default)]
    pub estimates: BTreeMap<String, Rating>,
}

impl Respondent {
    /// Adds `other`'s answers and estimates for the items and dimensions this respondent has
    /// not answered; what is answered here stays. Returns how many were added.
    pub fn filled_from(&mut self, other: &Respondent) -> usize {
        let mut added = 0;
        for (item, answer) in &other.answers {
            if !self.answers.contains_key(item) {
                self.answers.insert(item.clone(), *answer);
                added += 1;
            }
        }
        if self.role.other_side().is_some() {
            for (dimension, estimate) in &other.estimates {
                if !self.estimates.contains_key(dimension) {
                    self.estimates.insert(dimension.clone(), *estimate);
                    added += 1;
                }
            }
        }
        added
    }

    /// How many of this respondent's answers, estimates and function differ from `earlier`'s:
    /// what a corrected response code changes. An item answered in one and not the other counts.
    #[must_use]
    pub fn changes_from(&self, earlier: &Respondent) -> usize {
        fn differing<V: PartialEq>(a: &BTreeMap<String, V>, b: &BTreeMap<String, V>) -> usize {
            let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            keys.into_iter()
                .filter(|key| a.get(*key) != b.get(*key))
                .count()
        }
        differing(&self.answers, &earlier.answers)
            + differing(&self.estimates, &earlier.estimates)
            + usize::from(self.role != earlier.role)
    }

    #[must_use]
    pub fn new(id: impl Into<String>, role: Role) -> Self {
        Self {
            id: id.into(),
            role,
            answers: BTreeMap::new(),
            estimates: BTreeMap::new(),
        }
    }

    /// Whether the respondent has given an answer (a rating or "don't know") to the item.
    #[must_use]
    pub fn has_answered(&self, item_id: &str) -> bool {
        self.answers.contains_key(item_id)
    }

    /// How many items of the dimension the respondent has answered.
    #[must_use]
    pub fn answered_in(&self, dimension: &Dimension) -> usize {
        dimension
            .items
            .iter()
            .filter(|item| self.has_answered(&item.id))
            .count()
    }

    /// The first item in bank order without an answer, with the index of its dimension.
    #[must_use]
    pub fn first_unanswered<'b>(&self, bank: &'b Bank) -> Option<(usize, &'b Item)> {
        bank.items().find(|(_, item)| !self.has_answered(&item.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_exist_only_from_one_to_five() {
        assert_eq!(Rating::new(0), None);
        assert_eq!(Rating::new(6), None);
        assert_eq!(Rating::new(3).map(Rating::value), Some(3));
        assert_eq!(
            Rating::try_from(6).unwrap_err().to_string(),
            "6 is not between 1 and 5"
        );
        assert_eq!(
            Rating::try_from(-300).unwrap_err().to_string(),
            "-300 is not between 1 and 5"
        );
    }

    #[test]
    fn dont_know_is_null_and_unanswered_is_absent() {
        let mut respondent = Respondent::new("r1", Role::It);
        respondent.answers.insert("a".into(), None);
        respondent.answers.insert("b".into(), Rating::new(4));
        let json = serde_json::to_string(&respondent).unwrap();
        assert_eq!(
            json,
            r#"{"id":"r1","role":"it","answers":{"a":null,"b":4},"estimates":{}}"#
        );
        assert!(respondent.has_answered("a"));
        assert!(!respondent.has_answered("c"));
    }
}

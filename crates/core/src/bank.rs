//! Question banks: dimensions of alignment, the statements (items) that measure them, and the
//! recommendations for a dimension that turns out to be a hotspot. A bank is data, read from JSON
//! and validated before use; this module owns that validation and the default bank.

use crate::i18n::Locale;
use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::validation::{Invalid, Problem, at_field, at_index, parse_json};

/// The passage of a seed article that a statement or recommendation comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeedRef {
    /// File name under `shared/seeds/`.
    pub seed: String,
    /// The heading of the passage in that file.
    pub heading: String,
}

impl SeedRef {
    /// The title of the article the passage is in, for citing it to a reader.
    #[must_use]
    pub fn article_title(&self) -> &str {
        match self.seed.as_str() {
            "000_36a3ac4938adea88.txt" => "5 Steps to Increase IT/Marketing Alignment",
            "004_32e51c22162163d2.txt" => "How marketing and IT can win together",
            other => other,
        }
    }
}

/// A statement people agree or disagree with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub text: String,
    /// Agreement signals friction (e.g. "Marketing works around IT"), so the answer is flipped
    /// before scoring.
    #[serde(default)]
    pub reverse: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SeedRef>,
}

/// Advice offered when a dimension is a hotspot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SeedRef>,
}

/// A brainstorming question offered when a dimension is a hotspot, to start the group writing
/// norms ("how will we rank requests?").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prompt {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SeedRef>,
}

/// One area of alignment, scored from its items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub title: String,
    /// One sentence on what the dimension is about, shown above its statements.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    pub items: Vec<Item>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prompts: Vec<Prompt>,
}

/// An ordered list of dimensions. Ids are stable: answers refer to items by id, so a bank keeps
/// its ids across versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bank {
    pub id: String,
    #[serde(default = "first_version")]
    pub version: u32,
    #[serde(default)]
    pub title: String,
    pub dimensions: Vec<Dimension>,
}

fn first_version() -> u32 {
    1
}

impl Bank {
    /// The built-in "Marketing × IT alignment" bank, drawn from the seed articles.
    ///
    /// # Panics
    /// Never in a released build: the bundled bank is checked by the tests of this module, so a
    /// mistake in it fails `make test` rather than reaching a user.
    #[must_use]
    pub fn default_bank() -> Bank {
        Bank::default_bank_in(Locale::En)
    }

    /// The default bank in `locale` (in English while that language is not at hand, see
    /// [`Locale::provide`]). Every language's version has the same ids, reverse keys and
    /// sources, only other words, so codes, workshops and trends are shared across languages
    /// (the tests of this module check it).
    ///
    /// # Panics
    /// As [`Bank::default_bank`]; a provided bank is checked when it is provided.
    #[must_use]
    pub fn default_bank_in(locale: Locale) -> Bank {
        Bank::from_json(locale.default_bank_text()).expect("the default bank is valid")
    }

    /// Reads and validates a bank.
    ///
    /// # Errors
    /// [`Invalid`] listing every problem with its location, e.g.
    /// `dimensions[2].items[0].id: "q1" is used twice (also at dimensions[0].items[0])`.
    pub fn from_json(text: &str) -> Result<Bank, Invalid> {
        let bank: Bank = parse_json(text)?;
        bank.validate("")?;
        Ok(bank)
    }

    /// Checks what serde cannot: ids present and unique, nothing empty.
    /// `path` is where the bank sits in a larger input (`"bank"` in a workshop document).
    ///
    /// # Errors
    /// [`Invalid`] with every problem found.
    pub fn validate(&self, path: &str) -> Result<(), Invalid> {
        let mut problems = Vec::new();
        check_id(&mut problems, &at_field(path, "id"), &self.id);
        if self.dimensions.is_empty() {
            problems.push(Problem::new(
                at_field(path, "dimensions"),
                "problem.no-dimensions",
            ));
        }
        let mut dimension_ids: Vec<(&str, String)> = Vec::new();
        let mut item_ids: Vec<(&str, String)> = Vec::new();
        for (d, dimension) in self.dimensions.iter().enumerate() {
            let here = at_index(&at_field(path, "dimensions"), d);
            check_unique_id(&mut problems, &mut dimension_ids, &here, &dimension.id);
            check_text(&mut problems, &at_field(&here, "title"), &dimension.title);
            if dimension.items.is_empty() {
                problems.push(Problem::new(at_field(&here, "items"), "problem.no-items"));
            }
            for (i, item) in dimension.items.iter().enumerate() {
                let item_path = at_index(&at_field(&here, "items"), i);
                check_unique_id(&mut problems, &mut item_ids, &item_path, &item.id);
                check_text(&mut problems, &at_field(&item_path, "text"), &item.text);
            }
            for (r, recommendation) in dimension.recommendations.iter().enumerate() {
                let rec_path = at_index(&at_field(&here, "recommendations"), r);
                check_text(
                    &mut problems,
                    &at_field(&rec_path, "text"),
                    &recommendation.text,
                );
            }
            for (p, prompt) in dimension.prompts.iter().enumerate() {
                let prompt_path = at_index(&at_field(&here, "prompts"), p);
                check_text(&mut problems, &at_field(&prompt_path, "text"), &prompt.text);
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Invalid(problems))
        }
    }

    /// The dimension an item belongs to and the item, by item id.
    #[must_use]
    pub fn item(&self, item_id: &str) -> Option<(usize, &Item)> {
        self.dimensions
            .iter()
            .enumerate()
            .find_map(|(d, dimension)| {
                dimension
                    .items
                    .iter()
                    .find(|item| item.id == item_id)
                    .map(|item| (d, item))
            })
    }

    /// A dimension's title by its id; the id itself when the bank has no such dimension (a
    /// norm kept from an older bank).
    #[must_use]
    pub fn dimension_title<'a>(&'a self, dimension_id: &'a str) -> &'a str {
        self.dimension_index(dimension_id)
            .map_or(dimension_id, |d| self.dimensions[d].title.as_str())
    }

    /// The bank narrowed to the dimensions `ids` names, in bank order: what a second round
    /// answers again. Ids it does not have are passed over.
    #[must_use]
    pub fn only(&self, ids: &[String]) -> Bank {
        Bank {
            id: self.id.clone(),
            version: self.version,
            title: self.title.clone(),
            dimensions: self
                .dimensions
                .iter()
                .filter(|dimension| ids.contains(&dimension.id))
                .cloned()
                .collect(),
        }
    }

    #[must_use]
    pub fn dimension_index(&self, dimension_id: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d.id == dimension_id)
    }

    #[must_use]
    pub fn item_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.items.len()).sum()
    }

    /// Every item in bank order with the index of its dimension.
    pub fn items(&self) -> impl Iterator<Item = (usize, &Item)> {
        self.dimensions
            .iter()
            .enumerate()
            .flat_map(|(d, dimension)| dimension.items.iter().map(move |item| (d, item)))
    }
}

fn check_id(problems: &mut Vec<Problem>, path: &str, id: &str) {
    if id.trim().is_empty() {
        problems.push(Problem::new(path, "problem.empty-id"));
    } else if id.chars().any(char::is_whitespace) {
        problems.push(Problem::with(
            path,
            "problem.id-space",
            &[("id", &format!("{id:?}"))],
        ));
    }
}

fn check_unique_id<'a>(
    problems: &mut Vec<Problem>,
    seen: &mut Vec<(&'a str, String)>,
    path: &str,
    id: &'a str,
) {
    let id_path = at_field(path, "id");
    check_id(problems, &id_path, id);
    if let Some((_, first)) = seen.iter().find(|(seen_id, _)| *seen_id == id) {
        problems.push(Problem::with(
            &id_path,
            "problem.used-twice",
            &[("id", &format!("{id:?}")), ("first", &first)],
        ));
    } else {
        seen.push((id, path.to_owned()));
    }
}

fn check_text(problems: &mut Vec<Problem>, path: &str, text: &str) {
    if text.trim().is_empty() {
        problems.push(Problem::new(path, "problem.empty"));
    }
}

/// Ids of a bank's items, for cross-checking answers.
pub(crate) fn item_ids(bank: &Bank) -> HashSet<&str> {
    bank.items().map(|(_, item)| item.id.as_str()).collect()
}

/// The bank's fingerprint: 16 bits of an FNV-1a hash of its id, version and item and dimension
/// ids in order, so a code is only read against the bank it was made with.
#[must_use]
pub fn fingerprint(bank: &Bank) -> u16 {
    let mut hash: u32 = 0x811c_9dc5;
    let mut feed = |bytes: &[u8]| {
        for &byte in bytes.iter().chain(&[0]) {
            hash ^= u32::from(byte);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    };
    feed(bank.id.as_bytes());
    feed(&bank.version.to_be_bytes());
    for dimension in &bank.dimensions {
        feed(dimension.id.as_bytes());
        for item in &dimension.items {
            feed(item.id.as_bytes());
        }
    }
    // Fold the halves so every input bit counts.
    u16::try_from((hash >> 16) ^ (hash & 0xffff)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_bank_is_valid_and_shaped_as_the_product_says() {
        let bank = Bank::from_json(Locale::En.default_bank_text()).unwrap();
        assert_eq!(bank.dimensions.len(), 8);
        assert!((28..=34).contains(&bank.item_count()));
        for dimension in &bank.dimensions {
            assert!(
                (3..=5).contains(&dimension.items.len()),
                "{} has {} items",
                dimension.id,
                dimension.items.len()
            );
            assert!(
                (2..=3).contains(&dimension.recommendations.len()),
                "{}",
                dimension.id
            );
            assert!(dimension.items.iter().all(|item| item.source.is_some()));
            assert!(dimension.recommendations.iter().all(|r| r.source.is_some()));
            assert!(
                (2..=3).contains(&dimension.prompts.len()),
                "{} has {} prompts",
                dimension.id,
                dimension.prompts.len()
            );
            assert!(dimension.prompts.iter().all(|p| p.source.is_some()));
        }
        assert!(bank.items().any(|(_, item)| item.reverse));
        assert!(bank.items().any(|(_, item)| !item.reverse));
    }

    /// The headings of the two seed articles in `shared/seeds/`, as they appear there (the
    /// introduction of the first has none, so it is named by what it says).
    const SEED_HEADINGS: [(&str, &str); 9] = [
        (
            "000_36a3ac4938adea88.txt",
            "Introduction: the three sources of friction",
        ),
        (
            "000_36a3ac4938adea88.txt",
            "1) Establish collaboration protocols",
        ),
        (
            "000_36a3ac4938adea88.txt",
            "2) Focus on culture and building a bridge",
        ),
        (
            "000_36a3ac4938adea88.txt",
            "3) Define KPIs between Marketing and IT to get \u{201c}one view of the customer\u{201d}",
        ),
        ("000_36a3ac4938adea88.txt", "4) Improve prioritization"),
        (
            "000_36a3ac4938adea88.txt",
            "5) Make candor your rallying cry",
        ),
        (
            "004_32e51c22162163d2.txt",
            "1: Learn how you each contribute to the business and where you can improve",
        ),
        (
            "004_32e51c22162163d2.txt",
            "2: Align goals, roles, and procedures",
        ),
        (
            "004_32e51c22162163d2.txt",
            "3: Take joint responsibility for wins and failures",
        ),
    ];

    #[test]
    fn every_seed_reference_names_a_heading_of_its_seed() {
        let bank = Bank::default_bank();
        let references = bank.dimensions.iter().flat_map(|d| {
            d.items
                .iter()
                .filter_map(|i| i.source.as_ref())
                .chain(d.recommendations.iter().filter_map(|r| r.source.as_ref()))
                .chain(d.prompts.iter().filter_map(|p| p.source.as_ref()))
        });
        for reference in references {
            assert!(
                SEED_HEADINGS.contains(&(reference.seed.as_str(), reference.heading.as_str())),
                "{} has no heading {:?}",
                reference.seed,
                reference.heading
            );
        }
    }

    #[test]
    fn duplicate_and_empty_ids_are_located() {
        let text = r#"{"id":"b","dimensions":[
            {"id":"d1","title":"One","items":[{"id":"q1","text":"x"}]},
            {"id":"d1","title":"","items":[{"id":"q1","text":"y"},{"id":"","text":"z"}]}]}"#;
        let problems = Bank::from_json(text).unwrap_err().0;
        let rendered: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            rendered,
            [
                r#"dimensions[1].id: "d1" is used twice (also at dimensions[0])"#,
                "dimensions[1].title: must not be empty",
                r#"dimensions[1].items[0].id: "q1" is used twice (also at dimensions[0].items[0])"#,
                "dimensions[1].items[1].id: an id must not be empty",
            ]
        );
    }

    #[test]
    fn a_bank_without_dimensions_or_items_is_refused() {
        let problems = Bank::from_json(r#"{"id":"b","dimensions":[]}"#).unwrap_err();
        assert_eq!(
            problems.to_string(),
            "dimensions: a bank needs at least one dimension"
        );
        let problems =
            Bank::from_json(r#"{"id":"b","dimensions":[{"id":"d","title":"D","items":[]}]}"#)
                .unwrap_err();
        assert_eq!(
            problems.to_string(),
            "dimensions[0].items: a dimension needs at least one item"
        );
    }

    #[test]
    fn a_missing_field_is_named() {
        let problems =
            Bank::from_json(r#"{"id":"b","dimensions":[{"id":"d","items":[]}]}"#).unwrap_err();
        assert!(
            problems
                .to_string()
                .starts_with("dimensions[0]: missing field `title`"),
            "{problems}"
        );
    }

    #[test]
    fn every_language_of_the_default_bank_has_the_same_questions_in_other_words() {
        let english = Bank::default_bank();
        for locale in Locale::ALL {
            let other = Bank::default_bank_in(locale);
            assert_eq!(fingerprint(&other), fingerprint(&english));
            let shape = |bank: &Bank| {
                bank.dimensions
                    .iter()
                    .map(|d| {
                        let items: Vec<_> = d
                            .items
                            .iter()
                            .map(|i| (i.id.clone(), i.reverse, i.source.clone()))
                            .collect();
                        let sources: Vec<_> =
                            d.recommendations.iter().map(|r| r.source.clone()).collect();
                        let prompts: Vec<_> = d.prompts.iter().map(|p| p.source.clone()).collect();
                        (d.id.clone(), items, sources, prompts)
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(shape(&other), shape(&english), "{locale:?}");
        }
        let german = Bank::default_bank_in(Locale::De);
        assert_eq!(german.dimensions[0].title, "Gegenseitiges Verständnis");
        for (de, en) in german.items().zip(english.items()) {
            assert_ne!(de.1.text, en.1.text, "{} is not translated", en.1.id);
        }
    }
}

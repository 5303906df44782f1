//! Every word the app shows, in one catalogue per language: `locales/en*.txt` (English, in
//! parts) and `locales/de.txt` beside this crate. A catalogue is lines of `key = text`, with `{name}` where a
//! value goes and `#` for comments. English is complete by definition; the tests fail when
//! another language misses a key, has one English lacks, or drops a placeholder.
//!
//! Question banks are content, not catalogue: a host who wants German questions passes a German
//! bank. Each language also has a default bank in its words (`banks/default.<tag>.json`).
//!
//! English is built in, in three parts: `en.txt` (the words every entry of the web app shows),
//! `en.self.txt` (the self-assessment's report, exports and data) and `en.workshops.txt` (the
//! whole app's workshops, norms and print pages). An entry builds in the parts it shows by
//! calling [`with_self_assessment_words`] and [`with_workshop_words`] before any word is shown, so
//! a participant's page carries none of the rest. The other languages are built in only with
//! the `bundled-languages` feature (the CLI and the tests, which also get every English part):
//! the web app leaves them out of its download, fetches a language's two files (one catalogue,
//! whole) when someone asks for it, and hands them to `language::provide`.

use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

/// A language Tandem speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    De,
}

const EN: Resources = Resources {
    catalogue: include_str!("../locales/en.txt"),
    bank: include_str!("../banks/default.json"),
};
#[cfg(feature = "bundled-languages")]
const DE: Option<Resources> = Some(Resources {
    catalogue: include_str!("../locales/de.txt"),
    bank: include_str!("../banks/default.de.json"),
});
#[cfg(not(feature = "bundled-languages"))]
const DE: Option<Resources> = None;

/// A language's catalogue and default bank (JSON), as text.
#[derive(Debug, Clone, Copy)]
struct Resources {
    catalogue: &'static str,
    bank: &'static str,
}

/// The languages handed over at run time (see `language::provide`), by `Locale as usize`.
static PROVIDED: [OnceLock<Resources>; 2] = [OnceLock::new(), OnceLock::new()];

/// English's other parts, once an entry has built them in: the self-assessment's words, then
/// the workshops'.
static ENGLISH_PARTS: [OnceLock<&str>; 2] = [OnceLock::new(), OnceLock::new()];

/// Builds in the English words of the self-assessment's report, exports and data
/// (`locales/en.self.txt`). Call before the first word is shown: the catalogue is read once.
pub fn with_self_assessment_words() {
    ENGLISH_PARTS[0]
        .set(include_str!("../locales/en.self.txt"))
        .ok();
}

/// Builds in the English words of the workshops, the norms and the print pages
/// (`locales/en.workshops.txt`), and the self-assessment's, which they build on. Call before the
/// first word is shown.
pub fn with_workshop_words() {
    with_self_assessment_words();
    ENGLISH_PARTS[1]
        .set(include_str!("../locales/en.workshops.txt"))
        .ok();
}

/// Every part of English at hand, `en.txt` first.
fn english_parts() -> impl Iterator<Item = &'static str> {
    #[cfg(feature = "bundled-languages")]
    with_workshop_words();
    std::iter::once(EN.catalogue).chain(ENGLISH_PARTS.iter().filter_map(|part| part.get().copied()))
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::De];

    /// The language tag, for `lang` attributes.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
        }
    }

    /// The direction the language is written in, for the `dir` attribute: a widget takes its
    /// language's, never its host page's.
    #[must_use]
    pub fn direction(self) -> &'static str {
        match self {
            Locale::En | Locale::De => "ltr",
        }
    }

    /// The language of a tag such as `de`, `de-AT` or `en_GB`; `None` when Tandem does not speak
    /// it.
    #[must_use]
    pub fn of_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag() == primary)
    }

    /// The first language of `preferred` (the browser's, in order) that Tandem speaks, or
    /// English.
    #[must_use]
    pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> Locale {
        preferred
            .iter()
            .find_map(|tag| Locale::of_tag(tag.as_ref()))
            .unwrap_or_default()
    }

    fn resources(self) -> Option<Resources> {
        match self {
            Locale::En => Some(EN),
            Locale::De => DE,
        }
        .or_else(|| PROVIDED[self as usize].get().copied())
    }

    /// Whether this language's words are at hand: built in, or provided.
    #[must_use]
    pub fn is_ready(self) -> bool {
        self.resources().is_some()
    }

    /// Keeps a language handed over at run time for the page's life, like the built-in ones; a
    /// language already at hand stays as it is. Only `language::provide` calls this,
    /// once it has checked the two files.
    pub(crate) fn install(self, catalogue: String, bank: String) {
        if self.is_ready() {
            return;
        }
        let resources = Resources {
            catalogue: Box::leak(catalogue.into_boxed_str()),
            bank: Box::leak(bank.into_boxed_str()),
        };
        PROVIDED[self as usize].set(resources).ok();
    }

    /// English's keys and texts as written (the parts at hand), the ones every other language
    /// is checked against.
    pub(crate) fn english_catalogue() -> Vec<(&'static str, &'static str)> {
        english_parts()
            .flat_map(|part| parse(part).unwrap_or_default())
            .collect()
    }

    /// This language's default bank (JSON), or English's while the language is not at hand.
    pub(crate) fn default_bank_text(self) -> &'static str {
        self.resources().unwrap_or(EN).bank
    }

    fn catalogue(self) -> &'static HashMap<&'static str, &'static str> {
        static CATALOGUES: [OnceLock<HashMap<&str, &str>>; 2] = [OnceLock::new(), OnceLock::new()];
        static NONE: OnceLock<HashMap<&str, &str>> = OnceLock::new();
        // Not cached before the language is at hand, so words provided later are found.
        let Some(resources) = self.resources() else {
            return NONE.get_or_init(HashMap::new);
        };
        CATALOGUES[self as usize].get_or_init(|| match self {
            Locale::En => Locale::english_catalogue().into_iter().collect(),
            Locale::De => parse(resources.catalogue)
                .unwrap_or_default()
                .into_iter()
                .collect(),
        })
    }

    /// The text for `key`: this language's, else English, else the key itself (so a missing
    /// word shows where it is missing rather than blanking the screen).
    #[must_use]
    pub fn text(self, key: &'static str) -> &'static str {
        self.catalogue()
            .get(key)
            .or_else(|| Locale::En.catalogue().get(key))
            .copied()
            .unwrap_or(key)
    }

    /// The text for `key` with each `{name}` replaced by its value.
    #[must_use]
    pub fn format(self, key: &'static str, values: &[(&str, &dyn Display)]) -> String {
        fill(self.text(key), values)
    }

    /// `{count}` in the singular text `one` when `count` is 1, else in the plural `many`:
    /// "1 earlier run", "3 earlier runs".
    #[must_use]
    pub fn count(self, one: &'static str, many: &'static str, count: usize) -> String {
        self.format(if count == 1 { one } else { many }, &[("count", &count)])
    }

    /// A date as people write it in this language: `24 November 2026`, `24. November 2026`.
    #[must_use]
    pub fn long_date(self, date: NaiveDate) -> String {
        const EN_MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const DE_MONTHS: [&str; 12] = [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ];
        let month = date.month0() as usize;
        match self {
            Locale::En => format!("{} {} {}", date.day(), EN_MONTHS[month], date.year()),
            Locale::De => format!("{}. {} {}", date.day(), DE_MONTHS[month], date.year()),
        }
    }

    /// A figure with one decimal as this language writes it: `62.5` or `62,5`.
    #[must_use]
    pub fn figure(self, value: f64) -> String {
        self.decimal_mark(crate::numbers::format1(value))
    }

    /// A difference with its sign and one decimal: `+4.5` or `+4,5`, `-12` with the minus people
    /// copy into spreadsheets.
    #[must_use]
    pub fn signed(self, value: f64) -> String {
        self.decimal_mark(crate::numbers::format_signed(value))
    }

    fn decimal_mark(self, text: String) -> String {
        match self {
            Locale::En => text,
            Locale::De => text.replace('.', ","),
        }
    }
}

/// Replaces each `{name}` in `text` by its value; unknown names stay as written.
#[must_use]
pub fn fill(text: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        if let Some((_, value)) = values.iter().find(|(key, _)| *key == name) {
            out.push_str(&value.to_string());
        } else {
            out.push('{');
            out.push_str(name);
            out.push('}');
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The `key = text` pairs of a catalogue, in file order.
///
/// # Errors
/// The first line that is neither a comment, blank, nor `key = text`, or a key given twice.
pub fn parse(source: &str) -> Result<Vec<(&str, &str)>, String> {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, text)) = line.split_once(" = ") else {
            return Err(format!("line {}: expected `key = text`", number + 1));
        };
        let key = key.trim();
        if pairs.iter().any(|(seen, _)| *seen == key) {
            return Err(format!("line {}: {key} is given twice", number + 1));
        }
        pairs.push((key, text.trim()));
    }
    Ok(pairs)
}

/// The `{name}` placeholders of a text, sorted.
#[must_use]
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_parses() {
        for locale in Locale::ALL {
            let pairs = parse(locale.resources().unwrap().catalogue)
                .unwrap_or_else(|e| panic!("{locale:?}: {e}"));
            assert!(!pairs.is_empty());
            for (key, text) in pairs {
                assert!(!text.is_empty(), "{locale:?}: {key} is empty");
            }
        }
    }

    /// The check the issue asks for: a key missing from a language fails the build's tests.
    #[test]
    fn every_language_has_every_key_with_the_same_placeholders() {
        let english: HashMap<&str, &str> = Locale::english_catalogue().into_iter().collect();
        for locale in Locale::ALL {
            let theirs: HashMap<&str, &str> = match locale {
                Locale::En => english.clone(),
                Locale::De => parse(locale.resources().unwrap().catalogue)
                    .unwrap()
                    .into_iter()
                    .collect(),
            };
            let mut missing: Vec<&&str> = english
                .keys()
                .filter(|k| !theirs.contains_key(*k))
                .collect();
            missing.sort();
            assert!(missing.is_empty(), "{locale:?} lacks {missing:?}");
            let mut extra: Vec<&&str> = theirs
                .keys()
                .filter(|k| !english.contains_key(*k))
                .collect();
            extra.sort();
            assert!(
                extra.is_empty(),
                "{locale:?} has keys English lacks: {extra:?}"
            );
            for (key, text) in &english {
                assert_eq!(
                    placeholders(text),
                    placeholders(theirs[key]),
                    "{locale:?}: {key} has other placeholders than English"
                );
            }
        }
    }

    #[test]
    fn a_malformed_catalogue_says_where() {
        assert_eq!(
            parse("# c\n\na = b\nnope"),
            Err("line 4: expected `key = text`".into())
        );
        assert_eq!(
            parse("a = b\na = c"),
            Err("line 2: a is given twice".into())
        );
        assert_eq!(parse("a = x = y"), Ok(vec![("a", "x = y")]));
    }

    #[test]
    fn languages_are_chosen_by_tag_then_by_the_browser() {
        assert_eq!(Locale::of_tag("de-AT"), Some(Locale::De));
        assert_eq!(Locale::of_tag("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::of_tag("fr"), None);
        assert_eq!(Locale::negotiate(&["fr-FR", "de", "en"]), Locale::De);
        assert_eq!(Locale::negotiate(&["fr-FR"]), Locale::En);
        assert_eq!(Locale::negotiate::<&str>(&[]), Locale::En);
    }

    #[test]
    fn values_fill_their_placeholders() {
        assert_eq!(
            fill(
                "{done} of {total} answered",
                &[("done", &3), ("total", &"12")]
            ),
            "3 of 12 answered"
        );
        assert_eq!(
            fill("{unknown} stays, { too", &[]),
            "{unknown} stays, { too"
        );
        assert_eq!(placeholders("{b} and {a}"), vec!["a", "b"]);
    }

    #[test]
    fn a_missing_key_falls_back_to_english_then_to_the_key() {
        assert_eq!(Locale::De.text("no.such.key"), "no.such.key");
        assert_eq!(Locale::En.text("app.name"), "Tandem");
    }

    #[test]
    fn counts_take_the_singular_for_one_only() {
        let runs = |n| Locale::En.count("count.earlier-run", "count.earlier-runs", n);
        assert_eq!(runs(1), "1 earlier run");
        assert_eq!(runs(0), "0 earlier runs");
        assert_eq!(
            Locale::De.count("count.earlier-run", "count.earlier-runs", 2),
            "2 frühere Durchläufe"
        );
    }

    #[test]
    fn dates_and_numbers_follow_the_language() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(Locale::En.long_date(day), "5 March 2026");
        assert_eq!(Locale::De.long_date(day), "5. März 2026");
        assert_eq!(Locale::En.figure(-3.5), "-3.5");
        assert_eq!(Locale::De.figure(62.5), "62,5");
        assert_eq!(Locale::De.signed(4.5), "+4,5");
    }
}

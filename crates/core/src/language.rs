//! A language fetched at run time, checked before it is used: its catalogue must have every key
//! English has, and its default bank must ask the English bank's questions (the same ids, so
//! codes, workshops and trends are shared across languages). Sits above the bank it checks; the
//! catalogue itself (`i18n`) knows nothing of banks.

use crate::bank::{Bank, fingerprint};
use crate::i18n::{Locale, parse};
use crate::validation::Invalid;

/// Why a fetched language is not used. The app then speaks English, so these are for the log
/// and the tests, not for the person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LanguageError {
    /// A line of the catalogue is not `key = text`.
    #[error("{file} {why}")]
    Unreadable { file: String, why: String },
    /// The catalogue lacks a key English has (it is stale or cut short).
    #[error("{file} lacks {key}")]
    Lacks { file: String, key: String },
    /// The default bank is not a valid question bank.
    #[error("the default bank is not valid: {0}")]
    Bank(Invalid),
    /// The default bank is valid but asks other questions than the English one.
    #[error("the default bank asks other questions than the English one")]
    OtherQuestions,
}

/// Hands over a language that is not built in: its catalogue and its default bank, as fetched.
/// Both are checked first; a language already at hand stays as it is.
///
/// # Errors
/// What is wrong with the catalogue or the bank; the language then stays not at hand.
pub fn provide(locale: Locale, catalogue: String, bank: String) -> Result<(), LanguageError> {
    if locale.is_ready() {
        return Ok(());
    }
    check(locale, &catalogue, &bank)?;
    locale.install(catalogue, bank);
    Ok(())
}

fn check(locale: Locale, catalogue: &str, bank: &str) -> Result<(), LanguageError> {
    let file = format!("{}.txt", locale.tag());
    let theirs = parse(catalogue).map_err(|why| LanguageError::Unreadable {
        file: file.clone(),
        why,
    })?;
    if let Some((key, _)) = Locale::english_catalogue()
        .into_iter()
        .find(|(key, _)| !theirs.iter().any(|(their, _)| their == key))
    {
        return Err(LanguageError::Lacks {
            file,
            key: key.to_owned(),
        });
    }
    let bank = Bank::from_json(bank).map_err(LanguageError::Bank)?;
    if fingerprint(&bank) != fingerprint(&Bank::default_bank()) {
        return Err(LanguageError::OtherQuestions);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GERMAN_CATALOGUE: &str = include_str!("../locales/de.txt");
    const GERMAN_BANK: &str = include_str!("../banks/default.de.json");

    /// What the app fetches for a language is checked before it is used: a broken or stale file
    /// leaves the language not at hand (the app then speaks English) instead of showing keys.
    #[test]
    fn a_provided_language_is_checked_first() {
        let check = |catalogue: &str, bank: &str| {
            check(Locale::De, catalogue, bank).map_err(|error| error.to_string())
        };
        assert_eq!(check(GERMAN_CATALOGUE, GERMAN_BANK), Ok(()));
        assert_eq!(
            check("app.name = Tandem\nnot a line", GERMAN_BANK),
            Err("de.txt line 2: expected `key = text`".into())
        );
        let without_first_key = GERMAN_CATALOGUE
            .lines()
            .filter(|line| !line.starts_with("app.name ="))
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(
            check(&without_first_key, GERMAN_BANK),
            Err("de.txt lacks app.name".into())
        );
        let broken = check(GERMAN_CATALOGUE, "{}").unwrap_err();
        assert!(
            broken.starts_with("the default bank is not valid: "),
            "{broken}"
        );
        let other_questions = GERMAN_BANK.replacen("understanding-explain", "explain", 1);
        assert_eq!(
            check(GERMAN_CATALOGUE, &other_questions),
            Err("the default bank asks other questions than the English one".into())
        );
        // Built in here, so handing it over again changes nothing.
        assert_eq!(provide(Locale::De, String::new(), String::new()), Ok(()));
        assert_eq!(Locale::De.text("app.name"), "Tandem");
    }
}

//! The catalogue against the code that uses it: every key the app or the core asks for exists
//! in English (and so, by the unit tests of `i18n`, in every language), and every key in the
//! catalogue is used somewhere. A typo in a key fails here rather than showing the key itself to
//! a user.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use tandem_core::i18n;

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// Every string literal in the Rust sources of the app and the core.
fn literals() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    sources(&root.join("crates/core/src"), &mut files);
    let mut found = BTreeSet::new();
    for file in files {
        // Quotes that do not start or end a string (escaped, or a char literal) are dropped
        // first, so that every other quote does.
        let text = fs::read_to_string(&file)
            .unwrap()
            .replace("\\\\", "")
            .replace("\\\"", "")
            .replace("'\"'", "");
        for (index, part) in text.split('"').enumerate() {
            if index % 2 == 1 && !part.contains(['\n', ' ', '\\']) {
                found.insert(part.to_owned());
            }
        }
    }
    found
}

#[test]
fn every_key_the_code_asks_for_is_in_the_catalogue_and_every_key_is_used() {
    // English in its parts (see `i18n`): a key is in exactly one.
    let parts = [
        include_str!("../locales/en.txt"),
        include_str!("../locales/en.self.txt"),
        include_str!("../locales/en.workshops.txt"),
    ];
    let mut keys: BTreeSet<&str> = BTreeSet::new();
    for part in parts {
        for (key, _) in i18n::parse(part).unwrap() {
            assert!(keys.insert(key), "{key} is in two parts of English");
        }
    }
    // The catalogue's sections: a literal starting with one of them is meant as a key.
    let sections: BTreeSet<&str> = keys
        .iter()
        .filter_map(|key| key.split_once('.').map(|(section, _)| section))
        .collect();
    // Literals that look like keys but are not: file names, and paths into a workshop document.
    let not_keys = |literal: &str| {
        [".css", ".md", ".json", ".js", ".csv"]
            .iter()
            .any(|ext| literal.ends_with(ext))
            || ["workshop.id", "workshops.list"].contains(&literal)
    };
    let literals = literals();
    let asked: BTreeSet<&str> = literals
        .iter()
        .map(String::as_str)
        .filter(|literal| !not_keys(literal))
        .filter(|literal| {
            literal.split_once('.').is_some_and(|(section, rest)| {
                sections.contains(section)
                    && !rest.is_empty()
                    && rest
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-.".contains(c))
            })
        })
        .collect();
    let missing: Vec<&&str> = asked.iter().filter(|key| !keys.contains(*key)).collect();
    assert!(
        missing.is_empty(),
        "keys used but not in en*.txt: {missing:?}"
    );
    let unused: Vec<&&str> = keys
        .iter()
        .filter(|key| !literals.contains(**key))
        .collect();
    assert!(
        unused.is_empty(),
        "keys in en*.txt that nothing uses: {unused:?}"
    );
}

//! The core's modules in layers, bottom up: each builds only on the layers below it, never on
//! its own layer or one above. `docs/architecture.md` draws the same list; a module added to the
//! crate must be placed here, or this test fails.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Bottom up. A module may use any module of a lower layer, none of its own or a higher one.
const LAYERS: &[(&str, &[&str])] = &[
    ("foundations", &["dates", "numbers", "chart", "merge"]),
    ("words", &["i18n"]),
    ("problems with input", &["validation"]),
    ("stored values and the bank", &["stored", "bank"]),
    ("answers", &["respondent"]),
    ("figures and agenda", &["scoring", "agenda", "language"]),
    ("the second round", &["convergence"]),
    ("norms", &["norms"]),
    ("codes and history", &["code", "history"]),
    ("the document", &["document"]),
    ("the journey", &["assessment"]),
    ("the workshop", &["workshop"]),
    ("the state and exports", &["state", "export"]),
    ("over the state", &["backup", "sync", "retention", "embed"]),
    ("the reducer", &["reducer"]),
];

fn source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every module of the crate (a file or a folder beside `lib.rs`) with the text of its files.
fn modules() -> Vec<(String, String)> {
    let mut modules = Vec::new();
    for entry in std::fs::read_dir(source()).expect("the crate's src folder") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if name == "lib" {
            continue;
        }
        let text = if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(&path)
                .expect("a module folder")
                .map(|entry| entry.expect("an entry").path())
                .collect();
            files.sort();
            files
                .iter()
                .map(|file| std::fs::read_to_string(file).expect("a source file"))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            std::fs::read_to_string(&path).expect("a source file")
        };
        modules.push((name, text));
    }
    modules.sort();
    modules
}

/// The crate's modules a source text names, as `crate::name`, or inside `use crate::{…}`.
fn uses(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                used.insert(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            used.insert(name);
        }
    }
    used.retain(|name| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
    });
    used
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, members)| members.contains(&module))
}

#[test]
fn every_module_builds_only_on_the_layers_below_it() {
    let mut wrong = Vec::new();
    for (module, text) in modules() {
        let Some(layer) = layer_of(&module) else {
            wrong.push(format!("{module} is in no layer"));
            continue;
        };
        for used in uses(&text) {
            if used == module {
                continue;
            }
            match layer_of(&used) {
                Some(below) if below < layer => {}
                Some(other) => wrong.push(format!(
                    "{module} ({}) uses {used} ({}), which is not below it",
                    LAYERS[layer].0, LAYERS[other].0
                )),
                None => wrong.push(format!("{module} uses {used}, which is in no layer")),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_layer_names_a_module_of_the_crate() {
    let present: BTreeSet<String> = modules().into_iter().map(|(name, _)| name).collect();
    for (layer, members) in LAYERS {
        for member in *members {
            assert!(
                present.contains(*member),
                "{member} ({layer}) is not a module"
            );
        }
    }
}

/// The check itself: a use of a higher module, grouped or not, is seen.
#[test]
fn uses_are_found_written_either_way() {
    let found = uses(
        "use crate::bank::Bank;\nuse crate::{norms, workshop::Phase};\nx = crate::i18n::Locale::En;",
    );
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["bank", "i18n", "norms", "workshop"]
    );
}

/// The architecture document draws every module: a module added here and not there fails.
#[test]
fn the_architecture_document_names_every_module() {
    let document = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/architecture.md"),
    )
    .expect("docs/architecture.md");
    for (module, _) in modules() {
        let file = format!("{module}.rs");
        let folder = format!("{module}/");
        assert!(
            document.contains(&file) || document.contains(&folder),
            "docs/architecture.md does not name {module}"
        );
    }
}

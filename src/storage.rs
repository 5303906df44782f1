//! The only code that touches `localStorage`. The rest of the app sees typed results: what was
//! restored, what went wrong, and whether a save worked. It never decides what to show.
//!
//! A stored value that cannot be read is moved aside under a quarantine key rather than being
//! overwritten, so nothing a person answered is destroyed by a bug or a newer version.

use serde::{Deserialize, Serialize};
use tandem_core::Journey;
use wasm_bindgen::JsCast;
use web_sys::Storage;

/// Every key Tandem writes starts with this, so "delete my data" removes exactly ours.
const PREFIX: &str = "tandem.";
const JOURNEY_KEY: &str = "tandem.self-assessment";
const QUARANTINE_KEY: &str = "tandem.quarantine.self-assessment";
/// The version of the stored envelope; bumped with a migration when its shape changes.
const SCHEMA: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Stored {
    schema: u32,
    journey: Journey,
}

/// What loading found.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet, or a saved journey restored.
    Journey(Journey),
    /// The saved value could not be read; it was kept aside and the app starts fresh.
    Quarantined { raw: String },
    /// The browser will not let this page use storage; the app works in memory.
    Unavailable,
}

/// Why a save failed, in words for the person whose answers were not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Storage is full.
    Full,
    /// Storage is blocked or missing (private mode, a sandboxed frame, a policy).
    Unavailable,
    /// Anything else the browser reported.
    Other(String),
}

fn storage() -> Option<Storage> {
    // `local_storage()` throws when storage is disabled; that is an `Err`, not a crash.
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the saved self-assessment.
#[must_use]
pub fn load() -> Loaded {
    let Some(storage) = storage() else {
        return Loaded::Unavailable;
    };
    let raw = match storage.get_item(JOURNEY_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Journey(Journey::default()),
        Err(_) => return Loaded::Unavailable,
    };
    match serde_json::from_str::<Stored>(&raw) {
        Ok(stored) if stored.schema == SCHEMA => Loaded::Journey(stored.journey),
        _ => {
            // Keep the unreadable value; if even that fails, leave it where it is and run in
            // memory rather than overwrite it.
            let kept = storage.set_item(QUARANTINE_KEY, &raw).is_ok()
                && storage.remove_item(JOURNEY_KEY).is_ok();
            if kept {
                Loaded::Quarantined { raw }
            } else {
                Loaded::Unavailable
            }
        }
    }
}

/// Saves the journey, or removes the saved one when there is nothing worth keeping.
///
/// # Errors
/// [`SaveError`] saying why the browser refused; the journey itself is untouched in memory.
pub fn save(journey: &Journey) -> Result<(), SaveError> {
    let storage = storage().ok_or(SaveError::Unavailable)?;
    if *journey == Journey::default() {
        return storage.remove_item(JOURNEY_KEY).map_err(classify);
    }
    let stored = Stored {
        schema: SCHEMA,
        journey: journey.clone(),
    };
    let text =
        serde_json::to_string(&stored).map_err(|error| SaveError::Other(error.to_string()))?;
    storage.set_item(JOURNEY_KEY, &text).map_err(classify)
}

/// Removes every key Tandem wrote on this origin, and nothing else.
///
/// # Errors
/// [`SaveError`] when storage cannot be reached or a key cannot be removed.
pub fn delete_everything() -> Result<(), SaveError> {
    let storage = storage().ok_or(SaveError::Unavailable)?;
    let length = storage.length().map_err(classify)?;
    let ours: Vec<String> = (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .collect();
    for key in ours {
        storage.remove_item(&key).map_err(classify)?;
    }
    Ok(())
}

fn classify(error: wasm_bindgen::JsValue) -> SaveError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) if exception.name() == "QuotaExceededError" => SaveError::Full,
        Some(exception) if exception.name() == "SecurityError" => SaveError::Unavailable,
        Some(exception) => SaveError::Other(exception.message()),
        None => SaveError::Other(format!("{error:?}")),
    }
}

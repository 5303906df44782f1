//! The only code that touches `localStorage`. The rest of the app sees typed results: what was
//! restored, what went wrong, and whether a save worked. It never decides what to show.
//!
//! Each part of the state has its own key, so an answer in a self-assessment does not rewrite
//! every workshop. A stored value that cannot be read is moved aside under a quarantine key
//! rather than being overwritten, so nothing a person entered is destroyed by a bug or a newer
//! version.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tandem_core::assessment::Participation;
use tandem_core::code::Round;
use tandem_core::history::History;
use tandem_core::state::Retention;
use tandem_core::workshop::{HeldTurn, Holder};
use tandem_core::{Journey, Norms, Tandem, Turn, View, Workshops};
use wasm_bindgen::JsCast;
use web_sys::Storage;

use tandem_core::stored::{self, Decision, SCHEMA};

/// Every key a mount of Tandem writes starts with its prefix (`tandem.` for the page's own
/// Tandem, `tandem:<namespace>.` for a namespaced embed; see
/// [`tandem_core::embed::storage_prefix`]), so "delete my data" removes exactly that mount's
/// data and two namespaces on one site never meet. Every function here takes that prefix.
fn key(prefix: &str, part: &str) -> String {
    format!("{prefix}{part}")
}

/// One stored part of the state: its key after the prefix, the envelope field it sits in, and
/// how it is wrapped.
trait Part: Sized + DeserializeOwned {
    const KEY: &'static str;
    const FIELD: &'static str;
    type Stored: Serialize;
    fn wrap(self) -> Self::Stored;
}

/// Declares a stored part: its type, the key it lives under, and the envelope
/// `{"schema": n, "<field>": …}` it is kept in. Reading goes through `tandem_core::stored`,
/// which migrates older schemas and keeps newer or broken values aside.
macro_rules! part {
    ($part:ty, $stored:ident, $key:literal, $field:ident) => {
        #[derive(Serialize)]
        struct $stored {
            schema: u32,
            $field: $part,
        }

        impl Part for $part {
            const KEY: &'static str = $key;
            const FIELD: &'static str = stringify!($field);
            type Stored = $stored;
            fn wrap(self) -> $stored {
                $stored {
                    schema: SCHEMA,
                    $field: self,
                }
            }
        }
    };
}

/// Every participation on this device, one per workshop and round, so joining a second
/// workshop (or its second round) never overwrites answers whose code was not handed over yet.
#[derive(Default, Serialize, Deserialize)]
#[serde(transparent)]
struct Participations(Vec<Participation>);

part!(Journey, StoredJourney, "self-assessment", journey);
part!(Norms, StoredProposal, "proposal", proposal);
part!(History, StoredHistory, "history", history);
part!(Workshops, StoredWorkshops, "workshops", workshops);
part!(Turns, StoredTurns, "turns", turns);

/// The participant turns open on this device, by workshop, kept apart from the workshops so an
/// answer given in a turn rewrites a few hundred bytes, not every workshop's respondents.
#[derive(Default, Serialize, Deserialize)]
#[serde(transparent)]
struct Turns(Vec<OpenTurn>);

#[derive(Serialize, Deserialize)]
struct OpenTurn {
    workshop: String,
    turn: Turn,
    /// The tab that holds it; absent in turns saved before turns had holders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    holder: Option<Holder>,
}

thread_local! {
    /// Per prefix, the workshops (without turns) as this page last wrote or was told another
    /// window wrote them: when they are unchanged, only the turns are saved.
    static WRITTEN: RefCell<HashMap<String, Workshops>> = RefCell::new(HashMap::new());
    /// Keys holding a value that could not be read and could not be kept aside either (storage
    /// was full): nothing writes or removes them until the person has downloaded the value
    /// ([`release`]). Until then that part of the state lives in memory only.
    static HELD: RefCell<HashMap<String, Quarantined>> = RefCell::default();
    /// Keys whose last save failed (or could not be tried): what they should hold lives in this
    /// page's memory only, until a later save of theirs succeeds.
    static UNSAVED: RefCell<HashSet<String>> = RefCell::default();
}
part!(View, StoredView, "view", view);
part!(Retention, StoredRetention, "retention", retention);
part!(
    Participations,
    StoredParticipations,
    "participations",
    participations
);

/// A stored value that could not be read: kept aside under a key of its own, or, when there was
/// no room for a copy, left where it was and held there untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    /// The key it was moved to, or where it stays when it could not be moved.
    pub key: String,
    /// Whether it was left where it was because a copy could not be kept aside: it is held
    /// there until the person downloads it ([`release`]).
    pub held: bool,
    pub raw: String,
    /// The schema it was saved with, when that is newer than this Tandem reads: it was not
    /// broken, just written by a later version.
    pub newer: Option<u32>,
}

/// What loading found.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Everything that could be read; what could not starts empty.
    pub state: Tandem,
    /// Values that could not be read, kept aside.
    pub quarantined: Vec<Quarantined>,
    /// The browser will not let this page use storage; the app works in memory.
    pub unavailable: bool,
}

/// Why a save failed, in words for the person whose work was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Storage is full.
    Full,
    /// Storage is blocked or missing (private mode, a sandboxed frame, a policy).
    Unavailable,
    /// The key holds a value that could not be read and could not be kept aside; it is not
    /// overwritten until the person has downloaded it.
    Held,
    /// Anything else the browser reported.
    Other(String),
}

fn storage() -> Option<Storage> {
    // `local_storage()` throws when storage is disabled; that is an `Err`, not a crash.
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads everything saved.
#[must_use]
pub fn load(prefix: &str) -> Loaded {
    let mut loaded = load_own(prefix);
    let Some(storage) = storage() else {
        return loaded;
    };
    let (quarantined, unavailable) = (&mut loaded.quarantined, &mut loaded.unavailable);
    loaded.state.view = load_part(&storage, prefix, quarantined, unavailable).unwrap_or_default();
    loaded.state.workshops = with_turns(
        load_part(&storage, prefix, quarantined, unavailable).unwrap_or_default(),
        load_part(&storage, prefix, quarantined, unavailable).unwrap_or_default(),
    );
    loaded.state.participations =
        load_part::<Participations>(&storage, prefix, quarantined, unavailable)
            .map(|all| all.0)
            .unwrap_or_default();
    loaded
}

/// Reads the self-assessment's parts only (its journey, runs, drafted norms and the retention),
/// for the self-assessment's entry: the workshops and participations stay
/// as saved, unread, and are never written from there.
#[must_use]
pub fn load_own(prefix: &str) -> Loaded {
    let Some(storage) = storage() else {
        return Loaded {
            state: Tandem::default(),
            quarantined: Vec::new(),
            unavailable: true,
        };
    };
    let mut quarantined = Vec::new();
    let mut unavailable = false;
    let state = Tandem {
        journey: load_part(&storage, prefix, &mut quarantined, &mut unavailable)
            .unwrap_or_default(),
        proposal: load_part(&storage, prefix, &mut quarantined, &mut unavailable)
            .unwrap_or_default(),
        history: load_part(&storage, prefix, &mut quarantined, &mut unavailable)
            .unwrap_or_default(),
        retention: load_part(&storage, prefix, &mut quarantined, &mut unavailable)
            .unwrap_or_default(),
        ..Tandem::default()
    };
    Loaded {
        state,
        quarantined,
        unavailable,
    }
}

/// The workshop whose open turn this tab holds, read from the saved turns alone, for the
/// self-assessment's entry, which reads no workshops but must hand such a tab back to its turn:
/// only the turn's holder ends it. A value that cannot be read is left for the facilitator's
/// entry to deal with.
#[must_use]
pub fn turn_held_here(prefix: &str) -> Option<String> {
    /// An open turn, as far as telling its holder goes; the rest is skipped unread.
    #[derive(Deserialize)]
    struct Open {
        workshop: String,
        #[serde(default)]
        holder: Option<Tab>,
    }
    #[derive(Deserialize)]
    struct Tab {
        tab: String,
    }
    let raw = storage()?.get_item(&key(prefix, Turns::KEY)).ok()??;
    let (Decision::Ready(turns) | Decision::Migrated { value: turns, .. }) =
        stored::read::<Vec<Open>>(&raw, Turns::FIELD)
    else {
        return None;
    };
    let tab = tab_id(prefix);
    // A turn without a holder (saved before turns had holders) is any tab's, as in
    // `Workshop::turn_is_held_by`.
    (turns.into_iter())
        .find(|open| open.holder.as_ref().is_none_or(|holder| holder.tab == tab))
        .map(|open| open.workshop)
}

fn load_part<T: Part>(
    storage: &Storage,
    prefix: &str,
    quarantined: &mut Vec<Quarantined>,
    unavailable: &mut bool,
) -> Option<T> {
    let part_key = key(prefix, T::KEY);
    let Ok(raw) = storage.get_item(&part_key) else {
        *unavailable = true;
        return None;
    };
    let raw = raw?;
    let newer = match stored::read::<T>(&raw, T::FIELD) {
        // A migrated value is written in the current schema with the next change; until then
        // the older text stays where it is.
        Decision::Ready(value) | Decision::Migrated { value, .. } => return Some(value),
        Decision::Newer(schema) => Some(schema),
        Decision::Unreadable(_) => None,
    };
    // Keep the value aside. If even that fails (storage is full, or the value is larger than
    // the room left), leave it where it is and hold that key: this part then lives in memory
    // until the person has downloaded the value, and nothing overwrites or removes it.
    let key = free_quarantine_key(storage, prefix, T::KEY);
    let kept = storage.set_item(&key, &raw).is_ok();
    if kept && storage.remove_item(&part_key).is_ok() {
        quarantined.push(Quarantined {
            key,
            held: false,
            raw,
            newer,
        });
    } else {
        // Where the copy was made but the original could not be removed, both stay.
        let value = Quarantined {
            key: part_key.clone(),
            held: true,
            raw,
            newer,
        };
        HELD.with_borrow_mut(|held| held.insert(part_key, value.clone()));
        quarantined.push(value);
    }
    None
}

/// `<prefix>quarantine.<part>`, or `….<part>.2`, `.3`… when earlier values are already kept
/// aside there: a second unreadable value never replaces the first.
fn free_quarantine_key(storage: &Storage, prefix: &str, part: &str) -> String {
    let first = key(prefix, &format!("quarantine.{part}"));
    // A thousand copies of one unreadable part would not fit in a browser's storage anyway.
    (1..=1000)
        .map(|n| {
            if n == 1 {
                first.clone()
            } else {
                format!("{first}.{n}")
            }
        })
        .find(|key| matches!(storage.get_item(key), Ok(None) | Err(_)))
        .unwrap_or(first)
}

/// Reads what a participant has answered on this device for `workshop`, and anything that
/// could not be read and was kept aside (the participant must be told).
#[must_use]
pub fn load_participation(
    prefix: &str,
    workshop: u32,
    round: Round,
) -> (Option<Participation>, Vec<Quarantined>) {
    let mut quarantined = Vec::new();
    let found = storage().and_then(|storage| {
        load_part::<Participations>(&storage, prefix, &mut quarantined, &mut false)?
            .0
            .into_iter()
            .find(|participation| {
                participation.workshop == workshop && participation.round() == round
            })
    });
    (found, quarantined)
}

/// Saves a participant's answers for their workshop, keeping those for other workshops.
///
/// # Errors
/// As [`save_journey`].
pub fn save_participation(prefix: &str, participation: &Participation) -> Result<(), SaveError> {
    let storage = storage().ok_or(SaveError::Unavailable)?;
    let mut all: Participations =
        load_part(&storage, prefix, &mut Vec::new(), &mut false).unwrap_or_default();
    match all.0.iter_mut().find(|saved| {
        saved.workshop == participation.workshop && saved.round() == participation.round()
    }) {
        Some(saved) => saved.clone_from(participation),
        None => all.0.push(participation.clone()),
    }
    save_part(prefix, all, false)
}

/// Every participation on this device, as the participant's page last saved them.
#[must_use]
pub fn load_participations(prefix: &str) -> Vec<Participation> {
    storage()
        .and_then(|storage| {
            load_part::<Participations>(&storage, prefix, &mut Vec::new(), &mut false)
        })
        .map(|all| all.0)
        .unwrap_or_default()
}

/// Merges a backup's participations into those saved on this device, read afresh so that a
/// participant's page saving at the same time is not overwritten by an older copy; the rule is
/// [`tandem_core::backup::merge_participations`]. The participant's page is the only other
/// writer of this key.
///
/// # Errors
/// As [`save_journey`].
pub fn restore_participations(prefix: &str, incoming: &[Participation]) -> Result<(), SaveError> {
    if incoming.is_empty() {
        return Ok(());
    }
    let mut all = load_participations(prefix);
    tandem_core::backup::merge_participations(&mut all, incoming.to_vec());
    let empty = all.is_empty();
    save_part(prefix, Participations(all), empty)
}

/// Saves the self-assessment; an untouched one is removed rather than written.
///
/// # Errors
/// [`SaveError`] saying why the browser refused; the state itself is untouched in memory.
pub fn save_journey(prefix: &str, journey: &Journey) -> Result<(), SaveError> {
    save_part(prefix, journey.clone(), *journey == Journey::default())
}

/// Saves the norms drafted after the self-assessment.
///
/// # Errors
/// As [`save_journey`].
pub fn save_proposal(prefix: &str, proposal: &Norms) -> Result<(), SaveError> {
    save_part(prefix, proposal.clone(), proposal.is_empty())
}

/// Saves the finished self-assessments kept for the trend.
///
/// # Errors
/// As [`save_journey`].
pub fn save_history(prefix: &str, history: &History) -> Result<(), SaveError> {
    save_part(prefix, history.clone(), history.runs.is_empty())
}

/// Saves how long runs and workshops are kept.
///
/// # Errors
/// As [`save_journey`].
pub fn save_retention(prefix: &str, retention: &Retention) -> Result<(), SaveError> {
    save_part(prefix, *retention, *retention == Retention::default())
}

/// Saves every workshop.
///
/// # Errors
/// As [`save_journey`].
pub fn save_workshops(prefix: &str, workshops: &Workshops) -> Result<(), SaveError> {
    let mut without = workshops.clone();
    let mut turns = Vec::new();
    for workshop in &mut without.list {
        // Every open turn, this tab's and the others it knows, each with its holder.
        for held in workshop.open_turns() {
            turns.push(OpenTurn {
                workshop: workshop.id.clone(),
                holder: (!held.holder.tab.is_empty()).then_some(held.holder),
                turn: held.turn,
            });
        }
        workshop.turn = None;
        workshop.holder = None;
        workshop.others.clear();
    }
    let unchanged = WRITTEN.with_borrow(|written| written.get(prefix) == Some(&without));
    if !unchanged {
        // Deleted ids are kept while any exist, so another tab does not bring those workshops
        // back.
        let empty = without.list.is_empty() && without.deleted.is_empty();
        save_part(prefix, without.clone(), empty)?;
        WRITTEN.with_borrow_mut(|written| written.insert(prefix.to_owned(), without));
    }
    let empty = turns.is_empty();
    save_part(prefix, Turns(turns), empty)
}

/// The workshops with the turns saved apart put back. A turn saved inside its workshop (before
/// turns were kept apart) stays where it is.
fn with_turns(mut workshops: Workshops, turns: Turns) -> Workshops {
    for open in turns.0 {
        // The first is shown; the state's fit then shows this tab's own, if it has one.
        if let Some(workshop) = workshops.list.iter_mut().find(|w| w.id == open.workshop) {
            match (&workshop.turn, open.holder) {
                (None, holder) => {
                    workshop.turn = Some(open.turn);
                    workshop.holder = holder;
                }
                (Some(_), Some(holder)) => workshop.others.push(HeldTurn {
                    holder,
                    turn: open.turn,
                }),
                // A second turn without a holder (from before holders) cannot be told apart.
                (Some(_), None) => {}
            }
        }
    }
    workshops
}

/// Saves which screen is open, so a reload comes back to it.
///
/// # Errors
/// As [`save_journey`].
pub fn save_view(prefix: &str, view: &View) -> Result<(), SaveError> {
    save_part(prefix, view.clone(), *view == View::default())
}

fn save_part<T: Part>(prefix: &str, value: T, is_empty: bool) -> Result<(), SaveError> {
    let key = key(prefix, T::KEY);
    let saved = write_part(&key, value, is_empty);
    // An empty value that could not be removed loses nothing: it is the value that was
    // saved before that comes back.
    UNSAVED.with_borrow_mut(|unsaved| {
        if saved.is_ok() || is_empty {
            unsaved.remove(&key);
        } else {
            unsaved.insert(key);
        }
    });
    saved
}

/// Whether everything this page was asked to save is saved: `false` while the last save of
/// some part failed, so that part lives in this page's memory only, and leaving or reloading
/// the page would lose it.
#[must_use]
pub fn all_saved() -> bool {
    UNSAVED.with_borrow(HashSet::is_empty)
}

fn write_part<T: Part>(key: &str, value: T, is_empty: bool) -> Result<(), SaveError> {
    let storage = storage().ok_or(SaveError::Unavailable)?;
    if is_held(key) {
        return Err(SaveError::Held);
    }
    if is_empty {
        return storage.remove_item(key).map_err(classify);
    }
    let text = serde_json::to_string(&value.wrap())
        .map_err(|error| SaveError::Other(error.to_string()))?;
    storage.set_item(key, &text).map_err(classify)
}

/// Calls `changed` whenever another window of this origin changes this prefix's storage (the
/// browser's `storage` event), so a second window can follow the first. Changes to other
/// namespaces are ignored. Dropping the returned listener stops it.
#[must_use]
pub fn on_change(prefix: &str, changed: impl Fn() + 'static) -> Option<gloo_events::EventListener> {
    let window = web_sys::window()?;
    let prefix = prefix.to_owned();
    Some(gloo_events::EventListener::new(
        &window,
        "storage",
        move |event| {
            let key = event
                .dyn_ref::<web_sys::StorageEvent>()
                .and_then(web_sys::StorageEvent::key);
            // No key: the other window cleared all of storage, ours included.
            if key.is_none_or(|key| key.starts_with(&prefix)) {
                // What is stored is no longer what this page wrote.
                WRITTEN.with_borrow_mut(|written| written.remove(&prefix));
                changed();
            }
        },
    ))
}

/// Which part of the state a stored or quarantine key holds, for naming it to the person:
/// `workshops` for `tandem.workshops` or `tandem.quarantine.workshops.2`.
#[must_use]
pub fn part_of(key: &str) -> String {
    let after = key.split_once("quarantine.").map_or(key, |(_, rest)| rest);
    let after = after.rsplit_once('.').map_or(after, |(start, last)| {
        if last.bytes().all(|b| b.is_ascii_digit()) {
            start
        } else {
            after
        }
    });
    after.rsplit('.').next().unwrap_or(after).to_owned()
}

/// Whether `key` holds a value that could not be kept aside (see [`Quarantined::held`]).
#[must_use]
pub fn is_held(key: &str) -> bool {
    HELD.with_borrow(|held| held.contains_key(key))
}

/// Every value held in place, not yet downloaded.
#[must_use]
pub fn held() -> Vec<Quarantined> {
    HELD.with_borrow(|held| held.values().cloned().collect())
}

/// The person has downloaded the value held at `key`: from now on that part is saved again,
/// over it.
pub fn release(key: &str) {
    HELD.with_borrow_mut(|held| held.remove(key));
}

/// This tab's id, so it knows which open turns are its own: kept in the tab's session storage,
/// so a reload of the tab is still the same tab, while every other tab or window gets its own.
/// Without session storage, a new id for each load.
#[must_use]
pub fn tab_id(prefix: &str) -> String {
    let session = web_sys::window().and_then(|window| window.session_storage().ok().flatten());
    let key = key(prefix, "tab");
    if let Some(kept) = session
        .as_ref()
        .and_then(|session| session.get_item(&key).ok().flatten())
    {
        return kept;
    }
    let fresh = format!(
        "tab-{:08x}{:08x}",
        crate::browser::random_key(),
        crate::browser::random_key()
    );
    // Where it cannot be kept, the id lasts for this load only, which is still this tab's own:
    // nothing is lost, a reload just shows this tab's open turn as open elsewhere.
    if let Some(session) = session {
        session.set_item(&key, &fresh).ok();
    }
    fresh
}

/// Keeps the text of a host's own question bank with this prefix's data, so the pages opened
/// from an embed (the printable report and agreement) score with the same bank.
///
/// # Errors
/// As [`save_journey`].
pub fn save_bank(prefix: &str, text: Option<&str>) -> Result<(), SaveError> {
    let storage = storage().ok_or(SaveError::Unavailable)?;
    let key = key(prefix, "bank");
    match text {
        Some(text) => storage.set_item(&key, text),
        None => storage.remove_item(&key),
    }
    .map_err(classify)
}

/// The bank kept by [`save_bank`], if any.
#[must_use]
pub fn load_bank(prefix: &str) -> Option<String> {
    storage()?.get_item(&key(prefix, "bank")).ok().flatten()
}

/// Removes every key this prefix's Tandem wrote on this origin, and nothing else.
///
/// # Errors
/// [`SaveError`] when storage cannot be reached or a key cannot be removed.
pub fn delete_everything(prefix: &str) -> Result<(), SaveError> {
    let storage = storage().ok_or(SaveError::Unavailable)?;
    let length = storage.length().map_err(classify)?;
    let ours: Vec<String> = (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect();
    WRITTEN.with_borrow_mut(|written| written.remove(prefix));
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

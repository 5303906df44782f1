//! Facilitated workshops as data and pure transitions: the agenda of phases, the countdown timer,
//! answers collected one person at a time and kept hidden until the reveal. Time is passed in
//! (`now_ms`) because the core has no clock; ids come in because it has no randomness.
//! Knows nothing of screens or storage.

use std::rc::Rc;

use crate::i18n::Locale;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::agenda::Phase;
use crate::assessment::{Action, Journey, Screen};
use crate::bank::Bank;
use crate::convergence::{Convergence, Rerate, Rerater};
use crate::dates::parse_date;
use crate::document::{DEFAULT_THRESHOLD, THRESHOLDS, WorkshopDocument, WorkshopInfo};
use crate::norms::{Norms, NormsAction, NormsError};
use crate::respondent::Respondent;
use crate::scoring::RoleCounts;
use crate::validation::Invalid;

mod arrivals;
mod collection;
mod timer;

pub use arrivals::{Linked, Receipt, Received};
pub use collection::{OnConflict, Workshops};
pub use timer::Timer;

/// A participant's turn on the facilitator's device (pass the device).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Turn {
    /// Someone is answering. Their journey is theirs alone: nobody else's answers or results are
    /// shown while it runs.
    Answering(Journey),
    /// Someone is answering the re-rated dimensions again, after discussion. The journey's
    /// steps count in the bank of the re-rated dimensions ([`Workshop::rerate_bank`]).
    Rerating(Journey),
    /// Someone is writing norm ideas; they see only their own.
    Writing { author: String },
    /// Someone is placing their dots.
    Voting { voter: String },
    /// They finished and their answers or ideas were added; the screen asks them to hand the
    /// device back.
    Finished,
}

/// The tab or window that holds a workshop's open turn, and the turn's own id, which stays the
/// same when another tab takes the turn over (so a take-over can be told from a second turn).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub tab: String,
    pub turn: String,
}

/// A turn open in another tab or window, as last seen here: storage keeps every open turn with
/// its holder, so two tabs that each opened one never lose either.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldTurn {
    pub holder: Holder,
    pub turn: Turn,
}

/// Open turns in one order, by holder, whichever tab saw them first: two tabs that know the
/// same turns then hold the same state and have nothing to tell each other.
pub fn in_holder_order(turns: &mut [HeldTurn]) {
    turns.sort_by(|a, b| (&a.holder.tab, &a.holder.turn).cmp(&(&b.holder.tab, &b.holder.turn)));
}

/// What a participant's response does to a workshop: the one rule for a pasted code and a
/// response link alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// Someone new: their answers are added.
    New,
    /// The same participant with the same answers: nothing changes.
    Same,
    /// The same participant (the same respondent key) with other answers: the later response
    /// replaces the earlier one; `changes` answers, estimates or the function differ.
    Corrected { changes: usize },
}

impl Arrival {
    /// What `incoming` does beside the `earlier` response with its id, if there is one: the one
    /// rule for either round.
    fn of(incoming: &Respondent, earlier: Option<&Respondent>) -> Arrival {
        match earlier.map(|earlier| incoming.changes_from(earlier)) {
            None => Arrival::New,
            Some(0) => Arrival::Same,
            Some(changes) => Arrival::Corrected { changes },
        }
    }
}

/// A facilitated workshop and everything collected in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workshop {
    pub id: String,
    pub name: String,
    #[serde(with = "crate::dates::iso")]
    pub date: NaiveDate,
    /// The privacy threshold k: group figures are shown only when Marketing and IT each have at
    /// least this many respondents.
    pub threshold: u8,
    /// Shared like the respondents: the same bank for every render and save of the workshop.
    pub bank: Rc<Bank>,
    /// The chosen phases, in agenda order.
    pub phases: Vec<Phase>,
    /// Index into `phases`.
    pub current: usize,
    /// Shared, so that cloning a workshop (every render and save compares one) costs nothing
    /// until its respondents change; change them through `Rc::make_mut`.
    pub respondents: Rc<Vec<Respondent>>,
    /// Whether the facilitator has revealed the results. Until then only counts are shown.
    pub revealed: bool,
    pub timer: Timer,
    /// The participant turn on this device, if one is open.
    #[serde(default)]
    pub turn: Option<Turn>,
    /// Which tab or window of this browser holds the open turn. A turn belongs to the one that
    /// opened it (or took it over when asked to); another shows that a turn is open elsewhere.
    /// `None` for a turn opened before turns had holders: any tab may go on with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<Holder>,
    /// Other open turns of this workshop, held by other tabs. `turn` is this tab's own when it
    /// holds one; otherwise one of these is shown there, as open elsewhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<HeldTurn>,
    /// The second round: the dimensions re-rated after discussion and the answers given to
    /// them, when there is one. An imported document's is kept, so it is not lost on export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rerate: Option<Rc<Rerate>>,
    /// Whether the facilitator has shown the second round's figures: like the first round's,
    /// they stay hidden while people answer.
    #[serde(default, skip_serializing_if = "is_false")]
    pub second_revealed: bool,
    /// The brainstorm, the votes and the working agreement.
    #[serde(default, skip_serializing_if = "Norms::is_empty")]
    pub norms: Norms,
    /// How far the facilitator has stepped the room through the current phase's slides
    /// ([`Workshop::slides`]); back to the first at every phase.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub shown: usize,
    /// Whether arriving at a phase starts its countdown (the facilitator's setting).
    #[serde(default = "yes")]
    pub auto_timer: bool,
    /// When the workshop left its first phase or first started a countdown, on the caller's
    /// clock: time used so far counts from here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub began_ms: Option<u64>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference.
fn is_zero(value: &usize) -> bool {
    *value == 0
}

fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference.
fn is_false(value: &bool) -> bool {
    !*value
}

/// One screen of the presenter view: what the room sees. Each phase has one, and the revealed
/// results come in steps, so the room takes in one thing at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// Why we are here and the ground rules.
    Welcome,
    /// The join link and its QR code, with how many have answered.
    Join,
    /// The second round's join link and its QR code, with how many have answered again.
    JoinAgain,
    /// The results before the reveal: how many answered, and that they come next.
    Waiting,
    /// The alignment and friction indices.
    Indices,
    /// One hotspot: a dimension index into the bank.
    Hotspot(usize),
    /// No dimension reached the hotspot line.
    NoHotspots,
    /// Every dimension's score, side by side.
    Dimensions,
    /// The brainstorm: how many ideas, and once revealed the ideas.
    Ideas,
    /// The vote: who has voted, and once counted the leading ideas.
    Votes,
    /// The ranked list.
    Ranking,
    /// The working agreement.
    Agreement,
    /// How far Marketing and IT came together: the second round beside the first, when some
    /// dimensions were re-rated after discussion.
    AfterDiscussion,
    /// What the room agreed, in short, and what happens next.
    Summary,
}

/// Everything a facilitator can do to a workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkshopAction {
    Rename(String),
    /// Change name, date and threshold together: all of them, or none when one is refused.
    EditDetails {
        name: String,
        date: NaiveDate,
        threshold: u8,
    },
    SetDate(NaiveDate),
    SetThreshold(u8),
    /// Choose which phases the agenda has; they are kept in agenda order.
    SetPhases(Vec<Phase>),
    /// Go to the phase at this index of the agenda, at `now_ms` on the caller's clock.
    GoToPhase {
        index: usize,
        now_ms: u64,
    },
    NextPhase {
        now_ms: u64,
    },
    PreviousPhase {
        now_ms: u64,
    },
    /// A participant finished answering. A respondent with the same id is replaced.
    AddRespondent(Respondent),
    /// Response codes pasted into the box, any number in any layout (see
    /// [`Workshop::receive`]); what became of each comes back as `Told::Received`.
    Receive(String),
    Reveal,
    /// Choose the dimensions to answer again after discussion (the re-rate phase, once the
    /// results are revealed); a dimension already answered again stays.
    ChooseRerated(Vec<String>),
    /// Second-round response codes pasted into the re-rate phase's box, as [`Receive`] does
    /// for the first round.
    ///
    /// [`Receive`]: WorkshopAction::Receive
    ReceiveAgain(String),
    /// Show the second round's figures: how far Marketing and IT came together.
    RevealAgain,
    /// "I'm next": open a turn for the next participant (the individual assessment, or the
    /// re-rate phase once dimensions are chosen).
    StartTurn,
    /// The participant on the device acts, exactly as in a self-assessment. Reaching the report
    /// ends the turn: the answers join the workshop and the device is handed back.
    Turn(Action),
    /// Close the turn: dismiss "hand the device back", or abandon an unfinished turn.
    EndTurn,
    /// "I'm next" in the brainstorm: a private writing turn for `author`, a new anonymous id.
    StartWriting {
        author: String,
    },
    /// "I'm next" in the vote: a voting turn for `voter`, a new anonymous id.
    StartVoting {
        voter: String,
    },
    /// The person writing or voting is done; the screen asks for the device back.
    FinishTurn,
    /// A change to the norms: by the facilitator, or by the person whose turn it is.
    Norms(NormsAction),
    StartTimer {
        now_ms: u64,
    },
    PauseTimer {
        now_ms: u64,
    },
    ExtendTimer {
        by_ms: u64,
        now_ms: u64,
    },
    ResetTimer,
    /// Whether arriving at a phase starts its countdown.
    SetAutoTimer(bool),
    /// The room sees the current phase's next slide.
    ShowNext,
    /// The room sees the current phase's slide before.
    ShowPrevious,
}

/// Why a workshop change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkshopError {
    /// The name was empty or only spaces.
    #[error("{}", self.message(Locale::En))]
    EmptyName,
    /// The name was longer than [`NAME_MAX`] characters: too long for a heading, a file name
    /// or a join link.
    #[error("{}", self.message(Locale::En))]
    NameTooLong,
    /// The privacy threshold was outside 1 to 10.
    #[error("{}", self.message(Locale::En))]
    Threshold(u8),
    /// A lower privacy threshold once answers are in: participants answered under the one set.
    #[error("{}", self.message(Locale::En))]
    ThresholdLowered { set: u8, asked: u8 },
    /// Every phase was deselected.
    #[error("{}", self.message(Locale::En))]
    NoPhases,
    /// A respondent's answers do not fit the workshop's bank.
    #[error("{}", self.message(Locale::En))]
    Answers(Invalid),
    /// "I'm next" outside the individual assessment phase.
    #[error("{}", self.message(Locale::En))]
    NotAnswering,
    /// The date field was empty or not a real date.
    #[error("{}", self.message(Locale::En))]
    NoDate,
    /// The threshold field was not a whole number.
    #[error("{}", self.message(Locale::En))]
    ThresholdNotANumber,
    /// "I'm next" to write ideas outside the brainstorm phase.
    #[error("{}", self.message(Locale::En))]
    NotBrainstorming,
    /// "I'm next" to vote outside the vote phase.
    #[error("{}", self.message(Locale::En))]
    NotVoting,
    /// "Reveal the results" before anybody has answered: there is no report to show.
    #[error("{}", self.message(Locale::En))]
    NothingToReveal,
    /// Dimensions chosen for re-rating before the results were revealed: there is nothing to
    /// discuss yet.
    #[error("{}", self.message(Locale::En))]
    RerateBeforeReveal,
    /// No dimension was chosen for re-rating.
    #[error("{}", self.message(Locale::En))]
    NoRerated,
    /// A dimension already answered again was taken out of the re-rating; its answers would be
    /// lost. Holds its title.
    #[error("{}", self.message(Locale::En))]
    RerateAnswered(String),
    /// "I'm next" in the re-rate phase before any dimension is chosen.
    #[error("{}", self.message(Locale::En))]
    NotRerating,
    /// "Show how far we came" before anybody answered again.
    #[error("{}", self.message(Locale::En))]
    NothingToRevealAgain,
    /// A change to the norms was refused.
    #[error(transparent)]
    Norms(#[from] NormsError),
}

/// The longest workshop name, in characters.
pub const NAME_MAX: usize = 120;

/// A field of the workshop forms (create, and edit details), for tying a refusal to the field
/// to mend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Date,
    Threshold,
    Phases,
}

impl WorkshopError {
    /// The form field this refusal is about, if it is about one.
    #[must_use]
    pub fn field(&self) -> Option<Field> {
        match self {
            WorkshopError::EmptyName | WorkshopError::NameTooLong => Some(Field::Name),
            WorkshopError::NoDate => Some(Field::Date),
            WorkshopError::Threshold(_)
            | WorkshopError::ThresholdLowered { .. }
            | WorkshopError::ThresholdNotANumber => Some(Field::Threshold),
            WorkshopError::NoPhases => Some(Field::Phases),
            WorkshopError::Answers(_)
            | WorkshopError::NotAnswering
            | WorkshopError::NotBrainstorming
            | WorkshopError::NotVoting
            | WorkshopError::NothingToReveal
            | WorkshopError::RerateBeforeReveal
            | WorkshopError::NoRerated
            | WorkshopError::RerateAnswered(_)
            | WorkshopError::NotRerating
            | WorkshopError::NothingToRevealAgain
            | WorkshopError::Norms(_) => None,
        }
    }

    /// What went wrong, in `locale`.
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            WorkshopError::EmptyName => locale.text("error.workshop.empty-name").to_owned(),
            WorkshopError::NameTooLong => {
                locale.format("error.workshop.name-too-long", &[("max", &NAME_MAX)])
            }
            WorkshopError::Threshold(value) => {
                locale.format("error.workshop.threshold", &[("0", value)])
            }
            WorkshopError::ThresholdLowered { set, asked } => locale.format(
                "error.workshop.threshold-lowered",
                &[("set", set), ("asked", asked)],
            ),
            WorkshopError::NoPhases => locale.text("error.workshop.no-phases").to_owned(),
            WorkshopError::Answers(invalid) => {
                locale.format("error.workshop.answers", &[("0", &invalid.lines(locale))])
            }
            WorkshopError::NotAnswering => locale.text("error.workshop.not-answering").to_owned(),
            WorkshopError::NoDate => locale.text("error.workshop.no-date").to_owned(),
            WorkshopError::ThresholdNotANumber => locale
                .text("error.workshop.threshold-not-a-number")
                .to_owned(),
            WorkshopError::NotBrainstorming => {
                locale.text("error.workshop.not-brainstorming").to_owned()
            }
            WorkshopError::NotVoting => locale.text("error.workshop.not-voting").to_owned(),
            WorkshopError::NothingToReveal => {
                locale.text("error.workshop.nothing-to-reveal").to_owned()
            }
            WorkshopError::RerateBeforeReveal => locale
                .text("error.workshop.rerate-before-reveal")
                .to_owned(),
            WorkshopError::NoRerated => locale.text("error.workshop.no-rerated").to_owned(),
            WorkshopError::RerateAnswered(title) => {
                locale.format("error.workshop.rerate-answered", &[("dimension", title)])
            }
            WorkshopError::NotRerating => locale.text("error.workshop.not-rerating").to_owned(),
            WorkshopError::NothingToRevealAgain => locale
                .text("error.workshop.nothing-to-reveal-again")
                .to_owned(),
            WorkshopError::Norms(inner) => inner.message(locale),
        }
    }
}

/// Reads the date and threshold fields of a workshop form, as typed.
///
/// # Errors
/// [`WorkshopError::NoDate`] or [`WorkshopError::ThresholdNotANumber`]; the range of the
/// threshold is checked when it is applied.
pub fn read_date_and_threshold(
    date: &str,
    threshold: &str,
) -> Result<(NaiveDate, u8), WorkshopError> {
    let date = parse_date(date).ok_or(WorkshopError::NoDate)?;
    let threshold = threshold
        .trim()
        .parse()
        .map_err(|_| WorkshopError::ThresholdNotANumber)?;
    Ok((date, threshold))
}

/// What a facilitator fills in to create a workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    pub name: String,
    pub date: NaiveDate,
    pub threshold: u8,
    pub phases: Vec<Phase>,
}

impl Workshop {
    /// A workshop from the facilitator's setup, validated like every later change.
    ///
    /// # Errors
    /// [`WorkshopError`] for an empty name, a threshold outside 1–10 or no phases.
    pub fn create(
        id: impl Into<String>,
        setup: Setup,
        bank: Bank,
    ) -> Result<Workshop, WorkshopError> {
        let mut workshop = Workshop::new(id, "", setup.date, bank);
        if let Some(named) = workshop.apply(WorkshopAction::Rename(setup.name))? {
            workshop = named;
        }
        for action in [
            WorkshopAction::SetThreshold(setup.threshold),
            WorkshopAction::SetPhases(setup.phases),
        ] {
            if let Some(changed) = workshop.apply(action)? {
                workshop = changed;
            }
        }
        Ok(workshop)
    }

    /// A new workshop with every phase, the default threshold and nobody's answers yet.
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        date: NaiveDate,
        bank: Bank,
    ) -> Self {
        Workshop {
            id: id.into(),
            name: name.into(),
            date,
            threshold: DEFAULT_THRESHOLD,
            bank: Rc::new(bank),
            phases: Phase::USUAL.to_vec(),
            current: 0,
            respondents: Rc::default(),
            revealed: false,
            timer: Timer::for_phase(Phase::ALL[0]),
            turn: None,
            holder: None,
            others: Vec::new(),
            rerate: None,
            second_revealed: false,
            norms: Norms::default(),
            shown: 0,
            auto_timer: true,
            began_ms: None,
        }
    }

    /// The phase the workshop is in.
    #[must_use]
    pub fn phase(&self) -> Phase {
        self.phases
            .get(self.current)
            .copied()
            .unwrap_or(Phase::Welcome)
    }

    #[must_use]
    pub fn counts(&self) -> RoleCounts {
        RoleCounts::of(&self.respondents)
    }

    /// Whether any answer is in: a respondent added, or a turn in progress with an answer. From
    /// then on the privacy threshold may be raised but not lowered.
    #[must_use]
    pub fn has_answers(&self) -> bool {
        !self.respondents.is_empty()
            || matches!(&self.turn, Some(Turn::Answering(journey))
                if journey.respondent.as_ref().is_some_and(|r| !r.answers.is_empty()))
    }

    /// Whether `tab` may act in the open turn: it holds it, or the turn has no holder. `false`
    /// when no turn is open.
    #[must_use]
    pub fn turn_is_held_by(&self, tab: &str) -> bool {
        self.turn.is_some() && self.holder.as_ref().is_none_or(|holder| holder.tab == tab)
    }

    /// Whether a turn is open in another tab or window than `tab`.
    #[must_use]
    pub fn turn_is_elsewhere(&self, tab: &str) -> bool {
        self.turn.is_some() && !self.turn_is_held_by(tab)
    }

    /// The workshop made safe to show and change, whatever was stored or sent: a threshold of
    /// 1 to 10, at least one phase, the current one among them, and an open turn fitted to the bank (a step past its
    /// end becomes the last step). A turn whose participant was already handed back is closed:
    /// a finished turn never reopens.
    pub fn fit(&mut self, tab: &str) {
        // A threshold outside 1–10 can only have been written by hand; the nearest one allowed.
        self.threshold = self.threshold.clamp(*THRESHOLDS.start(), *THRESHOLDS.end());
        if self.phases.is_empty() {
            self.phases = Phase::USUAL.to_vec();
        }
        if self.current >= self.phases.len() {
            self.current = self.phases.len() - 1;
        }
        // Nothing to reveal without answers (a hand edit, or a file from elsewhere).
        if self.respondents.is_empty() {
            self.revealed = false;
        }
        // A step past the phase's last slide (another tab stepped a longer reveal, or a hand
        // edit) shows the last.
        self.shown = self.shown.min(self.slides().len().saturating_sub(1));
        // A finished turn never reopens, here or as another tab's.
        let handed_back = |turn: &Turn| match turn {
            Turn::Answering(journey) => journey
                .respondent
                .as_ref()
                .is_some_and(|respondent| self.respondents.iter().any(|r| r.id == respondent.id)),
            Turn::Rerating(journey) => journey.respondent.as_ref().is_some_and(|respondent| {
                self.rerate
                    .as_ref()
                    .is_some_and(|rerate| rerate.respondents.iter().any(|r| r.id == respondent.id))
            }),
            _ => false,
        };
        // A second-round turn without a second round (a hand edit) cannot go on.
        let stranded = |turn: &Turn| matches!(turn, Turn::Rerating(_)) && self.rerate.is_none();
        if self
            .turn
            .as_ref()
            .is_some_and(|turn| handed_back(turn) || stranded(turn))
        {
            self.turn = None;
        }
        let others: Vec<HeldTurn> = std::mem::take(&mut self.others)
            .into_iter()
            .filter(|held| !handed_back(&held.turn) && !stranded(&held.turn))
            .collect();
        self.others = others;
        if self.turn.is_none() {
            self.holder = None;
        }
        // This tab's own turn is the one it shows; without one, another tab's is shown as open
        // elsewhere.
        let shown_is_mine = self.turn.is_some() && self.turn_is_held_by(tab);
        if !shown_is_mine
            && let Some(index) = self.others.iter().position(|held| held.holder.tab == tab)
        {
            let mine = self.others.remove(index);
            if let (Some(turn), Some(holder)) = (self.turn.take(), self.holder.take()) {
                self.others.insert(0, HeldTurn { holder, turn });
            }
            self.turn = Some(mine.turn);
            self.holder = Some(mine.holder);
        }
        in_holder_order(&mut self.others);
        if self.turn.is_none() && !self.others.is_empty() {
            let shown = self.others.remove(0);
            self.turn = Some(shown.turn);
            self.holder = Some(shown.holder);
        }
        let again = self.rerate_bank();
        let fitted = |turn: &mut Turn| match turn {
            Turn::Answering(journey) if !journey.fits(&self.bank) => {
                *journey = journey.clone().fitted_to(&self.bank);
            }
            Turn::Rerating(journey) if !journey.fits(&again) => {
                *journey = journey.clone().fitted_to(&again);
            }
            _ => {}
        };
        if let Some(turn) = &mut self.turn {
            fitted(turn);
        }
        for held in &mut self.others {
            fitted(&mut held.turn);
        }
    }

    /// Every open turn of this workshop with its holder: the one shown and the others. A turn
    /// from before turns had holders is held by nobody (an empty tab).
    #[must_use]
    pub fn open_turns(&self) -> Vec<HeldTurn> {
        let shown = self.turn.clone().map(|turn| HeldTurn {
            holder: self.holder.clone().unwrap_or(Holder {
                tab: String::new(),
                turn: String::new(),
            }),
            turn,
        });
        shown
            .into_iter()
            .chain(self.others.iter().cloned())
            .collect()
    }

    /// What adding `respondent` (a participant's response) would do; adding it is
    /// [`WorkshopAction::AddRespondent`], which replaces an earlier response with the same id.
    #[must_use]
    pub fn arrival(&self, respondent: &Respondent) -> Arrival {
        Arrival::of(
            respondent,
            self.respondents.iter().find(|r| r.id == respondent.id),
        )
    }

    /// The friction report under the workshop's privacy threshold.
    #[must_use]
    pub fn report(&self) -> crate::scoring::Report {
        crate::scoring::score_within(&self.bank, &self.respondents, self.threshold)
    }

    /// The workshop as a workshop document, for scoring and export.
    #[must_use]
    pub fn document(&self) -> WorkshopDocument {
        let mut document = WorkshopDocument::new(
            Bank::clone(&self.bank),
            self.threshold,
            self.respondents.to_vec(),
        );
        document.norms = self.norms.clone();
        document.rerate = self.rerate.as_deref().cloned();
        document.workshop = Some(WorkshopInfo {
            id: self.id.clone(),
            name: self.name.clone(),
            date: self.date,
            phases: self.phases.clone(),
        });
        document
    }

    /// A workshop from an imported document. A document without workshop details (a
    /// self-assessment, or a file from another tool) becomes a workshop with the given id, name
    /// and date and every phase.
    #[must_use]
    pub fn from_document(
        document: WorkshopDocument,
        id: &str,
        name: &str,
        date: NaiveDate,
    ) -> Workshop {
        let info = document.workshop.unwrap_or_else(|| WorkshopInfo {
            id: id.to_owned(),
            name: name.to_owned(),
            date,
            phases: Phase::USUAL.to_vec(),
        });
        let first = info.phases.first().copied().unwrap_or(Phase::Welcome);
        Workshop {
            id: info.id,
            name: info.name,
            date: info.date,
            threshold: document.threshold,
            bank: Rc::new(document.bank),
            phases: info.phases,
            current: 0,
            respondents: Rc::new(document.respondents),
            revealed: false,
            timer: Timer::for_phase(first),
            turn: None,
            holder: None,
            others: Vec::new(),
            // A second round that came in a file was answered before: shown with the first.
            second_revealed: document.rerate.is_some(),
            rerate: document.rerate.map(Rc::new),
            norms: document.norms,
            shown: 0,
            auto_timer: true,
            began_ms: None,
        }
    }

    /// The workshop after `action`; `Ok(None)` when nothing changes.
    ///
    /// # Errors
    /// [`WorkshopError`] when the action would make the workshop invalid; nothing changes then.
    pub fn apply(&self, action: WorkshopAction) -> Result<Option<Workshop>, WorkshopError> {
        let mut next = self.clone();
        match action {
            WorkshopAction::Rename(name) => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(WorkshopError::EmptyName);
                }
                if name.chars().count() > NAME_MAX {
                    return Err(WorkshopError::NameTooLong);
                }
                name.clone_into(&mut next.name);
            }
            WorkshopAction::EditDetails {
                name,
                date,
                threshold,
            } => {
                for action in [
                    WorkshopAction::Rename(name),
                    WorkshopAction::SetDate(date),
                    WorkshopAction::SetThreshold(threshold),
                ] {
                    if let Some(changed) = next.apply(action)? {
                        next = changed;
                    }
                }
            }
            WorkshopAction::SetDate(date) => next.date = date,
            WorkshopAction::SetThreshold(threshold) => {
                if !THRESHOLDS.contains(&threshold) {
                    return Err(WorkshopError::Threshold(threshold));
                }
                if threshold < self.threshold && self.has_answers() {
                    return Err(WorkshopError::ThresholdLowered {
                        set: self.threshold,
                        asked: threshold,
                    });
                }
                next.threshold = threshold;
            }
            WorkshopAction::SetPhases(chosen) => next.choose_phases(&chosen)?,
            WorkshopAction::GoToPhase { index, now_ms } => next.arrive(Some(index), now_ms),
            WorkshopAction::NextPhase { now_ms } => {
                next.arrive(self.current.checked_add(1), now_ms);
            }
            WorkshopAction::PreviousPhase { now_ms } => {
                next.arrive(self.current.checked_sub(1), now_ms);
            }
            WorkshopAction::AddRespondent(respondent) => next.add(respondent)?,
            WorkshopAction::Receive(text) => next = self.receive(&text).0,
            WorkshopAction::Reveal if self.respondents.is_empty() => {
                return Err(WorkshopError::NothingToReveal);
            }
            WorkshopAction::Reveal => next.revealed = true,
            WorkshopAction::ChooseRerated(chosen) => next.choose_rerated(&chosen)?,
            WorkshopAction::ReceiveAgain(text) => next = self.receive_again(&text).0,
            WorkshopAction::RevealAgain => next.reveal_again()?,
            WorkshopAction::StartTurn if self.phase() == Phase::Rerate => next.open_again_turn()?,
            WorkshopAction::StartTurn => next.open_turn(Turn::Answering(Journey::default()))?,
            WorkshopAction::Turn(action) => next.answer_in_turn(action)?,
            WorkshopAction::EndTurn => next.turn = None,
            WorkshopAction::StartWriting { author } => next.open_turn(Turn::Writing { author })?,
            WorkshopAction::StartVoting { voter } => next.open_turn(Turn::Voting { voter })?,
            WorkshopAction::FinishTurn => match self.turn {
                Some(Turn::Writing { .. } | Turn::Voting { .. }) => {
                    next.turn = Some(Turn::Finished);
                }
                _ => return Ok(None),
            },
            WorkshopAction::Norms(action) => match self.norms.apply(&self.bank, action)? {
                Some(norms) => next.norms = norms,
                None => return Ok(None),
            },
            WorkshopAction::StartTimer { now_ms } => {
                next.timer = self.timer.started(now_ms);
                next.began_ms.get_or_insert(now_ms);
            }
            WorkshopAction::PauseTimer { now_ms } => next.timer = self.timer.paused(now_ms),
            WorkshopAction::ExtendTimer { by_ms, now_ms } => {
                next.timer = self.timer.extended(by_ms, now_ms);
            }
            WorkshopAction::ResetTimer => next.timer = Timer::for_phase(self.phase()),
            WorkshopAction::SetAutoTimer(on) => next.auto_timer = on,
            WorkshopAction::ShowNext => {
                if self.shown + 1 >= self.slides().len() {
                    return Ok(None);
                }
                next.shown += 1;
            }
            WorkshopAction::ShowPrevious => next.shown = self.shown.saturating_sub(1),
        }
        if next.turn.is_none() {
            next.holder = None;
        }
        Ok((next != *self).then_some(next))
    }

    /// Opens a turn on this device, in the phase it belongs to; a turn already in progress
    /// stays.
    fn open_turn(&mut self, turn: Turn) -> Result<(), WorkshopError> {
        match (&turn, self.phase()) {
            (Turn::Answering(_), Phase::Assessment)
            | (Turn::Rerating(_), Phase::Rerate)
            | (Turn::Writing { .. }, Phase::Brainstorm)
            | (Turn::Finished, _) => {}
            (Turn::Voting { .. }, Phase::Vote) => {
                if !self.norms.revealed {
                    return Err(NormsError::NotRevealed.into());
                }
                if self.norms.voting_closed {
                    return Err(NormsError::VotingClosed.into());
                }
            }
            (Turn::Answering(_), _) => return Err(WorkshopError::NotAnswering),
            (Turn::Rerating(_), _) => return Err(WorkshopError::NotRerating),
            (Turn::Writing { .. }, _) => return Err(WorkshopError::NotBrainstorming),
            (Turn::Voting { .. }, _) => return Err(WorkshopError::NotVoting),
        }
        if matches!(self.turn, None | Some(Turn::Finished)) {
            self.turn = Some(turn);
        }
        Ok(())
    }

    /// The participant on the device acts; reaching the report adds their answers and ends the
    /// turn.
    fn answer_in_turn(&mut self, action: Action) -> Result<(), WorkshopError> {
        if let Some(Turn::Rerating(journey)) = &self.turn {
            return self.rerate_in_turn(journey.clone(), action);
        }
        let Some(Turn::Answering(journey)) = &self.turn else {
            return Ok(());
        };
        let Some(answered) = journey.apply(&self.bank, action) else {
            return Ok(());
        };
        match (answered.screen, answered.respondent.clone()) {
            (Screen::Report, Some(respondent)) => {
                self.add(respondent)?;
                self.turn = Some(Turn::Finished);
            }
            _ => self.turn = Some(Turn::Answering(answered)),
        }
        Ok(())
    }

    /// The participant on the device answers again; reaching the end adds their second-round
    /// answers and ends the turn. A second round takes no estimates.
    fn rerate_in_turn(&mut self, journey: Journey, action: Action) -> Result<(), WorkshopError> {
        if matches!(action, Action::Estimate { .. }) {
            return Ok(());
        }
        let Some(answered) = journey.apply(&self.rerate_bank(), action) else {
            return Ok(());
        };
        match (answered.screen, answered.respondent.clone()) {
            (Screen::Report, Some(respondent)) => {
                self.add_rerater(Rerater::from(respondent))?;
                self.turn = Some(Turn::Finished);
            }
            _ => self.turn = Some(Turn::Rerating(answered)),
        }
        Ok(())
    }

    fn reveal_again(&mut self) -> Result<(), WorkshopError> {
        if self
            .rerate
            .as_ref()
            .is_none_or(|rerate| rerate.respondents.is_empty())
        {
            return Err(WorkshopError::NothingToRevealAgain);
        }
        self.second_revealed = true;
        Ok(())
    }

    /// "I'm next" in the re-rate phase: a turn that answers the re-rated dimensions again.
    fn open_again_turn(&mut self) -> Result<(), WorkshopError> {
        if !self.revealed {
            return Err(WorkshopError::RerateBeforeReveal);
        }
        if self.rerate.is_none() {
            return Err(WorkshopError::NotRerating);
        }
        self.open_turn(Turn::Rerating(Journey::default()))
    }

    /// The bank of what the second round answers: the re-rated dimensions, in bank order;
    /// empty while none is chosen.
    #[must_use]
    pub fn rerate_bank(&self) -> Bank {
        self.bank.only(
            self.rerate
                .as_ref()
                .map_or(&[][..], |rerate| rerate.dimensions.as_slice()),
        )
    }

    /// The dimensions to offer for re-rating when none is chosen yet: the hotspots of `report`
    /// (this workshop's [`Workshop::report`]), or the dimension to keep watching when there is
    /// none.
    #[must_use]
    pub fn rerate_suggested(&self, report: &crate::scoring::Report) -> Vec<String> {
        let mut suggested = report.hotspots.clone();
        if suggested.is_empty() {
            suggested = report.starting_points();
        }
        suggested
            .into_iter()
            .filter_map(|d| {
                self.bank
                    .dimensions
                    .get(d)
                    .map(|dimension| dimension.id.clone())
            })
            .collect()
    }

    /// The re-rated dimensions become `chosen`, in bank order; one answered again already
    /// stays, so no answer is lost.
    fn choose_rerated(&mut self, chosen: &[String]) -> Result<(), WorkshopError> {
        if !self.revealed {
            return Err(WorkshopError::RerateBeforeReveal);
        }
        let dimensions: Vec<String> = self
            .bank
            .dimensions
            .iter()
            .filter(|dimension| chosen.contains(&dimension.id))
            .map(|dimension| dimension.id.clone())
            .collect();
        if dimensions.is_empty() {
            return Err(WorkshopError::NoRerated);
        }
        if let Some(kept) = self
            .answered_again()
            .into_iter()
            .find(|answered| !dimensions.contains(answered))
        {
            return Err(WorkshopError::RerateAnswered(
                self.bank.dimension_title(&kept).to_owned(),
            ));
        }
        let mut rerate = self.rerate.as_deref().cloned().unwrap_or_default();
        rerate.dimensions = dimensions;
        self.rerate = Some(Rc::new(rerate));
        Ok(())
    }

    /// The re-rated dimensions somebody has answered again: they stay in the round, so that no
    /// answer is dropped.
    #[must_use]
    pub fn answered_again(&self) -> Vec<String> {
        let Some(rerate) = self.rerate.as_deref() else {
            return Vec::new();
        };
        rerate
            .dimensions
            .iter()
            .filter(|id| {
                self.bank.dimension_index(id).is_some_and(|d| {
                    self.bank.dimensions[d].items.iter().any(|item| {
                        rerate
                            .respondents
                            .iter()
                            .any(|rerater| rerater.answers.contains_key(&item.id))
                    })
                })
            })
            .cloned()
            .collect()
    }

    /// What adding `rerater` (a second-round response) would do, by the rule of
    /// [`Workshop::arrival`].
    #[must_use]
    pub fn arrival_again(&self, rerater: &Rerater) -> Arrival {
        let earlier = self
            .rerate
            .as_ref()
            .and_then(|rerate| rerate.respondents.iter().find(|r| r.id == rerater.id))
            .map(Rerater::as_respondent);
        Arrival::of(&rerater.as_respondent(), earlier.as_ref())
    }

    /// Adds a second-round respondent, replacing one with the same id, after checking that
    /// every answer belongs to a re-rated dimension and fits the bank.
    ///
    /// # Errors
    /// [`WorkshopError::NotRerating`] when no dimension is re-rated; [`WorkshopError::Answers`]
    /// for answers the second round cannot take.
    pub(crate) fn add_rerater(&mut self, rerater: Rerater) -> Result<(), WorkshopError> {
        let Some(rerate) = self.rerate.as_mut() else {
            return Err(WorkshopError::NotRerating);
        };
        let mut document = WorkshopDocument::new(Bank::clone(&self.bank), self.threshold, vec![]);
        let mut checked = Rerate::clone(rerate);
        checked.respondents = vec![rerater.clone()];
        document.rerate = Some(checked);
        document.check().map_err(WorkshopError::Answers)?;
        let respondents = &mut Rc::make_mut(rerate).respondents;
        match respondents.iter_mut().find(|r| r.id == rerater.id) {
            Some(existing) => *existing = rerater,
            None => respondents.push(rerater),
        }
        Ok(())
    }

    /// Whether the room may see the second round's figures: the first round is revealed, and
    /// the facilitator showed the second.
    #[must_use]
    pub fn second_round_shown(&self) -> bool {
        self.revealed && self.second_revealed && self.rerate.is_some()
    }

    /// How many answered the second round, by function.
    #[must_use]
    pub fn counts_again(&self) -> RoleCounts {
        RoleCounts::of(
            &self
                .rerate
                .as_ref()
                .map(|rerate| rerate.respondents())
                .unwrap_or_default(),
        )
    }

    /// Adds a respondent, replacing one with the same id, after checking the answers fit.
    fn add(&mut self, respondent: Respondent) -> Result<(), WorkshopError> {
        WorkshopDocument::new(
            Bank::clone(&self.bank),
            self.threshold,
            vec![respondent.clone()],
        )
        .check()
        .map_err(WorkshopError::Answers)?;
        let respondents = Rc::make_mut(&mut self.respondents);
        match respondents.iter_mut().find(|r| r.id == respondent.id) {
            Some(existing) => *existing = respondent,
            None => respondents.push(respondent),
        }
        Ok(())
    }

    fn go_to(&mut self, index: usize) {
        self.current = index;
        self.timer = Timer::for_phase(self.phase());
        self.shown = 0;
    }

    /// Arrives at the phase at `index` at `now_ms`: the time used starts counting, and the
    /// phase's countdown starts when the facilitator has it so. Nothing changes for the phase
    /// under way or an index past the agenda.
    fn arrive(&mut self, index: Option<usize>, now_ms: u64) {
        let Some(index) = index.filter(|&i| i < self.phases.len() && i != self.current) else {
            return;
        };
        self.go_to(index);
        self.began_ms.get_or_insert(now_ms);
        if self.auto_timer {
            self.timer = self.timer.started(now_ms);
        }
    }

    /// The agenda with the `chosen` phases, in agenda order. The phase under way stays, with
    /// its countdown and slide, when it is still chosen; otherwise the first starts afresh.
    fn choose_phases(&mut self, chosen: &[Phase]) -> Result<(), WorkshopError> {
        let phases: Vec<Phase> = Phase::ALL
            .into_iter()
            .filter(|phase| chosen.contains(phase))
            .collect();
        if phases.is_empty() {
            return Err(WorkshopError::NoPhases);
        }
        let under_way = phases.iter().position(|&phase| phase == self.phase());
        self.phases = phases;
        match under_way {
            Some(current) => self.current = current,
            None => self.go_to(0),
        }
        Ok(())
    }

    /// The minutes the agenda plans, all phases together.
    #[must_use]
    pub fn planned_minutes(&self) -> u32 {
        self.phases.iter().map(|phase| phase.minutes()).sum()
    }

    /// The time used so far at `now_ms`: since the workshop left its first phase or first
    /// started a countdown; `None` before.
    #[must_use]
    pub fn used_ms(&self, now_ms: u64) -> Option<u64> {
        self.began_ms.map(|began| now_ms.saturating_sub(began))
    }

    /// The current phase's slides for the room, in the order the facilitator steps through them.
    #[must_use]
    pub fn slides(&self) -> Vec<Slide> {
        match self.phase() {
            Phase::Welcome => vec![Slide::Welcome],
            Phase::Assessment => vec![Slide::Join],
            Phase::Reveal if self.revealed => {
                let report = self.report();
                let mut slides = vec![Slide::Indices];
                let leading = report.leading_hotspots();
                if leading.is_empty() {
                    slides.push(Slide::NoHotspots);
                }
                slides.extend(leading.iter().map(|&d| Slide::Hotspot(d)));
                slides.push(Slide::Dimensions);
                slides
            }
            Phase::Reveal => vec![Slide::Waiting],
            Phase::Rerate if self.second_round_shown() => {
                vec![Slide::JoinAgain, Slide::AfterDiscussion]
            }
            Phase::Rerate => vec![Slide::JoinAgain],
            Phase::Brainstorm => vec![Slide::Ideas],
            Phase::Vote => vec![Slide::Votes],
            Phase::Rank => vec![Slide::Ranking],
            Phase::Agree => vec![Slide::Agreement],
            Phase::Summary if self.second_round_shown() => {
                vec![Slide::AfterDiscussion, Slide::Summary]
            }
            Phase::Summary => vec![Slide::Summary],
        }
    }

    /// The slide the room sees now.
    #[must_use]
    pub fn slide(&self) -> Slide {
        let slides = self.slides();
        slides
            .get(self.shown)
            .or(slides.last())
            .copied()
            .unwrap_or(Slide::Welcome)
    }

    /// What a copy of this workshop is called in `locale`: "Kickoff (copy)", shortened to stay
    /// within [`NAME_MAX`] characters.
    #[must_use]
    pub fn copy_name(&self, locale: Locale) -> String {
        self.named("workshop.copy-name", locale)
    }

    /// The name as catalogue text `key` ("{name} (copy)") writes it, shortened to stay within
    /// [`NAME_MAX`] characters.
    pub(crate) fn named(&self, key: &'static str, locale: Locale) -> String {
        let named = |name: &str| locale.format(key, &[("name", &name)]);
        let whole = named(&self.name);
        if whole.chars().count() <= NAME_MAX {
            return whole;
        }
        let room = NAME_MAX.saturating_sub(named("\u{2026}").chars().count());
        let kept: String = self.name.chars().take(room).collect();
        named(&format!("{}\u{2026}", kept.trim_end()))
    }

    /// A copy under a new id and name, with the same setup, answers and norms, back at the start.
    #[must_use]
    pub fn duplicate(&self, id: impl Into<String>, name: impl Into<String>) -> Workshop {
        let mut copy = self.clone();
        copy.id = id.into();
        copy.name = name.into();
        copy.go_to(0);
        copy.revealed = false;
        copy.second_revealed = false;
        copy.turn = None;
        copy.holder = None;
        copy.others.clear();
        copy
    }

    /// Adds the respondents of another copy of this workshop. Respondents are matched by id; for
    /// the same id the incoming answers win, since they are the later word. Merging the same
    /// respondents twice changes nothing.
    #[must_use]
    pub fn merged_with(&self, incoming: &[Respondent]) -> Workshop {
        let mut merged = self.clone();
        let respondents = Rc::make_mut(&mut merged.respondents);
        crate::merge::by_id(
            respondents,
            incoming,
            |r| &r.id,
            crate::merge::Wins::Incoming,
        );
        merged
    }

    /// Adds another copy's second round: its dimensions and its reraters, matched by id as
    /// [`Workshop::merged_with`] matches respondents.
    #[must_use]
    pub fn merged_with_second(&self, incoming: Option<&Rerate>) -> Workshop {
        let mut merged = self.clone();
        let (rerate, _) = Rerate::merged(
            self.rerate.as_deref(),
            incoming,
            crate::merge::Wins::Incoming,
        );
        merged.rerate = rerate.map(Rc::new);
        merged
    }

    /// The second round beside the first, when some dimensions were re-rated.
    #[must_use]
    pub fn convergence(&self) -> Option<Convergence> {
        let rerate = self.rerate.as_deref()?;
        Some(crate::convergence::convergence(
            &self.bank,
            &self.report(),
            rerate,
            self.threshold,
        ))
    }
}

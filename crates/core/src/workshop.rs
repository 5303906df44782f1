//! Facilitated workshops as data and pure transitions: the agenda of phases, the countdown timer,
//! answers collected one person at a time and kept hidden until the reveal. Time is passed in
//! (`now_ms`) because the core has no clock; ids come in because it has no randomness.
//! Knows nothing of screens or storage.

use std::rc::Rc;

use crate::i18n::Locale;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assessment::{Action, Journey, Screen};
use crate::bank::Bank;
use crate::document::{DEFAULT_THRESHOLD, THRESHOLDS, WorkshopDocument, WorkshopInfo};
use crate::norms::{Norms, NormsAction, NormsError};
use crate::respondent::Respondent;
use crate::scoring::RoleCounts;

/// A date as `2026-11-24`, as date inputs and the workshop document write it.
#[must_use]
pub fn iso_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// The last date a four-digit year can write, and so the last one [`parse_date`] reads.
pub const LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a real date");

/// A `2026-11-24` date, or `None` when the text is empty or not a real date. The year has four
/// digits, as a date field gives and every workshop has: "99999-01-01" is a typo, not a date to
/// plan a review by. Forms and imported files are read with this.
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    parse_date_with(text, 4..=4)
}

/// Whether `date` can be entered or imported: its year has four digits.
#[must_use]
pub fn is_writable(date: NaiveDate) -> bool {
    date <= LAST_DATE && parse_date(&iso_date(date)) == Some(date)
}

fn parse_date_with(text: &str, year_digits: std::ops::RangeInclusive<usize>) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let digits = |part: &str, lengths: &std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(year, &year_digits) && digits(month, &(1..=2)) && digits(day, &(1..=2))) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// Dates in stored and exported JSON, as `2026-11-24`, through [`iso_date`] and [`parse_date`]
/// rather than chrono's general-purpose parser, which would add to the app's download.
pub(crate) mod iso {
    use chrono::NaiveDate;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's `with` passes the field by reference.
    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::iso_date(*date))
    }

    /// Reads what any version wrote, a longer year included, so one odd date never makes a
    /// whole stored value unreadable; what a person enters or imports is checked with
    /// [`super::parse_date`] and [`super::is_writable`].
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse_date_with(&text, 1..=6)
            .ok_or_else(|| D::Error::custom(format!("{text:?} is not a date like \"2026-11-24\"")))
    }
}

/// One part of the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// Why we are here and the ground rules.
    Welcome,
    /// Everyone answers on their own, unseen by the others.
    Assessment,
    /// The group sees the friction report together.
    Reveal,
    /// Everyone writes norm ideas for the hotspots on their own, then they are revealed.
    Brainstorm,
    /// Duplicates are merged and everyone places their dots.
    Vote,
    /// The ranked list, and "why does this matter?" for the top norms.
    Rank,
    /// The working agreement: owners, review dates and status.
    Agree,
    /// What we learned and what happens next.
    Summary,
}

impl Phase {
    /// Every phase, in agenda order.
    pub const ALL: [Phase; 8] = [
        Phase::Welcome,
        Phase::Assessment,
        Phase::Reveal,
        Phase::Brainstorm,
        Phase::Vote,
        Phase::Rank,
        Phase::Agree,
        Phase::Summary,
    ];

    /// The phase's name in `locale`.
    #[must_use]
    pub fn title(self, locale: Locale) -> &'static str {
        locale.text(match self {
            Phase::Welcome => "phase.welcome",
            Phase::Assessment => "phase.assessment",
            Phase::Reveal => "phase.reveal",
            Phase::Brainstorm => "phase.brainstorm",
            Phase::Vote => "phase.vote",
            Phase::Rank => "phase.rank",
            Phase::Agree => "phase.agree",
            Phase::Summary => "phase.summary",
        })
    }

    /// The time the phase usually needs.
    #[must_use]
    pub fn minutes(self) -> u32 {
        match self {
            Phase::Welcome | Phase::Vote | Phase::Summary => 10,
            Phase::Assessment | Phase::Brainstorm | Phase::Rank | Phase::Agree => 15,
            Phase::Reveal => 20,
        }
    }

    /// What the facilitator says and does in this phase, in `locale`.
    #[must_use]
    pub fn script(self, locale: Locale) -> Vec<&'static str> {
        let keys: &[&'static str] = match self {
            Phase::Welcome => &["script.welcome.1", "script.welcome.2", "script.welcome.3"],
            Phase::Assessment => &["script.assessment.1", "script.assessment.2"],
            Phase::Reveal => &["script.reveal.1", "script.reveal.2", "script.reveal.3"],
            Phase::Brainstorm => &[
                "script.brainstorm.1",
                "script.brainstorm.2",
                "script.brainstorm.3",
            ],
            Phase::Vote => &["script.vote.1", "script.vote.2", "script.vote.3"],
            Phase::Rank => &["script.rank.1", "script.rank.2"],
            Phase::Agree => &["script.agree.1", "script.agree.2"],
            Phase::Summary => &["script.summary.1", "script.summary.2"],
        };
        keys.iter().map(|key| locale.text(key)).collect()
    }
}

/// A countdown for the current phase. Time is counted in milliseconds since any fixed origin the
/// caller chooses, such as the page's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum Timer {
    /// Not running; this much is left.
    Paused { remaining_ms: u64 },
    /// Running; it reaches zero at this moment.
    Running { ends_at_ms: u64 },
}

impl Timer {
    #[must_use]
    pub fn for_phase(phase: Phase) -> Timer {
        Timer::Paused {
            remaining_ms: u64::from(phase.minutes()) * 60_000,
        }
    }

    #[must_use]
    pub fn remaining_ms(self, now_ms: u64) -> u64 {
        match self {
            Timer::Paused { remaining_ms } => remaining_ms,
            Timer::Running { ends_at_ms } => ends_at_ms.saturating_sub(now_ms),
        }
    }

    #[must_use]
    pub fn is_running(self) -> bool {
        matches!(self, Timer::Running { .. })
    }

    /// Whether the countdown has reached zero.
    #[must_use]
    pub fn is_over(self, now_ms: u64) -> bool {
        self.remaining_ms(now_ms) == 0
    }

    /// How long a running countdown has been past zero: the overrun the room is told ("+1:20").
    /// Zero while time is left, and for a paused timer, which does not count.
    #[must_use]
    pub fn overrun_ms(self, now_ms: u64) -> u64 {
        match self {
            Timer::Paused { .. } => 0,
            Timer::Running { ends_at_ms } => now_ms.saturating_sub(ends_at_ms),
        }
    }

    /// Running from `now_ms` with what was left; a running timer is unchanged.
    #[must_use]
    pub fn started(self, now_ms: u64) -> Timer {
        match self {
            Timer::Paused { remaining_ms } => Timer::Running {
                ends_at_ms: now_ms + remaining_ms,
            },
            running @ Timer::Running { .. } => running,
        }
    }

    #[must_use]
    pub fn paused(self, now_ms: u64) -> Timer {
        Timer::Paused {
            remaining_ms: self.remaining_ms(now_ms),
        }
    }

    /// With `by_ms` more. A running timer that already ran out counts again from now.
    #[must_use]
    pub fn extended(self, by_ms: u64, now_ms: u64) -> Timer {
        match self {
            Timer::Paused { remaining_ms } => Timer::Paused {
                remaining_ms: remaining_ms + by_ms,
            },
            Timer::Running { ends_at_ms } => Timer::Running {
                ends_at_ms: ends_at_ms.max(now_ms) + by_ms,
            },
        }
    }
}

/// A participant's turn on the facilitator's device (pass the device).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Turn {
    /// Someone is answering. Their journey is theirs alone: nobody else's answers or results are
    /// shown while it runs.
    Answering(Journey),
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

/// A facilitated workshop and everything collected in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workshop {
    pub id: String,
    pub name: String,
    #[serde(with = "iso")]
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

/// One screen of the presenter view: what the room sees. Each phase has one, and the revealed
/// results come in steps, so the room takes in one thing at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// Why we are here and the ground rules.
    Welcome,
    /// The join link and its QR code, with how many have answered.
    Join,
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
    Reveal,
    /// "I'm next": open a turn for the next participant (assessment phase only).
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkshopError {
    /// The name was empty or only spaces.
    EmptyName,
    /// The name was longer than [`NAME_MAX`] characters: too long for a heading, a file name
    /// or a join link.
    NameTooLong,
    /// The privacy threshold was outside 1 to 10.
    Threshold(u8),
    /// A lower privacy threshold once answers are in: participants answered under the one set.
    ThresholdLowered { set: u8, asked: u8 },
    /// Every phase was deselected.
    NoPhases,
    /// A respondent's answers do not fit the workshop's bank.
    Answers(String),
    /// "I'm next" outside the individual assessment phase.
    NotAnswering,
    /// The date field was empty or not a real date.
    NoDate,
    /// The threshold field was not a whole number.
    ThresholdNotANumber,
    /// "I'm next" to write ideas outside the brainstorm phase.
    NotBrainstorming,
    /// "I'm next" to vote outside the vote phase.
    NotVoting,
    /// "Reveal the results" before anybody has answered: there is no report to show.
    NothingToReveal,
    /// A change to the norms was refused.
    Norms(NormsError),
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
            WorkshopError::Answers(value) => {
                locale.format("error.workshop.answers", &[("0", value)])
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
            WorkshopError::Norms(inner) => inner.message(locale),
        }
    }
}

impl std::fmt::Display for WorkshopError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for WorkshopError {}

impl From<NormsError> for WorkshopError {
    fn from(error: NormsError) -> Self {
        WorkshopError::Norms(error)
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
            phases: Phase::ALL.to_vec(),
            current: 0,
            respondents: Rc::default(),
            revealed: false,
            timer: Timer::for_phase(Phase::ALL[0]),
            turn: None,
            holder: None,
            others: Vec::new(),
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
            self.phases = Phase::ALL.to_vec();
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
            _ => false,
        };
        if self.turn.as_ref().is_some_and(handed_back) {
            self.turn = None;
        }
        let others: Vec<HeldTurn> = std::mem::take(&mut self.others)
            .into_iter()
            .filter(|held| !handed_back(&held.turn))
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
        if let Some(Turn::Answering(journey)) = &self.turn
            && !journey.fits(&self.bank)
        {
            self.turn = Some(Turn::Answering(journey.clone().fitted_to(&self.bank)));
        }
        for held in &mut self.others {
            if let Turn::Answering(journey) = &held.turn
                && !journey.fits(&self.bank)
            {
                held.turn = Turn::Answering(journey.clone().fitted_to(&self.bank));
            }
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
        match self.respondents.iter().find(|r| r.id == respondent.id) {
            None => Arrival::New,
            Some(earlier) => match respondent.changes_from(earlier) {
                0 => Arrival::Same,
                changes => Arrival::Corrected { changes },
            },
        }
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
            phases: Phase::ALL.to_vec(),
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
            WorkshopAction::Reveal if self.respondents.is_empty() => {
                return Err(WorkshopError::NothingToReveal);
            }
            WorkshopAction::Reveal => next.revealed = true,
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

    /// Adds a respondent, replacing one with the same id, after checking the answers fit.
    fn add(&mut self, respondent: Respondent) -> Result<(), WorkshopError> {
        WorkshopDocument::new(
            Bank::clone(&self.bank),
            self.threshold,
            vec![respondent.clone()],
        )
        .check()
        .map_err(|invalid| WorkshopError::Answers(invalid.to_string()))?;
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
            Phase::Brainstorm => vec![Slide::Ideas],
            Phase::Vote => vec![Slide::Votes],
            Phase::Rank => vec![Slide::Ranking],
            Phase::Agree => vec![Slide::Agreement],
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

    /// A copy under a new id and name, with the same setup, answers and norms, back at the start.
    #[must_use]
    pub fn duplicate(&self, id: impl Into<String>, name: impl Into<String>) -> Workshop {
        let mut copy = self.clone();
        copy.id = id.into();
        copy.name = name.into();
        copy.go_to(0);
        copy.revealed = false;
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
        for respondent in incoming {
            match respondents.iter_mut().find(|r| r.id == respondent.id) {
                Some(existing) => existing.clone_from(respondent),
                None => respondents.push(respondent.clone()),
            }
        }
        merged
    }
}

/// What to do when an imported workshop is already saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnConflict {
    /// Add the file's respondents to the saved workshop (see [`Workshop::merged_with`]); keep
    /// the saved norms, or take the file's when none are saved.
    Merge,
    /// Save the file as a separate workshop under this new id.
    KeepBoth { id: String },
}

/// Every workshop saved in this browser, in the order they were created.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Workshops {
    pub list: Vec<Workshop>,
    /// Ids of workshops deleted here, so another tab merging its copy does not bring them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<String>,
}

impl Workshops {
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Workshop> {
        self.list.iter().find(|workshop| workshop.id == id)
    }

    /// The collection with `workshop` added at the end.
    #[must_use]
    pub fn with(&self, workshop: Workshop) -> Workshops {
        let mut next = self.clone();
        next.deleted.retain(|id| *id != workshop.id);
        next.list.push(workshop);
        next
    }

    /// The collection after `action` on the workshop `id`; `Ok(None)` when nothing changes or
    /// there is no such workshop.
    ///
    /// # Errors
    /// [`WorkshopError`] when the action is refused.
    pub fn update(
        &self,
        id: &str,
        action: WorkshopAction,
    ) -> Result<Option<Workshops>, WorkshopError> {
        let Some(index) = self.list.iter().position(|workshop| workshop.id == id) else {
            return Ok(None);
        };
        Ok(self.list[index].apply(action)?.map(|changed| {
            let mut next = self.clone();
            next.list[index] = changed;
            next
        }))
    }

    /// Every workshop with answers as a run, for the trend across workshops of one bank.
    #[must_use]
    pub fn runs(&self) -> Vec<crate::history::Run> {
        self.list
            .iter()
            .filter(|workshop| !workshop.respondents.is_empty())
            .map(|workshop| {
                crate::history::Run::from_report(
                    workshop.id.clone(),
                    workshop.date,
                    &workshop.bank,
                    &workshop.report(),
                    &workshop.norms,
                )
            })
            .collect()
    }

    /// The collection without the workshop `id`, or `None` when there is none.
    #[must_use]
    pub fn without(&self, id: &str) -> Option<Workshops> {
        let index = self.list.iter().position(|workshop| workshop.id == id)?;
        let mut next = self.clone();
        next.list.remove(index);
        next.deleted.push(id.to_owned());
        Some(next)
    }

    /// The collection with the turn open elsewhere in workshop `id` taken over by `tab`; `None`
    /// when no turn is open there or `tab` holds it already.
    #[must_use]
    pub fn with_turn_taken_over(&self, id: &str, tab: &str) -> Option<Workshops> {
        let index = self.list.iter().position(|workshop| workshop.id == id)?;
        if !self.list[index].turn_is_elsewhere(tab) {
            return None;
        }
        let mut next = self.clone();
        if let Some(holder) = &mut next.list[index].holder {
            tab.clone_into(&mut holder.tab);
        }
        Some(next)
    }

    /// Every workshop made safe to show and change in tab `tab` (see [`Workshop::fit`]).
    pub fn fit(&mut self, tab: &str) {
        for workshop in &mut self.list {
            workshop.fit(tab);
        }
    }

    /// The collection with an imported workshop: added when new; otherwise merged into the
    /// saved one or kept beside it, as chosen.
    #[must_use]
    pub fn import(&self, incoming: Workshop, on_conflict: OnConflict) -> Workshops {
        let Some(index) = self.list.iter().position(|w| w.id == incoming.id) else {
            return self.with(incoming);
        };
        match on_conflict {
            OnConflict::Merge => {
                let mut next = self.clone();
                let mut merged = self.list[index].merged_with(&incoming.respondents);
                // Answers came in under the stricter threshold: a merge never lowers it.
                merged.threshold = merged.threshold.max(incoming.threshold);
                // Norms are the facilitator's work and are not merged: the saved ones stay, and
                // the file's are taken only when none are saved.
                if merged.norms.is_empty() {
                    merged.norms = incoming.norms;
                }
                next.list[index] = merged;
                next
            }
            OnConflict::KeepBoth { id } => {
                let name = format!("{} (imported)", incoming.name);
                let mut copy = incoming.duplicate(id, name);
                // A copy of a saved workshop keeps the stricter threshold too: a file edited to
                // a lower one does not lower it.
                copy.threshold = copy.threshold.max(self.list[index].threshold);
                self.with(copy)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::respondent::{Rating, Role};

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
    }

    fn workshop() -> Workshop {
        Workshop::new("w1", "Q4 alignment", date(), Bank::default_bank())
    }

    fn apply(workshop: &Workshop, action: WorkshopAction) -> Workshop {
        workshop.apply(action).unwrap().unwrap()
    }

    fn person(id: &str, role: Role, value: u8) -> Respondent {
        let mut respondent = Respondent::new(id, role);
        for (_, item) in Bank::default_bank().items() {
            respondent
                .answers
                .insert(item.id.clone(), Rating::new(value));
        }
        respondent
    }

    #[test]
    fn a_new_workshop_has_every_phase_the_default_threshold_and_no_answers() {
        let workshop = workshop();
        assert_eq!(workshop.phases, Phase::ALL);
        assert_eq!(workshop.phase(), Phase::Welcome);
        assert_eq!(workshop.threshold, 3);
        assert!(!workshop.revealed);
        assert_eq!(
            workshop.timer,
            Timer::Paused {
                remaining_ms: 600_000
            }
        );
    }

    #[test]
    fn phases_go_forward_and_back_in_agenda_order_and_reset_the_timer() {
        let mut workshop = apply(&workshop(), WorkshopAction::SetAutoTimer(false));
        for expected in &Phase::ALL[1..] {
            workshop = apply(&workshop, WorkshopAction::NextPhase { now_ms: 0 });
            assert_eq!(workshop.phase(), *expected);
            assert_eq!(workshop.timer, Timer::for_phase(*expected));
        }
        assert_eq!(
            workshop.apply(WorkshopAction::NextPhase { now_ms: 0 }),
            Ok(None)
        );
        workshop = apply(&workshop, WorkshopAction::PreviousPhase { now_ms: 0 });
        assert_eq!(workshop.phase(), Phase::Agree);
        workshop = apply(
            &workshop,
            WorkshopAction::GoToPhase {
                index: 0,
                now_ms: 0,
            },
        );
        assert_eq!(
            workshop.apply(WorkshopAction::PreviousPhase { now_ms: 0 }),
            Ok(None)
        );
        assert_eq!(
            workshop.apply(WorkshopAction::GoToPhase {
                index: 9,
                now_ms: 0
            }),
            Ok(None)
        );
    }

    #[test]
    fn a_refused_form_names_the_field_to_mend() {
        let fresh = workshop();
        let field = |action| fresh.apply(action).unwrap_err().field();
        assert_eq!(
            fresh.apply(WorkshopAction::Rename("x".repeat(NAME_MAX + 1))),
            Err(WorkshopError::NameTooLong)
        );
        assert!(
            fresh
                .apply(WorkshopAction::Rename("ü".repeat(NAME_MAX)))
                .is_ok()
        );
        assert_eq!(
            Workshop::create(
                "w2",
                Setup {
                    name: "y".repeat(NAME_MAX + 1),
                    date: date(),
                    threshold: 3,
                    phases: Phase::ALL.to_vec(),
                },
                Bank::default_bank(),
            ),
            Err(WorkshopError::NameTooLong)
        );
        assert_eq!(
            field(WorkshopAction::Rename("  ".into())),
            Some(Field::Name)
        );
        assert_eq!(
            field(WorkshopAction::SetThreshold(0)),
            Some(Field::Threshold)
        );
        assert_eq!(
            field(WorkshopAction::SetPhases(Vec::new())),
            Some(Field::Phases)
        );
        let read = |date: &str, k: &str| read_date_and_threshold(date, k).unwrap_err().field();
        assert_eq!(read("", "3"), Some(Field::Date));
        assert_eq!(read("2026-12-01", "three"), Some(Field::Threshold));
    }

    #[test]
    fn arriving_at_a_phase_starts_its_countdown_unless_the_facilitator_turned_that_off() {
        let started = apply(&workshop(), WorkshopAction::NextPhase { now_ms: 5_000 });
        assert_eq!(started.phase(), Phase::Assessment);
        assert_eq!(
            started.timer,
            Timer::Running {
                ends_at_ms: 5_000 + 15 * 60_000
            }
        );
        let back = apply(&started, WorkshopAction::PreviousPhase { now_ms: 9_000 });
        assert_eq!(
            back.timer,
            Timer::Running {
                ends_at_ms: 9_000 + 10 * 60_000
            }
        );
        let manual = apply(&workshop(), WorkshopAction::SetAutoTimer(false));
        let arrived = apply(
            &manual,
            WorkshopAction::GoToPhase {
                index: 2,
                now_ms: 1,
            },
        );
        assert_eq!(arrived.timer, Timer::for_phase(Phase::Reveal));
        assert!(!arrived.timer.is_running());
    }

    #[test]
    fn an_overrun_counts_up_from_zero_while_running_and_not_while_paused() {
        let running = apply(&workshop(), WorkshopAction::StartTimer { now_ms: 0 });
        assert_eq!(running.timer.overrun_ms(599_999), 0);
        assert_eq!(running.timer.overrun_ms(600_000), 0);
        assert_eq!(running.timer.overrun_ms(680_000), 80_000, "+1:20");
        let paused = apply(&running, WorkshopAction::PauseTimer { now_ms: 700_000 });
        assert_eq!(paused.timer.remaining_ms(700_000), 0);
        assert_eq!(paused.timer.overrun_ms(900_000), 0);
    }

    #[test]
    fn time_used_counts_from_the_first_phase_change_or_countdown_and_plans_add_up() {
        let fresh = workshop();
        assert_eq!(fresh.used_ms(50_000), None, "nothing used before it begins");
        assert_eq!(
            fresh.planned_minutes(),
            10 + 15 + 20 + 15 + 10 + 15 + 15 + 10
        );
        let begun = apply(&fresh, WorkshopAction::StartTimer { now_ms: 1_000 });
        let later = apply(&begun, WorkshopAction::NextPhase { now_ms: 60_000 });
        assert_eq!(
            later.used_ms(121_000),
            Some(120_000),
            "from the first start on"
        );
        let trimmed = apply(
            &fresh,
            WorkshopAction::SetPhases(vec![Phase::Assessment, Phase::Reveal]),
        );
        assert_eq!(trimmed.planned_minutes(), 35);
    }

    #[test]
    fn the_room_steps_through_the_revealed_results_one_hotspot_at_a_time() {
        let mut workshop = apply(&workshop(), WorkshopAction::SetAutoTimer(false));
        workshop.threshold = 1;
        // Marketing rates everything high and IT low: every dimension is a hotspot.
        for respondent in [person("m", Role::Marketing, 5), person("i", Role::It, 1)] {
            workshop = apply(&workshop, WorkshopAction::AddRespondent(respondent));
        }
        let at_reveal = apply(
            &workshop,
            WorkshopAction::GoToPhase {
                index: 2,
                now_ms: 0,
            },
        );
        assert_eq!(
            at_reveal.slides(),
            [Slide::Waiting],
            "nothing shown before the reveal"
        );
        assert_eq!(at_reveal.apply(WorkshopAction::ShowNext), Ok(None));
        let revealed = apply(&at_reveal, WorkshopAction::Reveal);
        let leading = revealed.report().leading_hotspots().to_vec();
        assert!(!leading.is_empty());
        let mut expected = vec![Slide::Indices];
        expected.extend(leading.iter().map(|&d| Slide::Hotspot(d)));
        expected.push(Slide::Dimensions);
        assert_eq!(revealed.slides(), expected);
        let mut room = revealed.clone();
        let mut seen = vec![room.slide()];
        while let Some(next) = room.apply(WorkshopAction::ShowNext).unwrap() {
            room = next;
            seen.push(room.slide());
        }
        assert_eq!(
            seen, expected,
            "every slide once, in order, then no further"
        );
        let back = apply(&room, WorkshopAction::ShowPrevious);
        assert_eq!(back.shown, expected.len() - 2);
        let next_phase = apply(&room, WorkshopAction::NextPhase { now_ms: 0 });
        assert_eq!(next_phase.shown, 0, "a new phase starts at its first slide");
        assert_eq!(next_phase.slide(), Slide::Ideas);
    }

    #[test]
    fn a_step_past_the_last_slide_shows_the_last_and_is_brought_back_on_load() {
        let mut workshop = workshop();
        workshop.shown = 40;
        assert_eq!(workshop.slide(), Slide::Welcome);
        workshop.fit("t0");
        assert_eq!(workshop.shown, 0);
    }

    #[test]
    fn choosing_phases_keeps_the_countdown_of_the_phase_under_way() {
        let running = apply(&workshop(), WorkshopAction::NextPhase { now_ms: 1_000 });
        let fewer = apply(
            &running,
            WorkshopAction::SetPhases(vec![Phase::Assessment, Phase::Summary]),
        );
        assert_eq!(fewer.phase(), Phase::Assessment);
        assert_eq!(fewer.current, 0);
        assert_eq!(fewer.timer, running.timer, "the countdown runs on");
    }

    #[test]
    fn chosen_phases_keep_agenda_order_and_the_current_phase_when_possible() {
        let at_reveal = apply(
            &workshop(),
            WorkshopAction::GoToPhase {
                index: 2,
                now_ms: 0,
            },
        );
        let trimmed = apply(
            &at_reveal,
            WorkshopAction::SetPhases(vec![Phase::Summary, Phase::Reveal, Phase::Assessment]),
        );
        assert_eq!(
            trimmed.phases,
            [Phase::Assessment, Phase::Reveal, Phase::Summary]
        );
        assert_eq!(trimmed.phase(), Phase::Reveal);
        assert_eq!(
            trimmed.apply(WorkshopAction::SetPhases(Vec::new())),
            Err(WorkshopError::NoPhases)
        );
    }

    #[test]
    fn results_stay_hidden_until_the_facilitator_reveals_them() {
        assert_eq!(
            workshop().apply(WorkshopAction::Reveal),
            Err(WorkshopError::NothingToReveal),
            "a report of nobody's answers is not offered"
        );
        let workshop = apply(
            &apply(
                &workshop(),
                WorkshopAction::AddRespondent(person("a", Role::It, 3)),
            ),
            WorkshopAction::GoToPhase {
                index: 2,
                now_ms: 0,
            },
        );
        assert!(
            !workshop.revealed,
            "entering the reveal phase is not revealing"
        );
        let revealed = apply(&workshop, WorkshopAction::Reveal);
        assert!(revealed.revealed);
        assert_eq!(revealed.apply(WorkshopAction::Reveal), Ok(None));
    }

    #[test]
    fn once_answers_are_in_the_threshold_can_be_raised_but_never_lowered() {
        let empty = workshop();
        assert_eq!(apply(&empty, WorkshopAction::SetThreshold(1)).threshold, 1);

        let answered = apply(
            &empty,
            WorkshopAction::AddRespondent(person("p1", Role::It, 4)),
        );
        assert_eq!(
            answered.apply(WorkshopAction::SetThreshold(2)),
            Err(WorkshopError::ThresholdLowered { set: 3, asked: 2 })
        );
        let edited = answered.apply(WorkshopAction::EditDetails {
            name: "Renamed".into(),
            date: date(),
            threshold: 1,
        });
        assert!(edited.is_err(), "all of the details or none");
        assert_eq!(
            apply(&answered, WorkshopAction::SetThreshold(5)).threshold,
            5
        );

        // An import of an older copy with a lower threshold does not lower it either.
        let saved = Workshops::default().with(apply(&answered, WorkshopAction::SetThreshold(5)));
        let mut older = answered.clone();
        older.threshold = 2;
        let merged = saved.import(older.clone(), OnConflict::Merge);
        assert_eq!(merged.list[0].threshold, 5);
        let both = saved.import(older, OnConflict::KeepBoth { id: "w2".into() });
        assert_eq!(both.list[1].threshold, 5);
    }

    #[test]
    fn a_corrected_response_replaces_the_earlier_one_and_says_how_many_answers_changed() {
        let first = person("code-A", Role::It, 4);
        let workshop = workshop();
        assert_eq!(workshop.arrival(&first), Arrival::New);
        let added = apply(&workshop, WorkshopAction::AddRespondent(first.clone()));
        assert_eq!(added.arrival(&first), Arrival::Same);
        assert_eq!(
            added.apply(WorkshopAction::AddRespondent(first.clone())),
            Ok(None)
        );

        let mut corrected = first.clone();
        let mut items = corrected
            .answers
            .keys()
            .cloned()
            .collect::<Vec<_>>()
            .into_iter();
        corrected
            .answers
            .insert(items.next().unwrap(), Rating::new(1));
        corrected.answers.insert(items.next().unwrap(), None);
        corrected.answers.remove(&items.next().unwrap());
        assert_eq!(added.arrival(&corrected), Arrival::Corrected { changes: 3 });
        let replaced = apply(&added, WorkshopAction::AddRespondent(corrected.clone()));
        assert_eq!(replaced.respondents.len(), 1);
        assert_eq!(replaced.respondents[0], corrected);

        let mut other_function = corrected.clone();
        other_function.role = Role::Marketing;
        assert_eq!(
            replaced.arrival(&other_function),
            Arrival::Corrected { changes: 1 }
        );
    }

    #[test]
    fn one_odd_stored_date_does_not_make_the_workshops_unreadable_but_is_refused_on_entry() {
        let mut json = serde_json::to_value(Workshops::default().with(workshop())).unwrap();
        json["list"][0]["date"] = serde_json::json!("99999-01-01");
        let read: Workshops = serde_json::from_value(json).unwrap();
        assert!(!is_writable(read.list[0].date));
        assert_eq!(parse_date("99999-01-01"), None);
        assert!(read_date_and_threshold("99999-01-01", "3").is_err());
        let refused = read.list[0].document().check().unwrap_err().to_string();
        assert!(refused.contains("workshop.date"), "{refused}");
    }

    #[test]
    fn a_stored_threshold_outside_one_to_ten_is_brought_into_range() {
        for (stored, fitted) in [(0, 1), (200, 10), (4, 4)] {
            let mut workshop = workshop();
            workshop.threshold = stored;
            workshop.fit("t");
            assert_eq!(workshop.threshold, fitted);
        }
    }

    #[test]
    fn the_threshold_and_name_are_validated() {
        let workshop = workshop();
        assert_eq!(
            workshop.apply(WorkshopAction::SetThreshold(0)),
            Err(WorkshopError::Threshold(0))
        );
        assert_eq!(
            workshop.apply(WorkshopAction::SetThreshold(11)),
            Err(WorkshopError::Threshold(11))
        );
        assert_eq!(
            apply(&workshop, WorkshopAction::SetThreshold(10)).threshold,
            10
        );
        assert_eq!(
            workshop.apply(WorkshopAction::Rename("  ".into())),
            Err(WorkshopError::EmptyName)
        );
        assert_eq!(
            apply(&workshop, WorkshopAction::Rename(" Kickoff ".into())).name,
            "Kickoff"
        );
    }

    #[test]
    fn participants_answering_in_turn_become_respondents_counted_by_function() {
        let mut workshop = workshop();
        for (id, role) in [
            ("a", Role::Marketing),
            ("b", Role::It),
            ("c", Role::Marketing),
        ] {
            workshop = apply(
                &workshop,
                WorkshopAction::AddRespondent(person(id, role, 4)),
            );
        }
        assert_eq!((workshop.counts().marketing, workshop.counts().it), (2, 1));
        // The same person finishing again replaces their answers rather than counting twice.
        workshop = apply(
            &workshop,
            WorkshopAction::AddRespondent(person("a", Role::Marketing, 2)),
        );
        assert_eq!(workshop.respondents.len(), 3);
        assert_eq!(workshop.respondents[0], person("a", Role::Marketing, 2));
    }

    #[test]
    fn answers_that_do_not_fit_the_bank_are_refused() {
        let mut stray = Respondent::new("x", Role::It);
        stray.answers.insert("no-such-item".into(), Rating::new(3));
        let error = workshop()
            .apply(WorkshopAction::AddRespondent(stray))
            .unwrap_err();
        assert!(error.to_string().contains("no-such-item"), "{error}");
    }

    #[test]
    fn the_timer_starts_pauses_extends_and_resets() {
        let workshop = workshop();
        let running = apply(&workshop, WorkshopAction::StartTimer { now_ms: 1_000 });
        assert_eq!(
            running.timer,
            Timer::Running {
                ends_at_ms: 601_000
            }
        );
        assert_eq!(running.timer.remaining_ms(61_000), 540_000);
        let paused = apply(&running, WorkshopAction::PauseTimer { now_ms: 61_000 });
        assert_eq!(
            paused.timer,
            Timer::Paused {
                remaining_ms: 540_000
            }
        );
        let extended = apply(
            &paused,
            WorkshopAction::ExtendTimer {
                by_ms: 120_000,
                now_ms: 70_000,
            },
        );
        assert_eq!(extended.timer.remaining_ms(0), 660_000);
        let reset = apply(&extended, WorkshopAction::ResetTimer);
        assert_eq!(reset.timer, Timer::for_phase(Phase::Welcome));
    }

    #[test]
    fn an_overrun_timer_is_over_and_extending_it_counts_from_now() {
        let running = apply(&workshop(), WorkshopAction::StartTimer { now_ms: 0 });
        assert!(running.timer.is_over(600_000));
        assert!(!running.timer.is_over(599_999));
        let extended = apply(
            &running,
            WorkshopAction::ExtendTimer {
                by_ms: 60_000,
                now_ms: 900_000,
            },
        );
        assert_eq!(extended.timer.remaining_ms(900_000), 60_000);
    }

    #[test]
    fn a_duplicate_keeps_setup_and_answers_under_a_new_id_back_at_the_start() {
        let mut original = apply(
            &workshop(),
            WorkshopAction::AddRespondent(person("a", Role::It, 3)),
        );
        original = apply(
            &original,
            WorkshopAction::GoToPhase {
                index: 2,
                now_ms: 0,
            },
        );
        original = apply(&original, WorkshopAction::Reveal);
        let copy = original.duplicate("w2", "Q4 alignment (copy)");
        assert_eq!(
            (copy.id.as_str(), copy.name.as_str()),
            ("w2", "Q4 alignment (copy)")
        );
        assert_eq!(copy.respondents, original.respondents);
        assert_eq!((copy.current, copy.revealed), (0, false));
    }

    #[test]
    fn merging_is_idempotent_and_the_incoming_answers_win() {
        let base = apply(
            &workshop(),
            WorkshopAction::AddRespondent(person("a", Role::It, 3)),
        );
        let incoming = [person("a", Role::It, 5), person("b", Role::Marketing, 2)];
        let once = base.merged_with(&incoming);
        assert_eq!(*once.respondents, incoming);
        assert_eq!(once.merged_with(&incoming), once);
    }

    fn saved(respondents: &[Respondent]) -> Workshops {
        let mut workshop = workshop();
        for respondent in respondents {
            workshop = apply(&workshop, WorkshopAction::AddRespondent(respondent.clone()));
        }
        Workshops::default().with(workshop)
    }

    #[test]
    fn export_then_delete_then_import_gives_back_the_same_report() {
        let workshops = saved(&[person("a", Role::Marketing, 4), person("b", Role::It, 2)]);
        let json = workshops.list[0].document().to_json();
        let emptied = workshops.without("w1").unwrap();
        assert!(emptied.get("w1").is_none());
        let document = WorkshopDocument::from_json(&json).unwrap().document;
        let imported = Workshop::from_document(document, "unused", "unused", date());
        let restored = emptied.import(imported, OnConflict::Merge);
        let back = restored.get("w1").unwrap();
        assert_eq!(back.name, "Q4 alignment");
        assert_eq!(
            back.document().report_export(),
            workshops.list[0].document().report_export()
        );
        assert_eq!(back.document().to_json(), json);
    }

    #[test]
    fn importing_a_saved_workshop_merges_or_keeps_both_as_chosen() {
        let workshops = saved(&[person("a", Role::Marketing, 4)]);
        let mut other_copy = workshops.list[0].clone();
        other_copy.respondents = vec![person("b", Role::It, 2)].into();

        let merged = workshops.import(other_copy.clone(), OnConflict::Merge);
        assert_eq!(merged.list.len(), 1);
        assert_eq!(merged.list[0].respondents.len(), 2);
        assert_eq!(
            merged.import(other_copy.clone(), OnConflict::Merge),
            merged,
            "idempotent"
        );

        let both = workshops.import(other_copy, OnConflict::KeepBoth { id: "w9".into() });
        assert_eq!(both.list.len(), 2);
        assert_eq!(both.list[1].id, "w9");
        assert_eq!(both.list[1].name, "Q4 alignment (imported)");
        assert_eq!(
            both.list[0], workshops.list[0],
            "the saved workshop is untouched"
        );
    }

    #[test]
    fn a_document_without_workshop_details_becomes_a_new_workshop() {
        let document =
            WorkshopDocument::new(Bank::default_bank(), 2, vec![person("a", Role::It, 3)]);
        let workshop = Workshop::from_document(document, "w5", "Imported results", date());
        assert_eq!((workshop.id.as_str(), workshop.threshold), ("w5", 2));
        assert_eq!(workshop.phases, Phase::ALL);
        assert_eq!(workshop.respondents.len(), 1);
    }

    #[test]
    fn updates_reach_the_named_workshop_only() {
        let workshops = saved(&[]).with(workshop().duplicate("w2", "Other"));
        let next = workshops
            .update("w2", WorkshopAction::SetThreshold(5))
            .unwrap()
            .unwrap();
        assert_eq!((next.list[0].threshold, next.list[1].threshold), (3, 5));
        assert_eq!(workshops.update("nope", WorkshopAction::Reveal), Ok(None));
        assert_eq!(
            workshops.update("w1", WorkshopAction::SetThreshold(0)),
            Err(WorkshopError::Threshold(0))
        );
    }

    fn in_assessment() -> Workshop {
        apply(
            &workshop(),
            WorkshopAction::GoToPhase {
                index: 1,
                now_ms: 0,
            },
        )
    }

    fn turn(workshop: &Workshop, action: Action) -> Workshop {
        apply(workshop, WorkshopAction::Turn(action))
    }

    #[test]
    fn a_participant_turn_opens_only_in_the_assessment_phase() {
        assert_eq!(
            workshop().apply(WorkshopAction::StartTurn),
            Err(WorkshopError::NotAnswering)
        );
        let open = apply(&in_assessment(), WorkshopAction::StartTurn);
        assert_eq!(open.turn, Some(Turn::Answering(Journey::default())));
        assert_eq!(
            open.apply(WorkshopAction::StartTurn),
            Ok(None),
            "one turn at a time"
        );
    }

    #[test]
    fn finishing_a_turn_adds_the_respondent_and_asks_for_the_device_back() {
        let bank = Bank::default_bank();
        let mut workshop = apply(&in_assessment(), WorkshopAction::StartTurn);
        workshop = turn(
            &workshop,
            Action::Begin {
                role: Role::It,
                respondent_id: "p1".into(),
            },
        );
        let item = bank.dimensions[0].items[0].id.clone();
        workshop = turn(
            &workshop,
            Action::Answer {
                item: item.clone(),
                answer: Rating::new(2),
            },
        );
        assert!(
            workshop.respondents.is_empty(),
            "an unfinished turn is not counted"
        );
        workshop = turn(
            &workshop,
            Action::GoTo(Screen::Step(bank.dimensions.len() - 1)),
        );
        workshop = turn(&workshop, Action::Next);
        assert_eq!(workshop.turn, Some(Turn::Finished));
        assert_eq!(workshop.respondents.len(), 1);
        assert_eq!(
            workshop.respondents[0].answers.get(&item),
            Some(&Rating::new(2))
        );
        assert_eq!(workshop.counts().it, 1);
        let closed = apply(&workshop, WorkshopAction::EndTurn);
        assert_eq!(closed.turn, None);
        assert_eq!(closed.respondents.len(), 1);
    }

    #[test]
    fn an_abandoned_turn_leaves_no_trace() {
        let mut workshop = apply(&in_assessment(), WorkshopAction::StartTurn);
        workshop = turn(
            &workshop,
            Action::Begin {
                role: Role::Marketing,
                respondent_id: "p1".into(),
            },
        );
        let closed = apply(&workshop, WorkshopAction::EndTurn);
        assert_eq!(closed, in_assessment());
    }

    #[test]
    fn a_workshop_with_a_turn_in_progress_survives_a_save_and_load() {
        let mut workshop = apply(&in_assessment(), WorkshopAction::StartTurn);
        workshop = turn(
            &workshop,
            Action::Begin {
                role: Role::Other,
                respondent_id: "p1".into(),
            },
        );
        let saved = serde_json::to_string(&workshop).unwrap();
        let loaded: Workshop = serde_json::from_str(&saved).unwrap();
        assert_eq!(loaded, workshop);
    }

    #[test]
    fn a_workshop_is_created_from_a_validated_setup() {
        let setup = |name: &str, threshold: u8, phases: Vec<Phase>| Setup {
            name: name.into(),
            date: date(),
            threshold,
            phases,
        };
        let bank = Bank::default_bank();
        let created = Workshop::create(
            "w",
            setup(" Kickoff ", 4, vec![Phase::Assessment, Phase::Reveal]),
            bank.clone(),
        )
        .unwrap();
        assert_eq!(created.name, "Kickoff");
        assert_eq!(created.threshold, 4);
        assert_eq!(created.phases, [Phase::Assessment, Phase::Reveal]);
        assert_eq!(created.phase(), Phase::Assessment);
        assert_eq!(
            Workshop::create("w", setup("", 3, Phase::ALL.to_vec()), bank.clone()),
            Err(WorkshopError::EmptyName)
        );
        assert_eq!(
            Workshop::create("w", setup("K", 0, Phase::ALL.to_vec()), bank.clone()),
            Err(WorkshopError::Threshold(0))
        );
        assert_eq!(
            Workshop::create("w", setup("K", 3, vec![]), bank),
            Err(WorkshopError::NoPhases)
        );
    }

    #[test]
    fn dates_read_and_write_as_in_a_date_input() {
        assert_eq!(parse_date("2026-11-24"), Some(date()));
        assert_eq!(iso_date(date()), "2026-11-24");
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("24.11.2026"), None);
    }

    #[test]
    fn form_fields_are_read_with_messages_for_what_is_wrong() {
        assert_eq!(
            read_date_and_threshold("2026-11-24", " 4 "),
            Ok((date(), 4))
        );
        assert_eq!(read_date_and_threshold("", "4"), Err(WorkshopError::NoDate));
        assert_eq!(
            read_date_and_threshold("2026-11-24", "four"),
            Err(WorkshopError::ThresholdNotANumber)
        );
    }

    #[test]
    fn details_change_together_or_not_at_all() {
        let workshop = workshop();
        let later = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        let edited = apply(
            &workshop,
            WorkshopAction::EditDetails {
                name: "Renamed".into(),
                date: later,
                threshold: 5,
            },
        );
        assert_eq!(
            (edited.name.as_str(), edited.date, edited.threshold),
            ("Renamed", later, 5)
        );
        let refused = workshop.apply(WorkshopAction::EditDetails {
            name: " ".into(),
            date: later,
            threshold: 5,
        });
        assert_eq!(refused, Err(WorkshopError::EmptyName));
    }

    fn at(phase: Phase) -> Workshop {
        let index = Phase::ALL.iter().position(|&p| p == phase).unwrap_or(0);
        apply(&workshop(), WorkshopAction::GoToPhase { index, now_ms: 0 })
    }

    fn idea(id: &str, author: &str) -> WorkshopAction {
        WorkshopAction::Norms(NormsAction::Add {
            id: id.into(),
            author: author.into(),
            dimension: "kpis".into(),
            text: format!("Idea {id}"),
        })
    }

    #[test]
    fn ideas_are_written_in_private_turns_during_the_brainstorm_only() {
        let writing = WorkshopAction::StartWriting {
            author: "p1".into(),
        };
        assert_eq!(
            at(Phase::Reveal).apply(writing.clone()),
            Err(WorkshopError::NotBrainstorming)
        );
        let mut workshop = apply(&at(Phase::Brainstorm), writing);
        assert_eq!(
            workshop.turn,
            Some(Turn::Writing {
                author: "p1".into()
            })
        );
        workshop = apply(&workshop, idea("n1", "p1"));
        workshop = apply(&workshop, WorkshopAction::FinishTurn);
        assert_eq!(workshop.turn, Some(Turn::Finished));
        assert!(
            !workshop.norms.revealed,
            "hidden until the facilitator reveals"
        );
        assert_eq!(workshop.norms.ideas.len(), 1);
    }

    #[test]
    fn a_voting_turn_opens_in_the_vote_phase_once_ideas_are_revealed_and_voting_is_open() {
        let voting = WorkshopAction::StartVoting { voter: "v1".into() };
        let mut workshop = apply(&at(Phase::Vote), idea("n1", "p1"));
        assert_eq!(
            workshop.apply(voting.clone()),
            Err(WorkshopError::Norms(NormsError::NotRevealed))
        );
        workshop = apply(&workshop, WorkshopAction::Norms(NormsAction::Reveal));
        assert!(apply(&workshop, voting.clone()).turn.is_some());
        workshop = apply(&workshop, WorkshopAction::Norms(NormsAction::CloseVoting));
        assert_eq!(
            workshop.apply(voting),
            Err(WorkshopError::Norms(NormsError::VotingClosed))
        );
        assert_eq!(
            at(Phase::Brainstorm).apply(WorkshopAction::StartVoting { voter: "v".into() }),
            Err(WorkshopError::NotVoting)
        );
    }

    #[test]
    fn norms_travel_in_the_workshop_document_and_back() {
        let mut workshop = apply(&at(Phase::Brainstorm), idea("n1", "p1"));
        workshop = apply(&workshop, WorkshopAction::Norms(NormsAction::Reveal));
        let json = workshop.document().to_json();
        let document = WorkshopDocument::from_json(&json).unwrap().document;
        assert_eq!(document.norms, workshop.norms);
        let back = Workshop::from_document(document, "x", "x", date());
        assert_eq!(back.norms, workshop.norms);
        assert_eq!(back.document().to_json(), json);
    }

    #[test]
    fn importing_into_a_saved_workshop_keeps_its_norms_or_takes_the_files_when_it_has_none() {
        let saved = Workshops::default().with(workshop());
        let mut incoming = apply(&at(Phase::Brainstorm), idea("n1", "p1"));
        let taken = saved.import(incoming.clone(), OnConflict::Merge);
        assert_eq!(taken.list[0].norms, incoming.norms);
        incoming = apply(&incoming, idea("n2", "p2"));
        let kept = taken.import(incoming, OnConflict::Merge);
        assert_eq!(kept.list[0].norms.ideas.len(), 1, "the saved norms stay");
    }
}

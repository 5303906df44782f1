//! The app's state as data: the self-assessment and the norms drafted after it, the history of
//! runs, the saved workshops, this browser's participations, and what is on screen. What may
//! change it is the reducer's (`reducer`); merging, backing up and forgetting build on it
//! (`sync`, `backup`, `retention`).

use serde::{Deserialize, Serialize};

use crate::assessment::{Journey, Participation, Screen};
use crate::bank::Bank;
use crate::history::History;
use crate::norms::Norms;
use crate::workshop::{Workshop, Workshops, in_holder_order};

/// How long runs and workshops are kept (what to forget is `retention`'s).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Retention {
    /// Days after its date that a run or workshop is deleted; `None` keeps everything.
    pub days: Option<u32>,
}

impl Retention {
    /// The choices offered, in days.
    pub const CHOICES: [u32; 3] = [30, 90, 365];
}

/// What is on screen.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "view", content = "id")]
pub enum View {
    /// The self-assessment, at whatever screen its journey is on.
    #[default]
    SelfAssessment,
    /// The list of saved workshops.
    Workshops,
    /// One workshop, by id, in the facilitator's view.
    Workshop(String),
    /// The norms an individual drafts after a self-assessment, to propose to the other team.
    Proposal,
}

/// The app's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tandem {
    pub journey: Journey,
    /// Norms drafted by the individual, kept apart from any workshop. Starting the
    /// self-assessment over keeps them; "delete my data" removes them.
    pub proposal: Norms,
    /// Every finished self-assessment, for the trend.
    pub history: History,
    /// How long runs and workshops are kept.
    pub retention: Retention,
    pub workshops: Workshops,
    pub view: View,
    /// What this browser answered as a participant on its own device, one per workshop. The
    /// participant's page keeps them; here they are read, backed up and restored.
    pub participations: Vec<Participation>,
    /// This tab or window of the browser, so it knows which open turns are its own. Not saved:
    /// the app gives each tab its own id, kept across reloads of that tab.
    pub tab: String,
    /// How many turns this tab has opened, for the next turn's id.
    pub opened: u32,
}

impl Tandem {
    /// What every tab keeps alike: the state without what is each tab's own (the view, the
    /// place in the self-assessment, which open turn it shows, the tab itself). Two tabs that agree on this
    /// have nothing to tell each other.
    #[must_use]
    pub fn lasting(&self) -> Tandem {
        let mut lasting = Tandem {
            view: View::default(),
            tab: String::new(),
            opened: 0,
            ..self.clone()
        };
        lasting.journey.screen = Screen::Start;
        // Every open turn counts, whichever a tab shows: storage must hold each, in one order.
        for workshop in &mut lasting.workshops.list {
            let mut turns = workshop.open_turns();
            in_holder_order(&mut turns);
            workshop.turn = None;
            workshop.holder = None;
            workshop.others = turns;
        }
        lasting
    }

    /// The state made safe to show and change with `bank`, however it was stored or sent: the
    /// self-assessment fitted to the bank, every workshop fitted to its own (see
    /// [`Workshop::fit`]), and a view of a workshop that is not here becomes the list. Every
    /// value that enters the state passes here, so no screen meets a step past its bank.
    pub fn fit(&mut self, bank: &Bank) {
        if !self.journey.fits(bank) {
            self.journey = std::mem::take(&mut self.journey).fitted_to(bank);
        }
        self.workshops.fit(&self.tab);
        if let View::Workshop(id) = &self.view
            && self.workshops.get(id).is_none()
        {
            self.view = View::Workshops;
        }
    }

    /// Whether this tab holds the turn open in the workshop on screen.
    #[must_use]
    pub fn in_turn(&self) -> bool {
        self.open_workshop()
            .is_some_and(|workshop| workshop.turn_is_held_by(&self.tab))
    }

    /// The workshop whose open turn this tab holds, if any: on screen whatever else was asked
    /// for, since only the turn's holder ends it.
    #[must_use]
    pub fn held_turn(&self) -> Option<&str> {
        (self.workshops.list.iter())
            .find(|workshop| workshop.turn_is_held_by(&self.tab))
            .map(|workshop| workshop.id.as_str())
    }

    /// The open workshop, if the view is one.
    #[must_use]
    pub fn open_workshop(&self) -> Option<&Workshop> {
        match &self.view {
            View::Workshop(id) => self.workshops.get(id),
            _ => None,
        }
    }
}

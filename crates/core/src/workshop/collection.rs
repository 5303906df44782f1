//! Every workshop saved in this browser, and the rules for changing one of them, importing one
//! and forgetting one. Builds on the workshop itself (`super`).

use serde::{Deserialize, Serialize};

use super::{Workshop, WorkshopAction, WorkshopError};
use crate::i18n::Locale;

/// What to do when an imported workshop is already saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnConflict {
    /// Add the file's respondents of both rounds to the saved workshop (see
    /// [`Workshop::merged_with`]); keep the saved norms, or take the file's when none are saved.
    Merge,
    /// Save the file as a separate workshop under this new id, named as imported in `locale`.
    KeepBoth { id: String, locale: Locale },
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

    /// The collection with `workshop` in place of the saved one with its id (added when there
    /// is none).
    #[must_use]
    pub fn replaced(&self, workshop: Workshop) -> Workshops {
        match self.list.iter().position(|w| w.id == workshop.id) {
            Some(index) => {
                let mut next = self.clone();
                next.list[index] = workshop;
                next
            }
            None => self.with(workshop),
        }
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
        let Some(workshop) = self.get(id) else {
            return Ok(None);
        };
        Ok(workshop
            .apply(action)?
            .map(|changed| self.replaced(changed)))
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
                let mut merged = self.list[index]
                    .merged_with(&incoming.respondents)
                    .merged_with_second(incoming.rerate.as_deref());
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
            OnConflict::KeepBoth { id, locale } => {
                let name = incoming.named("workshop.imported-name", locale);
                let mut copy = incoming.duplicate(id, name);
                // A copy of a saved workshop keeps the stricter threshold too: a file edited to
                // a lower one does not lower it.
                copy.threshold = copy.threshold.max(self.list[index].threshold);
                self.with(copy)
            }
        }
    }
}

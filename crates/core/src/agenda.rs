//! The workshop's agenda: its phases in order, each with its name, its usual minutes and the
//! facilitator's script. Builds only on the catalogue (`i18n`).

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

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
    /// After discussing the hotspots, everyone answers the chosen dimensions again, and the
    /// room sees how far Marketing and IT came together (optional).
    Rerate,
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
    pub const ALL: [Phase; 9] = [
        Phase::Welcome,
        Phase::Assessment,
        Phase::Reveal,
        Phase::Rerate,
        Phase::Brainstorm,
        Phase::Vote,
        Phase::Rank,
        Phase::Agree,
        Phase::Summary,
    ];

    /// A new workshop's agenda: every phase but the optional re-rating, which the facilitator
    /// ticks when the workshop has time to answer some dimensions again after discussion.
    pub const USUAL: [Phase; 8] = [
        Phase::Welcome,
        Phase::Assessment,
        Phase::Reveal,
        Phase::Brainstorm,
        Phase::Vote,
        Phase::Rank,
        Phase::Agree,
        Phase::Summary,
    ];

    /// `phases` with this phase taken out if it is in, or added if not, in agenda order: what
    /// ticking its box does.
    #[must_use]
    pub fn toggled_in(self, phases: &[Phase]) -> Vec<Phase> {
        Phase::ALL
            .into_iter()
            .filter(|phase| phases.contains(phase) != (*phase == self))
            .collect()
    }

    /// The phase's name in `locale`.
    #[must_use]
    pub fn title(self, locale: Locale) -> &'static str {
        locale.text(match self {
            Phase::Welcome => "phase.welcome",
            Phase::Assessment => "phase.assessment",
            Phase::Reveal => "phase.reveal",
            Phase::Rerate => "phase.rerate",
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
            Phase::Assessment | Phase::Rerate | Phase::Brainstorm | Phase::Rank | Phase::Agree => {
                15
            }
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
            Phase::Rerate => &["script.rerate.1", "script.rerate.2", "script.rerate.3"],
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticking_a_phase_takes_it_out_or_adds_it_and_twice_changes_nothing() {
        let chosen = [Phase::Welcome, Phase::Reveal];
        assert_eq!(Phase::Reveal.toggled_in(&chosen), [Phase::Welcome]);
        assert_eq!(
            Phase::Vote.toggled_in(&chosen),
            [Phase::Welcome, Phase::Reveal, Phase::Vote]
        );
        for phase in Phase::ALL {
            assert_eq!(phase.toggled_in(&phase.toggled_in(&chosen)), chosen);
        }
    }
}

//! The countdown of a workshop's current phase. Time is passed in (`now_ms`): the core has no
//! clock. Builds only on the agenda.

use serde::{Deserialize, Serialize};

use crate::agenda::Phase;

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

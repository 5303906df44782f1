//! The phase countdown: shows minutes and seconds, ticks once a second while running, and says
//! when time is up, on screen and to screen readers, then counts the overrun ("+1:20"). The time
//! itself lives in the core's `Timer`; this only reads the clock to display it.

use gloo_timers::callback::Interval;
use tandem_core::Timer;
use yew::prelude::*;

use crate::browser;
use crate::setup::use_words;

#[derive(Properties, PartialEq)]
pub struct CountdownProps {
    pub timer: Timer,
    pub phase: AttrValue,
    /// The facilitator's buttons; `None` shows the countdown alone (presenter view).
    #[prop_or_default]
    pub controls: Option<CountdownControls>,
}

/// What the timer's buttons do.
#[derive(Clone, PartialEq)]
pub struct CountdownControls {
    pub on_start: Callback<()>,
    pub on_pause: Callback<()>,
    pub on_extend: Callback<()>,
    pub on_reset: Callback<()>,
}

/// `m:ss` for a number of milliseconds, rounding up so a timer never shows 0:00 early.
#[must_use]
pub fn clock(ms: u64) -> String {
    let seconds = ms.div_ceil(1000);
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// `+m:ss` for an overrun, in whole seconds past zero.
#[must_use]
pub fn overrun(ms: u64) -> String {
    let seconds = ms / 1000;
    format!("+{}:{:02}", seconds / 60, seconds % 60)
}

/// The page's clock, read again every `every_ms` while `ticking`.
#[hook]
pub fn use_clock(ticking: bool, every_ms: u32) -> u64 {
    let now = use_state(browser::now_ms);
    {
        let now = now.clone();
        use_effect_with(ticking, move |&ticking| {
            now.set(browser::now_ms());
            let interval =
                ticking.then(|| Interval::new(every_ms, move || now.set(browser::now_ms())));
            move || drop(interval)
        });
    }
    *now
}

#[component]
pub fn Countdown(props: &CountdownProps) -> Html {
    let words = use_words();
    let now = use_clock(props.timer.is_running(), 1000);
    let remaining = props.timer.remaining_ms(now);
    let over = props.timer.is_running() && remaining == 0;
    let button = |label: &'static str, callback: &Callback<()>| {
        html! {
            <button type="button" class="button" onclick={callback.reform(|_: MouseEvent| ())}>{label}</button>
        }
    };
    let shown = if over {
        overrun(props.timer.overrun_ms(now))
    } else {
        clock(remaining)
    };
    let label = if over {
        words.f("timer.over-by", &[("phase", &props.phase)])
    } else {
        words.f("timer.left", &[("phase", &props.phase)])
    };
    html! {
        <div class={classes!("countdown", over.then_some("over"))}>
            <p class="countdown-time" role="timer" aria-label={label}>{shown}</p>
            // Always in the page, so that screen readers announce the message when it comes.
            <p class="countdown-status" aria-live="assertive">
                if over {
                    {words.f("timer.up", &[("phase", &props.phase)])}
                }
            </p>
            if let Some(controls) = &props.controls {
                <div class="countdown-controls" role="group" aria-label={words.t("timer.group")}>
                    if over {
                        // Past zero there is nothing to pause: more time, or a fresh start.
                    } else if props.timer.is_running() {
                        {button(words.t("timer.pause"), &controls.on_pause)}
                    } else {
                        {button(words.t("timer.start"), &controls.on_start)}
                    }
                    {button(words.t("timer.add-minute"), &controls.on_extend)}
                    {button(words.t("timer.reset"), &controls.on_reset)}
                </div>
            }
        </div>
    }
}

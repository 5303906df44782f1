//! The presenter view: what the projector shows. Large type, the current phase and its timer,
//! and after the reveal the group's report, with no facilitator controls and no individual
//! answers. It only reads: it follows the facilitator's window through storage events and never
//! saves anything.

use tandem_core::{Phase, Workshop};
use yew::prelude::*;

use crate::components::Countdown;
use crate::screens::workshop::RevealReport;
use crate::screens::workshops::answer_counts;
use crate::storage;

#[derive(Properties, PartialEq, Clone)]
pub struct PresenterProps {
    pub workshop_id: AttrValue,
}

fn read(id: &str) -> Option<Workshop> {
    storage::load().state.workshops.get(id).cloned()
}

#[component]
pub fn Presenter(props: &PresenterProps) -> Html {
    let workshop = use_state_eq(|| read(&props.workshop_id));
    {
        let (workshop, id) = (workshop.clone(), props.workshop_id.clone());
        use_effect_with(id, move |id| {
            let id = id.clone();
            let listener = storage::on_change(move || workshop.set(read(&id)));
            move || drop(listener)
        });
    }
    let Some(workshop) = &*workshop else {
        return html! {
            <div class="tandem presenter">
                <main class="tandem-main">
                    <h1>{"This workshop is not saved in this browser."}</h1>
                    <p class="lead">{"Open the presenter view from the facilitator's window."}</p>
                </main>
            </div>
        };
    };
    let phase = workshop.phase();
    html! {
        <div class="tandem presenter">
            <main class="tandem-main">
                <p class="presenter-workshop">{&workshop.name}</p>
                <h1>{phase.title()}</h1>
                <Countdown timer={workshop.timer} phase={phase.title()} />
                {content(workshop, phase)}
            </main>
        </div>
    }
}

fn content(workshop: &Workshop, phase: Phase) -> Html {
    match phase {
        Phase::Welcome => html! {
            <ul class="presenter-points">
                <li>{"Answers are anonymous: nobody sees anyone else's."}</li>
                <li>{"Results for Marketing or IT appear only when enough people from each have answered."}</li>
                <li>{"Answer for how things usually go."}</li>
            </ul>
        },
        Phase::Assessment => html! {
            <p class="presenter-count" aria-live="polite">{format!("Answered so far: {}", answer_counts(workshop))}</p>
        },
        Phase::Reveal | Phase::Summary if workshop.revealed => html! {
            <RevealReport workshop={workshop.clone()} />
        },
        Phase::Reveal | Phase::Summary => html! {
            <p class="presenter-count">{"The results will appear here when the facilitator reveals them."}</p>
        },
    }
}

//! The self-assessment's own root, the `self-assessment` entry: the start page, the statements
//! and the report, over [`OwnAction`]. It reads and writes only the self-assessment's parts of
//! storage (the journey, its history, the drafted norms and the retention), never the workshops,
//! so the wasm carries none of the workshops' code. Whatever else the person asks for (the
//! workshops, drafting norms, backups) it hands to the facilitator's entry.

use tandem_core::backup::Backup;
use tandem_core::{Action, OwnAction, Screen, View};
use yew::prelude::*;

use crate::browser;
use crate::hooks::use_title;
use crate::notices::{Notice, notice_view};
use crate::roots::{
    Model, first_notice, frame, hand_over, in_new_tab, self_assessment_title, use_loaded,
    use_saved_own, use_tabs,
};
use crate::routes::Route;
use crate::screens::{
    AssessmentStep, BackupElsewhere, DeleteRow, KeepRow, ReportScreen, StartScreen, YourData,
};
use crate::setup::use_setup;
use crate::storage;

#[component]
pub fn OwnApp() -> Html {
    let setup = use_setup();
    let words = setup.words;
    let loaded = use_loaded(storage::load_own);
    let (loaded, forgotten) = (loaded.0.clone(), loaded.1.clone());
    // A participant's turn this tab holds stays on screen, whatever the address: only its holder
    // ends it, and the facilitator's entry shows it (an embed in self mode has no workshops).
    let in_turn = *use_memo(setup.prefix.clone(), {
        let embedded = setup.embedded;
        move |prefix| !embedded && storage::turn_held_here(prefix).is_some()
    });
    let model = {
        let (loaded, bank) = (loaded.clone(), setup.bank.clone());
        use_reducer(move || {
            let mut state = loaded.state.clone();
            state.fit(&bank);
            Model::<OwnAction>::new(bank, state)
        })
    };
    let notice = use_state_eq(|| first_notice(&loaded, forgotten.as_ref()));
    use_effect_with(in_turn, |in_turn| {
        if *in_turn {
            // In place of this address, so Back does not come here again.
            browser::replace_hash(&Route::Workshops.to_hash());
            browser::reload();
        }
    });
    use_tabs(
        model.clone(),
        storage::load_own,
        OwnAction::Sync,
        notice.clone(),
    );

    let released = use_state_eq(|| 0u32);
    let on_released = {
        let released = released.clone();
        Callback::from(move |()| released.set(*released + 1))
    };
    let rewrites = model.rewrites + *released;
    let state = &model.state;
    use_saved_own(state, rewrites, model.synced, &notice);
    use_title(self_assessment_title(words, &model.bank, state));

    let answer = {
        let model = model.clone();
        Callback::from(move |action: Action| model.dispatch(OwnAction::Answer(action)))
    };
    let on_home = answer.reform(|_: MouseEvent| Action::GoTo(Screen::Start));
    let on_open = {
        let (setup, mode) = (setup.clone(), setup.mode);
        Callback::from(move |view: View| match mode.fit(view) {
            View::SelfAssessment => {}
            other => hand_over(&setup, &Route::of_view(&other)),
        })
    };
    let on_delete = {
        let (model, notice, prefix) = (model.clone(), notice.clone(), setup.prefix.clone());
        Callback::from(move |()| {
            match storage::delete_everything(&prefix) {
                Ok(()) => notice.set(None),
                Err(error) => notice.set(Some(Notice::NotSaved(error))),
            }
            model.dispatch(OwnAction::DeleteEverything);
        })
    };
    // When storage fails, what this page holds (the self-assessment, its runs and norms) can be
    // downloaded as a backup; the workshops are not this page's, and stay as saved.
    let on_export = {
        let (model, notice) = (model.clone(), notice.clone());
        Callback::from(move |()| {
            let now = browser::now_iso();
            let backup = Backup::of(&model.state, Some(now.clone()));
            let name = format!("tandem-backup-{}.json", now.get(..10).unwrap_or("export"));
            if browser::download(&name, "application/json", &backup.to_json()).is_err() {
                notice.set(Some(Notice::DownloadFailed));
            }
        })
    };
    let on_retention = {
        let model = model.clone();
        Callback::from(move |days| model.dispatch(OwnAction::SetRetention(days)))
    };

    let on_finished = {
        let model = model.clone();
        Callback::from(move |()| {
            model.dispatch(OwnAction::RecordRun {
                date: browser::today(),
            });
        })
    };

    let journey = &state.journey;
    let progress = journey.progress(&model.bank);
    let has_data = journey.respondent.is_some() || !state.proposal.is_empty();
    let screen = match (in_turn, journey.screen, journey.respondent.clone()) {
        // Handing over: the turn's page is on its way.
        (true, ..) => Html::default(),
        (false, Screen::Step(_), Some(_)) => html! {
            <AssessmentStep bank={model.bank.clone()} journey={journey.clone()} on_action={answer.clone()} />
        },
        (false, Screen::Report, Some(respondent)) => html! {
            <ReportScreen
                bank={model.bank.clone()}
                {respondent}
                unanswered={progress.total - progress.answered}
                on_edit={answer.reform(|()| Action::GoTo(Screen::Step(0)))}
                on_answer_rest={answer.reform(|()| Action::GoToFirstUnanswered)}
                on_start_over={answer.reform(|()| Action::StartOver)}
                proposal={state.proposal.clone()}
                on_draft_norms={on_open.reform(|()| View::Proposal)}
                on_workshops={(setup.mode == tandem_core::embed::Mode::Both).then(|| on_open.reform(|()| View::Workshops))}
                history={state.history.clone()}
                {on_finished}
            />
        },
        (false, _, respondent) => html! {
            <StartScreen
                {respondent}
                {progress}
                on_begin={answer.reform(|role| Action::Begin {
                    role,
                    respondent_id: browser::random_id(),
                })}
                {on_open}
            />
        },
    };
    let notice = notice_view(words, &notice, has_data.then_some(&on_export), &on_released);
    let footer = html! {
        <YourData>
            <BackupElsewhere href={setup.address(&Route::Data.to_hash())} new_tab={in_new_tab(&setup)} />
            <KeepRow retention={state.retention.days} {on_retention} />
            if has_data {
                <DeleteRow {on_delete} />
            }
        </YourData>
    };
    frame(&setup, Some(on_home), notice, screen, footer)
}

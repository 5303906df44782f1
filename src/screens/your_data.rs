//! "Your data", at the foot of every screen: export everything Tandem keeps in this browser as
//! one backup file, restore a backup (merged in, never wiping), and delete everything. Reading and
//! merging are the core's (`tandem_core::backup`); the root says what a restore did. Each row is
//! a component of its own, so a root shows only the rows its entry holds: the self-assessment's
//! has no backups (they hold workshops), and links to them instead ([`BackupElsewhere`]).

use tandem_core::backup::Backup;
use tandem_core::state::Retention;
use yew::html::ChildrenProps;
use yew::prelude::*;

use crate::browser;
use crate::components::ConfirmButton;
use crate::setup::use_words;

/// The panel; its rows are its children.
#[component]
pub fn YourData(props: &ChildrenProps) -> Html {
    let words = use_words();
    html! {
        <section class="your-data" aria-labelledby={words.region("your-data-title")}>
            {words.heading(2, words.t("data.title")).id("your-data-title").focusable(NodeRef::default())}
            <p>{words.t("app.runs-locally")}</p>
            <div class="data-rows">
                {props.children.clone()}
            </div>
        </section>
    }
}

/// One row: its heading and its controls.
fn row(words: crate::setup::Words, title: &'static str, controls: Html) -> Html {
    html! {
        <div class="data-row">
            {words.heading(3, words.t(title))}
            <div class="data-controls">{controls}</div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct BackupRowProps {
    /// Whether anything is saved: without it there is nothing to export.
    pub has_data: bool,
    pub on_export: Callback<()>,
    /// A backup that was read and checked, to merge in.
    pub on_restore: Callback<Backup>,
    /// Why a chosen file was not restored.
    pub on_refused: Callback<String>,
}

/// Download a backup, and restore one.
#[component]
pub fn BackupRow(props: &BackupRowProps) -> Html {
    let words = use_words();
    let input = use_node_ref();
    let onchange = {
        let input = input.clone();
        let (on_restore, on_refused) = (props.on_restore.clone(), props.on_refused.clone());
        Callback::from(move |_: Event| {
            let Some(element) = input.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            let (on_restore, on_refused) = (on_restore.clone(), on_refused.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = browser::read_chosen_file(words, &element).await;
                element.set_value("");
                match read.and_then(|text| {
                    Backup::from_json(&text).map_err(|invalid| {
                        format!(
                            "{}\n{}",
                            words.t("data.not-restored"),
                            invalid.lines(words.0)
                        )
                    })
                }) {
                    Ok(backup) => on_restore.emit(backup),
                    Err(message) => on_refused.emit(message),
                }
            });
        })
    };
    row(
        words,
        "data.backup-title",
        html! {
            <>
                if props.has_data {
                    <button type="button" class="button" onclick={props.on_export.reform(|_: MouseEvent| ())}>
                        {words.t("data.export")}
                    </button>
                }
                <div class="field">
                    <label for="backup-file">{words.t("data.restore")}</label>
                    <input id="backup-file" type="file" accept=".json,application/json" ref={input} {onchange} />
                </div>
            </>
        },
    )
}

#[derive(Properties, PartialEq)]
pub struct BackupElsewhereProps {
    /// The address of "Your data" in the entry that holds backups.
    pub href: AttrValue,
    /// Whether it opens in a new tab (from an embed).
    pub new_tab: bool,
}

/// Where backups are made and restored, on an entry that holds no workshops to back up.
#[component]
pub fn BackupElsewhere(props: &BackupElsewhereProps) -> Html {
    let words = use_words();
    row(
        words,
        "data.backup-title",
        html! {
            <a class="button" href={props.href.clone()}
               target={props.new_tab.then_some("_blank")}>
                {words.t("data.backup-elsewhere")}
            </a>
        },
    )
}

#[derive(Properties, PartialEq)]
pub struct KeepRowProps {
    /// Days runs and workshops are kept, or `None` for ever.
    pub retention: Option<u32>,
    pub on_retention: Callback<Option<u32>>,
}

/// How long runs and workshops are kept.
#[component]
pub fn KeepRow(props: &KeepRowProps) -> Html {
    let words = use_words();
    row(
        words,
        "data.keep-title",
        html! {
            <div class="field">
                <label for="retention">{words.t("data.keep")}</label>
                <select id="retention" onchange={props.on_retention.reform(|event: Event| {
                    let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
                    select.value().parse().ok()
                })}>
                    <option value="" selected={props.retention.is_none()}>{words.t("data.for-ever")}</option>
                    for days in Retention::CHOICES {
                        <option value={days.to_string()} selected={props.retention == Some(days)}>
                            {words.f("data.days", &[("days", &days)])}
                        </option>
                    }
                </select>
            </div>
        },
    )
}

#[derive(Properties, PartialEq)]
pub struct DeleteRowProps {
    pub on_delete: Callback<()>,
}

/// Delete everything, once confirmed.
#[component]
pub fn DeleteRow(props: &DeleteRowProps) -> Html {
    let words = use_words();
    row(
        words,
        "data.delete-title",
        html! {
            <ConfirmButton
                label={words.t("data.delete")}
                question={words.t("data.delete-question")}
                confirm_label={words.t("data.delete-confirm")}
                on_confirm={props.on_delete.clone()}
            />
        },
    )
}

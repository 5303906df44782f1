//! What the person must be told about their data: a value kept aside, a save that failed, a
//! download that did not start, a response link that was received. Owns the wording; the root
//! decides when a notice appears.

use yew::prelude::*;

use crate::browser;
use crate::setup::Words;
use crate::storage::{self, Quarantined, SaveError};

/// Something the person must know about their saved data.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// What was saved could not be read, or was saved by a newer Tandem: each such value was
    /// kept aside, or held where it was when there was no room for a copy, and each can be
    /// downloaded.
    Quarantined(Vec<Quarantined>),
    /// The latest change could not be saved.
    NotSaved(SaveError),
    /// The results file could not be offered.
    DownloadFailed,
    /// What became of a response link opened on this device.
    Response(String),
    /// What happened to the saved data: what a restored backup added or why it was refused,
    /// what another tab's later save replaced.
    Told(String),
}

/// The current notice, if any. `on_export` (everything, as one backup) is offered wherever the
/// advice is to download, when there is something to download.
pub fn notice_view(
    words: Words,
    notice: &UseStateHandle<Option<Notice>>,
    on_export: Option<&Callback<()>>,
    on_released: &Callback<()>,
) -> Html {
    let Some(current) = (**notice).clone() else {
        return html! { <div class="notices" role="status"></div> };
    };
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| notice.set(None))
    };
    let download_results = on_export.map_or_else(Html::default, |on_export| {
        html! {
            <button type="button" class="link" onclick={on_export.reform(|_: MouseEvent| ())}>
                {words.t("notice.export-now")}
            </button>
        }
    });
    // A value held in place is not dismissed before it is downloaded: it is what stops the
    // saving, and the way to end that.
    let held = matches!(&current, Notice::Quarantined(values)
        if values.iter().any(|value| storage::is_held(&value.key)));
    let (text, extra) = match current {
        Notice::Quarantined(values) => quarantined(words, notice, &values, on_released),
        Notice::NotSaved(error) => (not_saved_text(words, &error), download_results),
        Notice::Response(message) | Notice::Told(message) => (message, Html::default()),
        Notice::DownloadFailed => (
            words.t("notice.download-failed").to_owned(),
            Html::default(),
        ),
    };
    html! {
        <div class="notices" role="status">
            <div class="notice">
                <p>{text}{" "}{extra}</p>
                if !held {
                    <button type="button" class="link" onclick={dismiss}>{words.t("notice.dismiss")}</button>
                }
            </div>
        </div>
    }
}

/// The words and download buttons for values that could not be read: one button per value, so
/// every one of them can be had, and for a value held in place (no room for a copy), what that
/// means for saving until it is downloaded.
fn quarantined(
    words: Words,
    notice: &UseStateHandle<Option<Notice>>,
    values: &[Quarantined],
    on_released: &Callback<()>,
) -> (String, Html) {
    // Unreadable values are the graver news; a newer one among them is named too.
    let newer = values.iter().any(|value| value.newer.is_some());
    let unreadable = values.iter().any(|value| value.newer.is_none());
    let mut text = if unreadable {
        words.t("notice.unreadable")
    } else {
        words.t("notice.newer")
    }
    .to_owned();
    if unreadable && newer {
        text.push(' ');
        text.push_str(words.t("notice.also-newer"));
    }
    if values.iter().any(|value| value.held) {
        text.push(' ');
        text.push_str(words.t("notice.held"));
    }
    let several = values.len() > 1;
    let buttons = values.iter().enumerate().map(|(index, value)| {
        let on_download = {
            let (notice, on_released) = (notice.clone(), on_released.clone());
            let (key, raw, held) = (value.key.clone(), value.raw.clone(), value.held);
            let name = format!("tandem-unreadable-{}.txt", index + 1);
            Callback::from(move |_: MouseEvent| {
                if browser::download(&name, "text/plain", &raw).is_err() {
                    notice.set(Some(Notice::DownloadFailed));
                } else if held {
                    storage::release(&key);
                    on_released.emit(());
                }
            })
        };
        let label = if value.newer.is_some() {
            words.t("notice.download-saved")
        } else {
            words.t("notice.download-unreadable")
        };
        let label = if several {
            words.f(
                "notice.download-numbered",
                &[
                    ("label", &label),
                    ("part", &storage::part_of(&value.key)),
                    ("number", &(index + 1)),
                    ("count", &values.len()),
                ],
            )
        } else {
            label.to_owned()
        };
        html! {
            <>{" "}<button type="button" class="link" onclick={on_download}>{label}</button></>
        }
    });
    (text, html! { <span class="downloads">{for buttons}</span> })
}

/// Why the latest change was not saved, and what to do about it.
fn not_saved_text(words: Words, error: &SaveError) -> String {
    match error {
        SaveError::Full => words.t("notice.full").to_owned(),
        SaveError::Held => words.t("notice.held").to_owned(),
        SaveError::Unavailable => words.t("notice.unavailable").to_owned(),
        SaveError::Other(reason) => words.f("notice.other", &[("reason", reason)]),
    }
}

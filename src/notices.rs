//! What the person must be told about their data: a value kept aside, a save that failed, a
//! download that did not start, a response link that was received. Owns the wording; the root
//! decides when a notice appears.

use yew::prelude::*;

use crate::browser;
use crate::setup::Words;
use crate::storage::SaveError;

/// Something the person must know about their saved data.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// What was saved could not be read, or was saved by a newer Tandem; it was kept aside and
    /// can be downloaded.
    Quarantined { raw: String, newer: bool },
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
    let (text, extra) = match current {
        Notice::Quarantined { raw, newer } => {
            let on_download = {
                let notice = notice.clone();
                Callback::from(move |_: MouseEvent| {
                    if browser::download("tandem-unreadable-answers.txt", "text/plain", &raw)
                        .is_err()
                    {
                        notice.set(Some(Notice::DownloadFailed));
                    }
                })
            };
            (
                if newer {
                    words.t("notice.newer")
                } else {
                    words.t("notice.unreadable")
                }
                .to_owned(),
                html! {
                    <button type="button" class="link" onclick={on_download}>
                        {if newer { words.t("notice.download-saved") } else { words.t("notice.download-unreadable") }}
                    </button>
                },
            )
        }
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
                <button type="button" class="link" onclick={dismiss}>{words.t("notice.dismiss")}</button>
            </div>
        </div>
    }
}

/// Why the latest change was not saved, and what to do about it.
fn not_saved_text(words: Words, error: &SaveError) -> String {
    match error {
        SaveError::Full => words.t("notice.full").to_owned(),
        SaveError::Unavailable => words.t("notice.unavailable").to_owned(),
        SaveError::Other(reason) => words.f("notice.other", &[("reason", reason)]),
    }
}

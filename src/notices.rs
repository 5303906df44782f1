//! What the person must be told about their data: a value kept aside, a save that failed, a
//! download that did not start, a response link that was received. Owns the wording; the root
//! decides when a notice appears.

use yew::prelude::*;

use crate::browser;
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
                {"Export everything now"}
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
                    "The answers saved in this browser were saved by a newer version of Tandem, \
                     which this version cannot read, so Tandem started afresh. They have been \
                     kept aside unchanged: download them, or open them in the newer version."
                } else {
                    "The answers saved in this browser could not be read, so Tandem started \
                     afresh. The unreadable copy has been kept aside, not deleted."
                }
                .to_owned(),
                html! {
                    <button type="button" class="link" onclick={on_download}>
                        {if newer { "Download the saved copy" } else { "Download the unreadable copy" }}
                    </button>
                },
            )
        }
        Notice::NotSaved(error) => (not_saved_text(&error), download_results),
        Notice::Response(message) | Notice::Told(message) => (message, Html::default()),
        Notice::DownloadFailed => (
            "The browser did not start the download. Please try again.".to_owned(),
            Html::default(),
        ),
    };
    html! {
        <div class="notices" role="status">
            <div class="notice">
                <p>{text}{" "}{extra}</p>
                <button type="button" class="link" onclick={dismiss}>{"Dismiss"}</button>
            </div>
        </div>
    }
}

/// Why the latest change was not saved, and what to do about it.
fn not_saved_text(error: &SaveError) -> String {
    match error {
        SaveError::Full => "This browser's storage is full, so your latest change could not be \
                            saved. Everything is kept in this tab: export it before closing it."
            .to_owned(),
        SaveError::Unavailable => "This browser is not letting Tandem save (private browsing or a \
                                   blocked frame). You can carry on: your work lasts until this \
                                   tab is closed, so export it before you go."
            .to_owned(),
        SaveError::Other(reason) => format!(
            "Your latest change could not be saved ({reason}). Everything is kept in this tab: \
             export it before closing it."
        ),
    }
}

//! What one mount of Tandem was asked for, and where it lives: the page's own Tandem
//! (`index.html`, settings from the address's query) or an embed in a host page (settings from
//! its element's attributes, rendered into a Shadow DOM root). Each mount gets a [`Setup`] as
//! Yew context: its storage prefix, its question bank, its language and the address its links
//! to the other pages start from. Two embeds on one page get two setups and never meet.

use std::fmt::Display;
use std::rc::Rc;

use tandem_core::Bank;
use tandem_core::embed::{BankSource, Mode, Settings, Theme};
use tandem_core::i18n::Locale;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::storage;

/// The words of one language (see [`tandem_core::i18n`]), and where this mount's headings and
/// regions sit in the page's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Words(pub Locale, pub Outline);

/// Where a mount's headings and regions sit in the page around it. The page's own Tandem starts
/// at `h1` and names its regions; an embed's top headings take the level its host asks for
/// (`data-heading-level`), and its screens' parts are not regions of their own: the embed is
/// one region of the host page, named by `data-label`, so two embeds on a page do not repeat
/// the same landmarks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outline {
    /// The level of the top headings, 1 to 3.
    pub top: u8,
    /// Whether the screens' labelled parts are regions (landmarks).
    pub regions: bool,
}

impl Default for Outline {
    fn default() -> Self {
        Outline {
            top: 1,
            regions: true,
        }
    }
}

const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
const LEVELS: [&str; 6] = ["1", "2", "3", "4", "5", "6"];

impl Words {
    /// The tag of a heading that is at `level` on Tandem's own page: `h2` for `h1` in an embed
    /// under the host's `h1`.
    #[must_use]
    fn h(self, level: u8) -> &'static str {
        let at = usize::from(level.max(1) + self.1.top.max(1) - 2);
        HEADINGS[at.min(HEADINGS.len() - 1)]
    }

    /// A heading at `level` of Tandem's outline (1 to 6), in the tag an embed moves it down to
    /// ([`Words::h`]), with `data-level` for its look: `{words.heading(2, text).id("x")}`.
    #[must_use]
    pub fn heading(self, level: u8, content: impl Into<Html>) -> Heading {
        Heading {
            tag: self.h(level),
            level: LEVELS[usize::from(level.clamp(1, 6) - 1)],
            id: None,
            class: None,
            focus: None,
            content: content.into(),
        }
    }

    /// `aria-labelledby` for a screen's part labelled by the heading `id`: a named region on
    /// Tandem's own page, a plain part in an embed.
    #[must_use]
    pub fn region(self, id: impl Into<AttrValue>) -> Option<AttrValue> {
        self.1.regions.then(|| id.into())
    }

    /// The text for `key`.
    #[must_use]
    pub fn t(self, key: &'static str) -> &'static str {
        self.0.text(key)
    }

    /// The text for `key` with its `{name}` placeholders filled.
    #[must_use]
    pub fn f(self, key: &'static str, values: &[(&str, &dyn Display)]) -> String {
        self.0.format(key, values)
    }

    /// A date as this language writes it.
    #[must_use]
    pub fn date(self, date: chrono::NaiveDate) -> String {
        self.0.long_date(date)
    }

    /// The name of a function people work in.
    #[must_use]
    pub fn role(self, role: tandem_core::Role) -> &'static str {
        role.label(self.0)
    }

    /// A figure with one decimal, as this language writes it.
    #[must_use]
    pub fn figure(self, value: f64) -> String {
        self.0.figure(value)
    }

    /// A difference with its sign and one decimal, as this language writes it.
    #[must_use]
    pub fn signed(self, value: f64) -> String {
        self.0.signed(value)
    }
}

/// A heading of [`Words::heading`], with what it may carry: an `id`, a `class`, and focus from
/// code. Built here once, where html!'s dynamic tag (`<@{tag}>`) would expand to three
/// constructors at each of the app's fifty headings.
pub struct Heading {
    tag: &'static str,
    level: &'static str,
    id: Option<AttrValue>,
    class: Option<&'static str>,
    /// Set when code may focus the heading (not Tab: `tabindex="-1"`), through this ref if any.
    focus: Option<NodeRef>,
    content: Html,
}

impl Heading {
    #[must_use]
    pub fn id(mut self, id: impl Into<AttrValue>) -> Self {
        self.id = Some(id.into());
        self
    }

    #[must_use]
    pub fn class(mut self, class: &'static str) -> Self {
        self.class = Some(class);
        self
    }

    /// Focusable from code, as a heading that takes focus when its screen opens or when the
    /// control that had focus goes away; `node_ref` is how the code reaches it (a default one
    /// when it goes by the heading's id).
    #[must_use]
    pub fn focusable(mut self, node_ref: NodeRef) -> Self {
        self.focus = Some(node_ref);
        self
    }
}

impl From<Heading> for Html {
    fn from(heading: Heading) -> Html {
        use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag};
        let attribute = |value: AttrValue| AttributeOrProperty::Attribute(value);
        let mut tag = VTag::new(AttrValue::Static(heading.tag));
        tag.attributes = Attributes::Dynamic {
            keys: &["data-level", "id", "class", "tabindex"],
            values: Box::new([
                Some(attribute(AttrValue::Static(heading.level))),
                heading.id.map(attribute),
                heading
                    .class
                    .map(|class| attribute(AttrValue::Static(class))),
                heading
                    .focus
                    .is_some()
                    .then(|| attribute(AttrValue::Static("-1"))),
            ]),
        };
        tag.node_ref = heading.focus.unwrap_or_default();
        tag.add_child(heading.content);
        tag.into()
    }
}

/// One mount's settings and surroundings.
#[derive(Debug, Clone, PartialEq)]
pub struct Setup {
    pub mode: Mode,
    /// Where this mount's data lives in storage; see [`storage`].
    pub prefix: Rc<str>,
    pub bank: Rc<Bank>,
    pub words: Words,
    /// The page's own Tandem, without `#…`, for links to the presenter view, the printable
    /// pages and the join page. For an embed it is `index.html` beside the loader, with the
    /// embed's namespace and bank in its query, so those pages open the same data.
    pub page: Rc<str>,
    /// Whether this mount is an embed in someone else's page. An embed does not claim the
    /// page's landmarks: its main part, header and footer are plain elements, since the host
    /// page has its own `main`.
    pub embedded: bool,
    /// What an embed's region is called among the host page's landmarks (`data-label`).
    pub label: Rc<str>,
    /// An embed's shadow root, where its elements are looked up by id: never the host page's
    /// document, whose ids are its own.
    pub root: Option<web_sys::ShadowRoot>,
}

impl Setup {
    /// The address of one of the other pages: `page` followed by `hash`.
    #[must_use]
    pub fn address(&self, hash: &str) -> String {
        format!("{}{hash}", self.page)
    }
}

/// This mount's setup.
///
/// # Panics
/// Outside a mount; every root is rendered inside its setup.
#[hook]
pub fn use_setup() -> Setup {
    use_context::<Setup>().expect("every root is rendered inside its Setup")
}

/// This mount's words; English where a component is rendered alone (the browser tests).
#[hook]
pub fn use_words() -> Words {
    use_context::<Setup>()
        .map(|setup| setup.words)
        .unwrap_or_default()
}

/// Why a mount could not start, for the author of the host page.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct Problem {
    pub words: Words,
    /// As [`Setup::embedded`].
    pub embedded: bool,
    /// One line per thing to fix.
    pub lines: Vec<String>,
}

/// The browser's preferred languages, most preferred first.
fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if tags.is_empty()
        && let Some(tag) = navigator.language()
    {
        tags.push(tag);
    }
    tags
}

/// Reads a mount's settings and loads its language and bank. `attribute` reads the element's
/// attributes (or the page's query); `page` is the address links start from; `base` is the
/// address of `dist/` (empty for the page's own Tandem, which is in it).
///
/// # Errors
/// A [`Problem`] naming the attribute or the bank's mistakes, in the mount's language.
pub async fn load(
    attribute: impl Fn(&str) -> Option<String>,
    page: impl FnOnce(&Settings) -> String,
    base: &str,
    embedded: bool,
) -> Result<(Setup, Theme), Problem> {
    // The language asked for by `lang` when Tandem speaks it (a wrong attribute is then told in
    // it), else the browser's.
    let wanted = attribute("lang")
        .and_then(|tag| Locale::of_tag(&tag))
        .unwrap_or_else(|| Locale::negotiate(&browser_languages()));
    let words = language(wanted, base).await;
    let settings = Settings::read(&attribute).map_err(|bad| Problem {
        embedded,
        words,
        lines: vec![bad.message(words.0)],
    })?;
    let prefix = settings.storage_prefix();
    let bank = match &settings.bank {
        // An embed without a bank of its own uses the default, and forgets one it had before,
        // so the pages opened from it do too.
        None if embedded => {
            storage::save_bank(&prefix, None).ok();
            Bank::default_bank_in(words.0)
        }
        // The page's own Tandem uses the bank its namespace's embed keeps (see `save_bank`).
        None => storage::load_bank(&prefix)
            .and_then(|text| Bank::from_json(&text).ok())
            .unwrap_or_else(|| Bank::default_bank_in(words.0)),
        Some(source) => {
            let text = bank_text(words, source).await.map_err(|line| Problem {
                embedded,
                words,
                lines: vec![line],
            })?;
            let bank = Bank::from_json(&text).map_err(|invalid| Problem {
                embedded,
                words,
                lines: std::iter::once(
                    words.f("embed.bank-invalid", &[("source", &describe(source))]),
                )
                .chain(invalid.0.iter().map(|problem| problem.line(words.0)))
                .collect(),
            })?;
            // Without storage the pages opened from here use the default bank; the embed itself
            // still works.
            storage::save_bank(&prefix, Some(&text)).ok();
            bank
        }
    };
    let words = Words(
        words.0,
        Outline {
            top: settings.heading_level,
            regions: !embedded,
        },
    );
    let setup = Setup {
        mode: settings.mode,
        prefix: prefix.into(),
        bank: Rc::new(bank),
        words,
        page: page(&settings).into(),
        embedded,
        label: settings.region_label().into(),
        root: None,
    };
    Ok((setup, settings.theme))
}

/// The words of `wanted`. A language that is not built in is fetched from `base` first (its
/// catalogue and default bank, `languages/` in `dist/`); when that fails, English, so Tandem
/// still starts.
async fn language(wanted: Locale, base: &str) -> Words {
    if wanted.is_ready() {
        return Words(wanted, Outline::default());
    }
    let tag = wanted.tag();
    // Why a file failed is not shown: the page then speaks English.
    let english = Words(Locale::En, Outline::default());
    let catalogue = fetch_text(english, &format!("{base}languages/{tag}.txt"));
    let bank = fetch_text(english, &format!("{base}languages/default.{tag}.json"));
    let provided = match (catalogue.await, bank.await) {
        (Ok(catalogue), Ok(bank)) => {
            tandem_core::language::provide(wanted, catalogue, bank).is_ok()
        }
        _ => false,
    };
    Words(
        if provided { wanted } else { Locale::En },
        Outline::default(),
    )
}

fn describe(source: &BankSource) -> String {
    match source {
        BankSource::Inline(id) => format!("#{id}"),
        BankSource::File(address) => address.clone(),
    }
}

/// The text of a host's bank: the content of the element with the id, or the file's.
async fn bank_text(words: Words, source: &BankSource) -> Result<String, String> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    match source {
        BankSource::Inline(id) => document
            .get_element_by_id(id)
            .and_then(|element| element.text_content())
            .ok_or_else(|| words.f("embed.bank-no-element", &[("id", id)])),
        BankSource::File(address) => {
            // Only a file of this site: a link must not be able to put someone else's questions
            // (or requests) into Tandem.
            let url = web_sys::Url::new_with_base(
                address,
                &document.base_uri().ok().flatten().unwrap_or_default(),
            )
            .map_err(|_| words.f("embed.bank-not-address", &[("address", address)]))?;
            let here = web_sys::window().and_then(|window| window.location().origin().ok());
            if Some(url.origin()) != here {
                return Err(words.f("embed.bank-other-site", &[("address", address)]));
            }
            fetch_text(words, &url.href()).await.map_err(|why| {
                words.f(
                    "embed.bank-not-loaded",
                    &[("address", address), ("why", &why)],
                )
            })
        }
    }
}

/// The text of the file at `address`, a file of this site. The request starts at the call, so
/// two files load at once when both futures are made before either is awaited. A redirect is
/// not followed (it could lead to another site, with a request Tandem never makes), and a
/// response from anywhere but this site is refused.
fn fetch_text(words: Words, address: &str) -> impl Future<Output = Result<String, String>> + use<> {
    let init = web_sys::RequestInit::new();
    init.set_redirect(web_sys::RequestRedirect::Manual);
    let request = web_sys::window()
        .map(|window| JsFuture::from(window.fetch_with_str_and_init(address, &init)));
    let here = web_sys::window().and_then(|window| window.location().origin().ok());
    async move {
        let response: web_sys::Response = request
            .ok_or("no window")?
            .await
            .and_then(JsValue::dyn_into)
            .map_err(|error| describe_error(&error))?;
        if response.type_() == web_sys::ResponseType::Opaqueredirect {
            return Err(words.t("fetch.redirects").to_owned());
        }
        let from = web_sys::Url::new(&response.url())
            .ok()
            .map(|url| url.origin());
        if from.is_none() || from != here {
            return Err(words.t("fetch.other-site").to_owned());
        }
        if !response.ok() {
            return Err(format!("HTTP {}", response.status()));
        }
        let text = response.text().map_err(|error| describe_error(&error))?;
        JsFuture::from(text)
            .await
            .map_err(|error| describe_error(&error))?
            .as_string()
            .ok_or_else(|| words.t("fetch.not-text").to_owned())
    }
}

fn describe_error(error: &JsValue) -> String {
    error.dyn_ref::<js_sys::Error>().map_or_else(
        || format!("{error:?}"),
        |error| String::from(error.message()),
    )
}

/// The query that opens the page's own Tandem with an embed's data: its namespace, language and
/// bank file (as an absolute address). An inline bank travels through storage instead (see
/// [`storage::save_bank`]).
#[must_use]
pub fn query(settings: &Settings, host_page: &str) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return String::new();
    };
    if let Some(namespace) = &settings.namespace {
        params.append("namespace", namespace);
    }
    if let Some(locale) = settings.locale {
        params.append("lang", locale.tag());
    }
    if settings.theme != Theme::Auto {
        params.append("theme", settings.theme.key());
    }
    if let Some(BankSource::File(address)) = &settings.bank {
        let absolute = web_sys::Url::new_with_base(address, host_page)
            .map_or_else(|_| address.clone(), |url| url.href());
        params.append("bank", &absolute);
    }
    let query = String::from(params.to_string());
    if query.is_empty() {
        query
    } else {
        format!("?{query}")
    }
}

/// A setting of the page's own Tandem from its address: `?namespace=team-a&lang=de` is read as
/// the attributes `data-namespace` and `lang` of an embed.
#[must_use]
pub fn query_setting(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name.strip_prefix("data-").unwrap_or(name))
}

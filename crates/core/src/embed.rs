//! What a host page asks of an embedded Tandem, read from the attributes of its element:
//!
//! ```html
//! <div data-tandem data-mode="self" data-namespace="team-a" data-theme="auto" lang="de"
//!      data-bank="#team-bank"></div>
//! ```
//!
//! Reading is pure: the app hands in a lookup for the element's attributes and gets either the
//! settings or a message for the page's author that names the attribute and what it accepts.

use crate::i18n::Locale;
use crate::state::View;

/// Which journeys the embed offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The start screen with both: the self-assessment and workshops.
    #[default]
    Both,
    /// The self-assessment only (`data-mode="self"`).
    SelfAssessment,
    /// Workshops only (`data-mode="workshop"`).
    Workshop,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Both, Mode::SelfAssessment, Mode::Workshop];

    /// The value of `data-mode` that asks for this mode.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Mode::Both => "both",
            Mode::SelfAssessment => "self",
            Mode::Workshop => "workshop",
        }
    }

    /// Whether this mode shows `view`.
    #[must_use]
    pub fn allows(self, view: &View) -> bool {
        match self {
            Mode::Both => true,
            Mode::SelfAssessment => matches!(view, View::SelfAssessment | View::Proposal),
            Mode::Workshop => matches!(view, View::Workshops | View::Workshop(_)),
        }
    }

    /// `view` when this mode shows it, else where this mode starts.
    #[must_use]
    pub fn fit(self, view: View) -> View {
        match self {
            _ if self.allows(&view) => view,
            Mode::Workshop => View::Workshops,
            Mode::Both | Mode::SelfAssessment => View::SelfAssessment,
        }
    }
}

/// The colour scheme: the visitor's (`auto`) or one the host fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The value of `data-theme` that selects this theme in the stylesheet.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Where a host's own question bank comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankSource {
    /// The text of the page's element with this id, typically
    /// `<script type="application/json" id="…">`.
    Inline(String),
    /// A file at this address, relative to the host page (for example a file beside `dist/`).
    File(String),
}

/// Everything the element asks for. Attributes left out take the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub mode: Mode,
    /// Keeps this embed's data apart from every other namespace on the same site.
    pub namespace: Option<String>,
    pub theme: Theme,
    /// The language asked for by `lang`; `None` follows the browser.
    pub locale: Option<Locale>,
    pub bank: Option<BankSource>,
    /// The level of the embed's top headings (`data-heading-level`): 1 for an `h1`, 2 when the
    /// embed sits under the host's own `h1`, and so on; every heading below moves down with it.
    pub heading_level: u8,
    /// What the embed's region is called among the host page's landmarks (`data-label`); two
    /// embeds on one page each get their own. `None`: "Tandem", with the namespace if any.
    pub label: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            mode: Mode::default(),
            namespace: None,
            theme: Theme::default(),
            locale: None,
            bank: None,
            heading_level: 1,
            label: None,
        }
    }
}

/// The deepest top heading level an embed takes: its headings go three levels below the top,
/// and HTML has six.
pub const HEADING_LEVEL_MAX: u8 = 3;

/// The longest `data-label` accepted.
pub const LABEL_MAX: usize = 80;

/// An attribute the host page set to a value Tandem does not accept, said to the page's author
/// in place of the widget.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Locale::En))]
pub struct BadAttribute {
    pub attribute: &'static str,
    pub value: String,
    /// What the attribute accepts: a catalogue key.
    pub expected: &'static str,
}

impl BadAttribute {
    /// `data-mode="solo": use "self", "workshop" or "both"`, in `locale`.
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        format!(
            "{}=\"{}\": {}",
            self.attribute,
            self.value,
            locale.text(self.expected)
        )
    }
}

/// The longest namespace accepted; storage keys stay short.
pub const NAMESPACE_MAX: usize = 40;

impl Settings {
    /// Reads the settings from an element's attributes; `attribute` returns an attribute's value
    /// when the element has it.
    ///
    /// # Errors
    /// The first attribute with a value Tandem does not accept.
    pub fn read(attribute: impl Fn(&str) -> Option<String>) -> Result<Settings, BadAttribute> {
        let mode = value_of(&attribute, "data-mode", MODE_EXPECTED, |value| {
            keyword(value, &Mode::ALL.map(|mode| (mode.key(), mode)))
        })?
        .unwrap_or_default();
        let namespace = value_of(&attribute, "data-namespace", NAMESPACE_EXPECTED, |value| {
            valid_namespace(value).then(|| value.to_owned())
        })?;
        let theme = value_of(&attribute, "data-theme", THEME_EXPECTED, |value| {
            keyword(value, &Theme::ALL.map(|theme| (theme.key(), theme)))
        })?
        .unwrap_or_default();
        // An empty `lang` asks for nothing, like none.
        let locale = value_of(&attribute, "lang", LANG_EXPECTED, |value| {
            if value.is_empty() {
                Some(None)
            } else {
                Locale::of_tag(value).map(Some)
            }
        })?
        .flatten();
        let bank = value_of(&attribute, "data-bank", BANK_EXPECTED, |value| {
            if value.is_empty() || value == "#" {
                return None;
            }
            Some(match value.strip_prefix('#') {
                Some(id) => BankSource::Inline(id.to_owned()),
                None => BankSource::File(value.to_owned()),
            })
        })?;
        let heading_level = value_of(
            &attribute,
            "data-heading-level",
            HEADING_LEVEL_EXPECTED,
            |value| {
                value
                    .parse()
                    .ok()
                    .filter(|level| (1..=HEADING_LEVEL_MAX).contains(level))
            },
        )?
        .unwrap_or(1);
        let label = value_of(&attribute, "data-label", LABEL_EXPECTED, |value| {
            (!value.is_empty()
                && value.chars().count() <= LABEL_MAX
                && !value.chars().any(char::is_control))
            .then(|| value.to_owned())
        })?;
        Ok(Settings {
            mode,
            namespace,
            theme,
            locale,
            bank,
            heading_level,
            label,
        })
    }

    /// What the embed's region is called: its `data-label`, else "Tandem" with the namespace.
    #[must_use]
    pub fn region_label(&self) -> String {
        match (&self.label, &self.namespace) {
            (Some(label), _) => label.clone(),
            (None, Some(namespace)) => format!("Tandem ({namespace})"),
            (None, None) => "Tandem".to_owned(),
        }
    }

    /// The start of every storage key this embed writes. The page's own Tandem (no namespace)
    /// keeps `tandem.`; a namespace `team-a` writes under `tandem:team-a.`, which no other
    /// namespace's keys start with.
    #[must_use]
    pub fn storage_prefix(&self) -> String {
        storage_prefix(self.namespace.as_deref())
    }
}

// What each attribute accepts, as catalogue keys.
const MODE_EXPECTED: &str = "embed.expected.mode";
const NAMESPACE_EXPECTED: &str = "embed.expected.namespace";
const THEME_EXPECTED: &str = "embed.expected.theme";
const LANG_EXPECTED: &str = "embed.expected.lang";
const HEADING_LEVEL_EXPECTED: &str = "embed.expected.heading-level";
const LABEL_EXPECTED: &str = "embed.expected.label";
const BANK_EXPECTED: &str = "embed.expected.bank";

/// The attribute `name` read by `parse` (given the trimmed value): `None` when the element does
/// not have it, an error naming it and what it accepts when `parse` refuses the value.
fn value_of<T>(
    attribute: impl Fn(&str) -> Option<String>,
    name: &'static str,
    expected: &'static str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, BadAttribute> {
    attribute(name)
        .map(|value| {
            parse(value.trim()).ok_or(BadAttribute {
                attribute: name,
                value,
                expected,
            })
        })
        .transpose()
}

/// The choice named `value` among `choices` (keyword, choice); an empty value is the default.
fn keyword<T: Copy + Default>(value: &str, choices: &[(&str, T)]) -> Option<T> {
    if value.is_empty() {
        return Some(T::default());
    }
    choices
        .iter()
        .find(|(key, _)| *key == value)
        .map(|(_, choice)| *choice)
}

/// The start of every storage key for `namespace`; see [`Settings::storage_prefix`].
#[must_use]
pub fn storage_prefix(namespace: Option<&str>) -> String {
    match namespace {
        None => "tandem.".to_owned(),
        Some(namespace) => format!("tandem:{namespace}."),
    }
}

/// Whether `value` may name a namespace: 1 to [`NAMESPACE_MAX`] ASCII letters, digits, `-` or
/// `_`, so it can sit in a storage key and an address unescaped.
#[must_use]
pub fn valid_namespace(value: &str) -> bool {
    (1..=NAMESPACE_MAX).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> Result<Settings, BadAttribute> {
        Settings::read(|name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        })
    }

    #[test]
    fn an_element_with_no_settings_gets_the_defaults() {
        assert_eq!(read(&[]), Ok(Settings::default()));
        assert_eq!(Settings::default().storage_prefix(), "tandem.");
        assert_eq!(Settings::default().heading_level, 1);
        assert_eq!(Settings::default().region_label(), "Tandem");
    }

    #[test]
    fn the_heading_level_and_label_are_read_and_checked() {
        let settings = read(&[
            ("data-heading-level", " 2 "),
            ("data-label", "Team A's check"),
        ])
        .unwrap();
        assert_eq!(settings.heading_level, 2);
        assert_eq!(settings.region_label(), "Team A's check");
        let named = read(&[("data-namespace", "team-b")]).unwrap();
        assert_eq!(named.region_label(), "Tandem (team-b)");
        for level in ["0", "4", "two", "-1", ""] {
            let refused = read(&[("data-heading-level", level)]).unwrap_err();
            assert_eq!(refused.attribute, "data-heading-level", "{level:?}");
        }
        for label in ["", "\u{7}bell", &"x".repeat(81)] {
            let refused = read(&[("data-label", label)]).unwrap_err();
            assert_eq!(refused.attribute, "data-label", "{label:?}");
        }
    }

    #[test]
    fn every_attribute_is_read() {
        let settings = read(&[
            ("data-mode", "self"),
            ("data-namespace", "team-a"),
            ("data-theme", "dark"),
            ("lang", "de-AT"),
            ("data-bank", "#team-bank"),
        ])
        .unwrap();
        assert_eq!(settings.mode, Mode::SelfAssessment);
        assert_eq!(settings.namespace.as_deref(), Some("team-a"));
        assert_eq!(settings.theme, Theme::Dark);
        assert_eq!(settings.locale, Some(Locale::De));
        assert_eq!(
            settings.bank,
            Some(BankSource::Inline("team-bank".to_owned()))
        );
        assert_eq!(settings.storage_prefix(), "tandem:team-a.");
        assert_eq!(
            read(&[("data-mode", "workshop"), ("data-bank", "banks/sales.json")])
                .unwrap()
                .bank,
            Some(BankSource::File("banks/sales.json".to_owned()))
        );
    }

    #[test]
    fn a_mode_shows_only_its_own_journey() {
        let workshop = View::Workshop("w1".to_owned());
        assert_eq!(Mode::Workshop.fit(View::SelfAssessment), View::Workshops);
        assert_eq!(Mode::Workshop.fit(workshop.clone()), workshop);
        assert_eq!(
            Mode::SelfAssessment.fit(workshop.clone()),
            View::SelfAssessment
        );
        assert_eq!(Mode::SelfAssessment.fit(View::Proposal), View::Proposal);
        assert_eq!(Mode::Both.fit(workshop.clone()), workshop);
        assert!(!Mode::SelfAssessment.allows(&View::Workshops));
    }

    #[test]
    fn namespaces_never_share_a_key_prefix() {
        let prefixes =
            [None, Some("a"), Some("ab"), Some("a-b"), Some("quarantine")].map(storage_prefix);
        for (i, one) in prefixes.iter().enumerate() {
            for (j, other) in prefixes.iter().enumerate() {
                assert!(
                    i == j || !other.starts_with(one.as_str()),
                    "{one} / {other}"
                );
            }
        }
    }

    #[test]
    fn a_bad_value_names_its_attribute_and_what_it_accepts() {
        let error = read(&[("data-namespace", "team a")]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "data-namespace=\"team a\": use 1 to 40 letters, digits, \"-\" or \"_\""
        );
        assert_eq!(
            error.message(Locale::De),
            "data-namespace=\"team a\": erlaubt sind 1 bis 40 Buchstaben, Ziffern, \"-\" oder \"_\""
        );
        assert_eq!(
            read(&[("data-mode", "quiz")]).unwrap_err().attribute,
            "data-mode"
        );
        assert_eq!(
            read(&[("data-theme", "blue")]).unwrap_err().attribute,
            "data-theme"
        );
        assert_eq!(read(&[("lang", "fr")]).unwrap_err().attribute, "lang");
        // Every mode and theme is asked for by its key; an empty value is the default.
        for mode in Mode::ALL {
            assert_eq!(read(&[("data-mode", mode.key())]).unwrap().mode, mode);
        }
        for theme in Theme::ALL {
            assert_eq!(read(&[("data-theme", theme.key())]).unwrap().theme, theme);
        }
        let empty = read(&[("data-mode", " "), ("data-theme", "")]).unwrap();
        assert_eq!((empty.mode, empty.theme), (Mode::Both, Theme::Auto));
        assert_eq!(
            read(&[("data-bank", "#")]).unwrap_err().attribute,
            "data-bank"
        );
        assert!(!valid_namespace(&"x".repeat(41)));
        assert!(!valid_namespace(""));
        assert!(!valid_namespace("a.b"));
    }
}

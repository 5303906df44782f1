//! Precise, located messages for bad input: a question bank, a workshop document or a backup
//! with a mistake. Owns the path notation (`respondents[3].answers["q7"]`), how a serde error
//! becomes a [`Problem`], and that every problem is a catalogue message, so each person reads it
//! in their language; it knows nothing of what makes a bank or document valid.

use std::fmt::{self, Display, Write as _};

use crate::i18n::Locale;

/// One thing wrong with an input, and where it is: a catalogue key and its values, written for
/// the person who made the file when [`Problem::message`] is asked for in their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the input, e.g. `respondents[3].answers["q7"]`; empty for the input as a whole.
    pub path: String,
    /// The catalogue key of what is wrong there (`problem.empty`).
    pub key: &'static str,
    /// The values its text names, already written out (ids, numbers, what serde found).
    pub values: Vec<(&'static str, String)>,
}

impl Problem {
    /// A problem whose text names no value.
    pub fn new(path: impl Into<String>, key: &'static str) -> Self {
        Self::with(path, key, &[])
    }

    /// A problem whose text names `values`.
    pub fn with(
        path: impl Into<String>,
        key: &'static str,
        values: &[(&'static str, &dyn Display)],
    ) -> Self {
        Self {
            path: path.into(),
            key,
            values: values
                .iter()
                .map(|(name, value)| (*name, value.to_string()))
                .collect(),
        }
    }

    /// The same problem, found inside `parent` (a backup's workshop, one of several files).
    #[must_use]
    pub fn inside(mut self, parent: &str) -> Self {
        self.path = if self.path.is_empty() {
            parent.to_owned()
        } else if self.path.starts_with('[') {
            format!("{parent}{}", self.path)
        } else {
            at_field(parent, &self.path)
        };
        self
    }

    /// What is wrong, in `locale`, without the path.
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let values: Vec<(&str, &dyn Display)> = self
            .values
            .iter()
            .map(|(name, value)| (*name, value as &dyn Display))
            .collect();
        let mut message = locale.format(self.key, &values);
        for (marker, key) in KINDS {
            if message.contains(marker) {
                message = message.replace(marker, locale.text(key));
            }
        }
        message
    }

    /// The path and what is wrong there, in `locale`.
    #[must_use]
    pub fn line(&self, locale: Locale) -> String {
        if self.path.is_empty() {
            self.message(locale)
        } else {
            format!("{}: {}", self.path, self.message(locale))
        }
    }
}

/// In English, for the command line and the tests.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Locale::En))
    }
}

/// An input was refused; nothing was changed. Holds every problem found, in input order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.lines(Locale::En))]
pub struct Invalid(pub Vec<Problem>);

impl Invalid {
    /// One problem, for the input as a whole or at its path.
    #[must_use]
    pub fn one(problem: Problem) -> Self {
        Invalid(vec![problem])
    }

    /// Every problem, one per line, in `locale`.
    #[must_use]
    pub fn lines(&self, locale: Locale) -> String {
        self.0
            .iter()
            .map(|problem| problem.line(locale))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Object fields whose keys are user data (item, dimension or voter ids) rather than field names; their
/// keys are written `["key"]` so an id like `q7` cannot be mistaken for a field.
const KEYED_BY_ID: [&str; 3] = ["answers", "estimates", "votes"];

/// Parses JSON into `T`, turning the first syntax or type error into a located [`Problem`].
///
/// # Errors
/// [`Invalid`] with one problem naming the path and, for syntax errors, the line and column.
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Invalid> {
    serde_json::from_str(text).map_err(|error| invalid_json(text, &error))
}

/// What serde's `error` reading `text` means, as a problem at the path where it is.
#[must_use]
pub fn invalid_json(text: &str, error: &serde_json::Error) -> Invalid {
    if error.is_syntax() || error.is_eof() {
        return Invalid::one(Problem::with(
            "",
            "problem.not-json",
            &[("line", &error.line()), ("column", &error.column())],
        ));
    }
    let mut message = error.to_string();
    // These are about an object or array as a whole, found once it closed; every other
    // error is about the value just read, even when serde then read the bracket after it.
    let whole = message.starts_with("missing field") || message.starts_with("invalid length");
    let path = path_at(text, error.line(), error.column(), whole);
    // The path says where; the line and column serde adds would only repeat it.
    let position = format!(" at line {} column {}", error.line(), error.column());
    if !path.is_empty()
        && let Some(stripped) = message.strip_suffix(&position)
    {
        message.truncate(stripped.len());
    }
    Invalid::one(described(path, &message))
}

/// serde's message as a catalogue problem. What serde found and expected (`string "x"`, `u8`,
/// the values a field takes) is quoted from the file or the format, so it stays as serde wrote
/// it; the sentence around it is the catalogue's.
fn described(path: String, message: &str) -> Problem {
    let quoted = |text: &str| {
        text.split_once('`')
            .and_then(|(_, rest)| rest.split_once('`'))
            .map(|(inside, after)| (inside.to_owned(), after.to_owned()))
    };
    // serde writes "expected one of `a`, `b`", "expected `a`" or "there are no …".
    let expected = |rest: &str| {
        rest.split_once(", expected ")
            .map_or(String::new(), |(_, expected)| {
                expected.trim_start_matches("one of ").to_owned()
            })
    };
    if let Some(rest) = message.strip_prefix("missing field ")
        && let Some((field, _)) = quoted(rest)
    {
        return Problem::with(path, "problem.missing-field", &[("field", &field)]);
    }
    for (prefix, key, name) in [
        ("unknown field ", "problem.unknown-field", "field"),
        ("unknown variant ", "problem.unknown-value", "value"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((quoted, after)) = quoted(rest)
        {
            return Problem::with(
                path,
                key,
                &[(name, &quoted), ("expected", &expected(&after))],
            );
        }
    }
    for (prefix, key) in [
        ("invalid type: ", "problem.invalid-type"),
        ("invalid value: ", "problem.invalid-value"),
        ("invalid length ", "problem.invalid-length"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            return Problem {
                path,
                key,
                values: vec![("found", kind_of(found)), ("expected", kind_of(expected))],
            };
        }
    }
    if let Some(text) = message.strip_suffix(crate::dates::NOT_A_DATE) {
        return Problem::with(path, "problem.date", &[("text", &text)]);
    }
    if let Some(value) = message.strip_suffix(OUT_OF_SCALE) {
        return Problem::with(path, "problem.rating", &[("value", &value)]);
    }
    Problem::with(path, "problem.read", &[("why", &message)])
}

/// The kinds of value serde names, as they stand in a problem's values until it is put in words,
/// and their catalogue keys.
const KINDS: [(&str, &str); 6] = [
    ("{kind.number}", "problem.kind.number"),
    ("{kind.text}", "problem.kind.text"),
    ("{kind.yes-no}", "problem.kind.yes-no"),
    ("{kind.nothing}", "problem.kind.nothing"),
    ("{kind.list}", "problem.kind.list"),
    ("{kind.object}", "problem.kind.object"),
];

/// What serde found or expected, with its type named by a catalogue key (`{kind.number}`) and
/// any value it quotes kept as written: "integer `1`" becomes "{kind.number} `1`", "a string"
/// becomes "{kind.text}". What is not a type (a length, a value's own words) stays as it is.
fn kind_of(text: &str) -> String {
    const NAMED: [(&[&str], &str); 6] = [
        (
            &[
                "integer",
                "u8",
                "u16",
                "u32",
                "u64",
                "i8",
                "i16",
                "i32",
                "i64",
                "f32",
                "f64",
                "floating point",
                "a number",
            ],
            "{kind.number}",
        ),
        (
            &[
                "a string",
                "string",
                "a borrowed string",
                "a character",
                "char",
            ],
            "{kind.text}",
        ),
        (&["a boolean", "boolean"], "{kind.yes-no}"),
        (&["null", "unit value", "unit"], "{kind.nothing}"),
        (&["a sequence", "sequence", "an array"], "{kind.list}"),
        (
            &[
                "a map",
                "map",
                "struct ",
                "internally tagged enum",
                "adjacently tagged enum",
                "enum ",
            ],
            "{kind.object}",
        ),
    ];
    for (words, kind) in NAMED {
        for word in words {
            if let Some(rest) = text.strip_prefix(word)
                && (word.ends_with(' ') || rest.is_empty() || rest.starts_with(' '))
            {
                // A struct's or enum's own name is the program's, not the file's: left out.
                let quoted = rest.trim_start();
                let value = if quoted.starts_with(['`', '"']) {
                    format!(" {quoted}")
                } else {
                    String::new()
                };
                return format!("{kind}{value}");
            }
        }
    }
    text.to_owned()
}

/// How a rating out of 1 to 5 ends its message (see `respondent::OutOfScale`).
pub const OUT_OF_SCALE: &str = " is not between 1 and 5";

/// One open object or array while scanning.
enum Frame {
    /// An object, with the key whose value is being read, if any.
    Object { key: Option<String> },
    /// An array, with the index of the element being read.
    Array { index: usize },
}

/// The path of the value serde was reading when it stopped at `line` and `column` (1-based, the
/// last byte it read; after a bad last value in an object or array, serde has also read the
/// closing bracket, which counts only when the error is about the `whole` container) of `text`, which is valid JSON up to there. Working the path out from
/// the position keeps one `Deserialize` per type in the app: a path-tracking deserializer would
/// add a second.
fn path_at(text: &str, line: usize, column: usize, whole: bool) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let (mut at_line, mut at_column) = (1, 0);
    let mut chars = text.chars();
    // Whether the next string in the innermost object is a key.
    let mut expect_key = false;
    while let Some(c) = chars.next() {
        // serde counts columns in bytes.
        if c == '\n' {
            (at_line, at_column) = (at_line + 1, 0);
        } else {
            at_column += c.len_utf8();
        }
        if (at_line, at_column) > (line, column)
            || ((at_line, at_column) == (line, column) && matches!(c, '}' | ']') && !whole)
        {
            break;
        }
        match c {
            '{' => {
                stack.push(Frame::Object { key: None });
                expect_key = true;
            }
            '[' => stack.push(Frame::Array { index: 0 }),
            '}' | ']' => {
                stack.pop();
                expect_key = false;
            }
            ',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key }) => {
                    *key = None;
                    expect_key = true;
                }
                None => {}
            },
            '"' => {
                let mut string = String::new();
                let mut escaped = false;
                for c in chars.by_ref() {
                    at_column += c.len_utf8();
                    match (escaped, c) {
                        (false, '\\') => escaped = true,
                        (false, '"') => break,
                        (_, c) => {
                            // Keys are ids and field names; an escape inside one is kept as is.
                            string.push(c);
                            escaped = false;
                        }
                    }
                }
                if expect_key && let Some(Frame::Object { key }) = stack.last_mut() {
                    *key = Some(string);
                    expect_key = false;
                }
            }
            _ => {}
        }
    }
    render_path(&stack)
}

fn render_path(stack: &[Frame]) -> String {
    let mut out = String::new();
    let mut previous_key: Option<&str> = None;
    for frame in stack {
        match frame {
            Frame::Array { index } => {
                let _ = write!(out, "[{index}]"); // Writing to a String cannot fail.
                previous_key = None;
            }
            Frame::Object { key: Some(key) } => {
                if previous_key.is_some_and(|parent| KEYED_BY_ID.contains(&parent)) {
                    let _ = write!(out, "[{key:?}]"); // Writing to a String cannot fail.
                } else {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                previous_key = Some(key);
            }
            Frame::Object { key: None } => previous_key = None,
        }
    }
    out
}

/// Builds paths for the checks that come after parsing, in the same notation as parse errors.
#[must_use]
pub fn at_index(parent: &str, index: usize) -> String {
    format!("{parent}[{index}]")
}

#[must_use]
pub fn at_field(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_owned()
    } else {
        format!("{parent}.{field}")
    }
}

#[must_use]
pub fn at_key(parent: &str, key: &str) -> String {
    format!("{parent}[{key:?}]")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Debug, serde::Deserialize)]
    struct Outer {
        #[allow(dead_code)]
        people: Vec<Person>,
    }
    #[derive(Debug, serde::Deserialize)]
    struct Person {
        #[allow(dead_code)]
        answers: BTreeMap<String, u8>,
    }

    #[test]
    fn type_errors_name_the_path_with_ids_in_brackets() {
        let error = parse_json::<Outer>(r#"{"people":[{"answers":{}},{"answers":{"q7":"x"}}]}"#)
            .unwrap_err();
        assert_eq!(error.0[0].path, r#"people[1].answers["q7"]"#);
        assert_eq!(error.0[0].key, "problem.invalid-type", "{error}");
    }

    #[test]
    fn paths_are_found_across_lines_escapes_and_missing_fields() {
        let text = "{\n  \"people\": [\n    {\"answers\": {\"a\\\"b\": 1}},\n    {\"answers\": {\"q\": 300}}\n  ]\n}";
        let error = parse_json::<Outer>(text).unwrap_err();
        assert_eq!(error.0[0].path, r#"people[1].answers["q"]"#);
        assert_eq!(error.0[0].key, "problem.invalid-value", "{error}");
        let error = parse_json::<Outer>(r#"{"people":[{"answers":{}},{}]}"#).unwrap_err();
        assert_eq!(error.0[0].path, "people[1]");
        assert_eq!(error.0[0].message(Locale::En), "missing field `answers`");
        // The bad value last in its map: serde has read the closing brace too.
        let error = parse_json::<Outer>(r#"{"people":[{"answers":{"q":"x"}}]}"#).unwrap_err();
        assert_eq!(error.0[0].path, r#"people[0].answers["q"]"#);
        let error = parse_json::<Outer>(r#"{"people": "none"}"#).unwrap_err();
        assert_eq!(error.0[0].path, "people");
        // Columns count bytes: "×" and "“" before the mistake do not shift it.
        let text = r#"{"people":[{"answers":{"×“":1}},{"answers":{"b":"x"}}]}"#;
        assert_eq!(
            parse_json::<Outer>(text).unwrap_err().0[0].path,
            r#"people[1].answers["b"]"#
        );
    }

    /// serde names the program's types ("i64", "internally tagged enum Timer"); a person reads
    /// the kind of value instead, in their language, with what the file holds quoted as it is.
    #[test]
    fn the_kinds_of_value_are_named_in_words_of_the_language() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(tag = "state")]
        enum Tagged {
            #[allow(dead_code)]
            On,
        }
        let german = |text: &str, parse: fn(&str) -> Result<(), Invalid>| {
            parse(text).unwrap_err().lines(Locale::De)
        };
        assert_eq!(
            german("[1]", |t| parse_json::<Vec<String>>(t).map(drop)),
            "[0]: falscher Typ: eine Zahl `1`, erwartet: Text"
        );
        assert_eq!(
            german(r#""5""#, |t| parse_json::<i64>(t).map(drop)),
            "falscher Typ: Text \"5\", erwartet: eine Zahl"
        );
        assert_eq!(
            german("7", |t| parse_json::<Tagged>(t).map(drop)),
            "falscher Typ: eine Zahl `7`, erwartet: ein Objekt"
        );
        let english = parse_json::<BTreeMap<String, u8>>(r#"{"q": null}"#).unwrap_err();
        assert_eq!(
            english.to_string(),
            "q: invalid type: null, expected a number"
        );
    }

    #[test]
    fn syntax_errors_say_it_is_not_json_and_where() {
        let error = parse_json::<Outer>("{\"people\": [").unwrap_err();
        assert!(error.to_string().contains("not valid JSON"), "{error}");
        assert!(error.to_string().contains("line 1"), "{error}");
    }

    #[test]
    fn trailing_garbage_is_refused() {
        let error = parse_json::<BTreeMap<String, u8>>("{} x").unwrap_err();
        assert!(error.to_string().contains("not valid JSON"), "{error}");
    }
}

//! Precise, located messages for bad input: a question bank or a workshop document with a
//! mistake. Owns the path notation (`respondents[3].answers["q7"]`) and how a serde error becomes
//! a [`Problem`]; it knows nothing of what makes a bank or document valid.

use std::fmt::{self, Write as _};

/// One thing wrong with an input, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the input, e.g. `respondents[3].answers["q7"]`; empty for the input as a whole.
    pub path: String,
    /// What is wrong there, written for the person who made the file.
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// An input was refused; nothing was changed. Holds every problem found, in input order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", list(.0))]
pub struct Invalid(pub Vec<Problem>);

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Object fields whose keys are user data (item, dimension or voter ids) rather than field names; their
/// keys are written `["key"]` so an id like `q7` cannot be mistaken for a field.
const KEYED_BY_ID: [&str; 3] = ["answers", "estimates", "votes"];

/// Parses JSON into `T`, turning the first syntax or type error into a located [`Problem`].
///
/// # Errors
/// [`Invalid`] with one problem naming the path and, for syntax errors, the line and column.
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Invalid> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = render_path(error.path());
        let inner = error.into_inner();
        let mut message = describe(&inner);
        if !path.is_empty() && !inner.is_syntax() {
            // The path says where; the line and column serde adds would only repeat it.
            let position = format!(" at line {} column {}", inner.line(), inner.column());
            if let Some(stripped) = message.strip_suffix(&position) {
                message.truncate(stripped.len());
            }
        }
        Invalid(vec![Problem::new(path, message)])
    })?;
    deserializer
        .end()
        .map_err(|error| Invalid(vec![Problem::new("", describe(&error))]))?;
    Ok(value)
}

fn describe(error: &serde_json::Error) -> String {
    if error.is_syntax() || error.is_eof() {
        format!("this is not valid JSON ({error})")
    } else {
        error.to_string()
    }
}

fn render_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    let mut previous_key: Option<&str> = None;
    for segment in path {
        match segment {
            Segment::Seq { index } => {
                let _ = write!(out, "[{index}]"); // Writing to a String cannot fail.
                previous_key = None;
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
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
            Segment::Unknown => {
                out.push_str(if out.is_empty() { "?" } else { ".?" });
                previous_key = None;
            }
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
        assert!(error.0[0].message.contains("invalid type"), "{}", error);
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

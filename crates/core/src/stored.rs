//! The versions of what Tandem keeps in the browser, and what to do with a stored value. Each
//! value is an envelope `{"schema": n, "<field>": …}`. Reading one decides: use it; bring it up
//! from an older schema one step at a time; or keep it aside untouched, because a newer Tandem
//! wrote it or it cannot be read. The app's storage module acts on the decision. Knows nothing
//! of the browser.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::validation::{Invalid, invalid_json, parse_json};

/// The schema this Tandem writes.
pub const SCHEMA: u32 = 1;

/// One step up: the value of schema `n` (the whole envelope) becomes the value of schema
/// `n + 1`, or says why it cannot.
pub type Migration = fn(Value) -> Result<Value, String>;

/// The steps from each older schema, in order: `MIGRATIONS[0]` takes schema 1 to 2, and so on.
/// Schema 1 is the first; no older values exist yet, so there are no steps. A change to a stored
/// shape bumps [`SCHEMA`] and adds its step here, with a test.
pub const MIGRATIONS: &[Migration] = &[];

/// What to do with a stored value.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision<T> {
    /// Readable as it is.
    Ready(T),
    /// Readable after migrating from an older schema; it should be saved again.
    Migrated { value: T, from: u32 },
    /// Written by a newer Tandem (this schema): keep it aside, never overwrite it.
    Newer(u32),
    /// Not readable: keep it aside and say why.
    Unreadable(Unreadable),
}

/// Why a stored value cannot be read. For the log and the tests: the person is told that a
/// value was kept aside, and offered it to download, not the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    /// The text is not JSON at all.
    #[error("not JSON: {0}")]
    NotJson(String),
    /// The envelope has no schema number.
    #[error("no schema version")]
    NoSchema,
    /// Schema 0, which no Tandem wrote.
    #[error("schema 0 was never written")]
    SchemaZero,
    /// An older schema this Tandem has no step up from.
    #[error("no migration from schema {0}")]
    NoMigration(u32),
    /// A step up refused the value.
    #[error("migrating from schema {from}: {why}")]
    Migration { from: u32, why: String },
    /// The envelope lacks the value's field.
    #[error("no {0:?}")]
    NoField(String),
    /// The value is not what this Tandem stores there.
    #[error("{0}")]
    Invalid(Invalid),
}

/// Decides what to do with the stored text `raw` whose payload is under `field`, migrating with
/// [`MIGRATIONS`].
#[must_use]
pub fn read<T: DeserializeOwned>(raw: &str, field: &str) -> Decision<T> {
    // While there is nothing to migrate from, values are read straight from the text: the
    // migrations' `Value` (its own deserializer and serializer, in every entry) is left out of
    // the wasm. Decided at compile time.
    #[allow(clippy::const_is_empty)]
    if MIGRATIONS.is_empty() {
        read_current(raw, field, SCHEMA)
    } else {
        read_with(raw, field, SCHEMA, MIGRATIONS)
    }
}

/// The envelope's schema number, read on its own: every other field is skipped unread.
/// `None` when it is missing or not a whole number.
struct Header(Option<u64>);

impl<'de> serde::Deserialize<'de> for Header {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Header, D::Error> {
        deserializer.deserialize_map(HeaderVisitor)
    }
}

struct HeaderVisitor;

impl<'de> serde::de::Visitor<'de> for HeaderVisitor {
    type Value = Header;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("an envelope")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
        let mut schema = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match map.next_value::<Number>()? {
                Number(n) if key == "schema" => schema = n,
                _ => {}
            }
        }
        Ok(Header(schema))
    }
}

/// Any JSON value, kept only when it is a whole number of at least 0.
struct Number(Option<u64>);

impl<'de> serde::Deserialize<'de> for Number {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Number, D::Error> {
        deserializer.deserialize_any(NumberVisitor)
    }
}

struct NumberVisitor;

impl<'de> serde::de::Visitor<'de> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("any value")
    }

    fn visit_u64<E>(self, n: u64) -> Result<Number, E> {
        Ok(Number(Some(n)))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Number, E> {
        Ok(Number(u64::try_from(n).ok()))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Number, E> {
        Ok(Number(None))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Number, E> {
        Ok(Number(None))
    }

    fn visit_str<E>(self, _: &str) -> Result<Number, E> {
        Ok(Number(None))
    }

    fn visit_unit<E>(self) -> Result<Number, E> {
        Ok(Number(None))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Number, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(Number(None))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Number, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(Number(None))
    }
}

/// The schema of the envelope `raw`, or why there is none.
fn schema_of(raw: &str) -> Result<u32, Unreadable> {
    match serde_json::from_str::<Header>(raw) {
        Ok(Header(schema)) => schema
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(Unreadable::NoSchema),
        // JSON, but not an object.
        Err(error) if error.is_data() => Err(Unreadable::NoSchema),
        Err(error) => Err(Unreadable::NotJson(error.to_string())),
    }
}

/// [`read_with`] without steps up: an older schema than `current` has no migration.
fn read_current<T: DeserializeOwned>(raw: &str, field: &str, current: u32) -> Decision<T> {
    let schema = match schema_of(raw) {
        Ok(schema) => schema,
        Err(why) => return Decision::Unreadable(why),
    };
    if schema > current {
        return Decision::Newer(schema);
    }
    if schema == 0 {
        return Decision::Unreadable(Unreadable::SchemaZero);
    }
    if schema < current {
        return Decision::Unreadable(Unreadable::NoMigration(schema));
    }
    let seed = Payload {
        field,
        value: std::marker::PhantomData,
    };
    let mut deserializer = serde_json::Deserializer::from_str(raw);
    match serde::de::DeserializeSeed::deserialize(seed, &mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value))
    {
        Ok(Some(value)) => Decision::Ready(value),
        Ok(None) => Decision::Unreadable(Unreadable::NoField(field.to_owned())),
        Err(error) => Decision::Unreadable(Unreadable::Invalid(invalid_json(raw, &error))),
    }
}

/// The value under `field` of an envelope, read in place; the other fields are skipped.
struct Payload<'f, T> {
    field: &'f str,
    value: std::marker::PhantomData<T>,
}

impl<'de, T: DeserializeOwned> serde::de::DeserializeSeed<'de> for Payload<'_, T> {
    type Value = Option<T>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned> serde::de::Visitor<'de> for Payload<'_, T> {
    type Value = Option<T>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a stored value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Option<T>, A::Error> {
        let mut value = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.field && value.is_none() {
                value = Some(map.next_value::<T>()?);
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(value)
    }
}

/// [`read`] against a given current schema and steps, so the steps are testable on their own.
#[must_use]
pub fn read_with<T: DeserializeOwned>(
    raw: &str,
    field: &str,
    current: u32,
    migrations: &[Migration],
) -> Decision<T> {
    let mut envelope: Value = match serde_json::from_str(raw) {
        Ok(value) => value,
        Err(error) => return Decision::Unreadable(Unreadable::NotJson(error.to_string())),
    };
    let Some(schema) = envelope
        .get("schema")
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
    else {
        return Decision::Unreadable(Unreadable::NoSchema);
    };
    if schema > current {
        return Decision::Newer(schema);
    }
    if schema == 0 {
        return Decision::Unreadable(Unreadable::SchemaZero);
    }
    for step in schema..current {
        let Some(migrate) = migrations.get(step as usize - 1) else {
            return Decision::Unreadable(Unreadable::NoMigration(step));
        };
        envelope = match migrate(envelope) {
            Ok(next) => next,
            Err(why) => {
                return Decision::Unreadable(Unreadable::Migration { from: step, why });
            }
        };
    }
    let Some(payload) = envelope.get_mut(field).map(Value::take) else {
        return Decision::Unreadable(Unreadable::NoField(field.to_owned()));
    };
    // Read through the same deserializer as imports and backups, which read every stored type
    // anyway: one set of `Deserialize` code in the app, not a second one for `Value`.
    match parse_json(&payload.to_string()) {
        Ok(value) if schema == current => Decision::Ready(value),
        Ok(value) => Decision::Migrated {
            value,
            from: schema,
        },
        Err(invalid) => Decision::Unreadable(Unreadable::Invalid(invalid)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_current_value_is_ready() {
        let decision: Decision<Vec<u8>> = read(r#"{"schema":1,"list":[1,2]}"#, "list");
        assert_eq!(decision, Decision::Ready(vec![1, 2]));
    }

    #[test]
    fn a_value_from_a_newer_tandem_is_kept_aside() {
        let decision: Decision<Vec<u8>> = read(r#"{"schema":7,"list":"a new shape"}"#, "list");
        assert_eq!(decision, Decision::Newer(7));
    }

    #[test]
    fn broken_or_unversioned_values_are_kept_aside_with_the_reason() {
        for (raw, reason) in [
            (r#"{"schema":1,"list":"#, "not JSON"),
            (r#"{"list":[1]}"#, "no schema version"),
            (r#"{"schema":1}"#, "no \"list\""),
            (r#"{"schema":1,"list":"x"}"#, "invalid type"),
            (r#"{"schema":0,"list":[]}"#, "schema 0"),
        ] {
            match read::<Vec<u8>>(raw, "list") {
                Decision::Unreadable(why) => {
                    assert!(why.to_string().contains(reason), "{raw}: {why}");
                }
                other => panic!("{raw}: {other:?}"),
            }
        }
    }

    /// The kind of decision, for comparing two readers whose reasons are worded apart.
    fn kind<T: std::fmt::Debug>(decision: &Decision<T>) -> String {
        match decision {
            Decision::Unreadable(Unreadable::NotJson(_)) => "not json".into(),
            Decision::Unreadable(Unreadable::Invalid(_)) => "invalid".into(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn reading_without_migrations_decides_as_reading_with_them() {
        let valid = r#"{"schema":1,"list":[1,2,3],"other":{"a":[true,null,"x"]}}"#;
        let mut cases: Vec<String> = [
            r#"{"schema":1,"list":[1,2]}"#,
            r#"{"list":[1,2],"schema":1}"#,
            r#"{"schema":7,"list":"a new shape"}"#,
            r#"{"schema":"1","list":[1]}"#,
            r#"{"schema":-1,"list":[1]}"#,
            r#"{"schema":1.5,"list":[1]}"#,
            r#"{"schema":99999999999,"list":[1]}"#,
            r#"{"schema":null,"list":[1]}"#,
            r#"{"schema":1,"list":[1,300]}"#,
            r#"{"schema":1,"list":null}"#,
            "[1,2]",
            r#""text""#,
            "",
            "   ",
            r#"{"schema":1,"list":[1]} trailing"#,
            r#"{"schema":1,"list":[1]}   "#,
        ]
        .map(str::to_owned)
        .to_vec();
        // Cut short anywhere.
        cases.extend((0..valid.len()).map(|end| valid[..end].to_owned()));
        for raw in cases {
            let fast = read_current::<Vec<u8>>(&raw, "list", 1);
            let general = read_with::<Vec<u8>>(&raw, "list", 1, &[]);
            assert_eq!(kind(&fast), kind(&general), "{raw:?}");
        }
    }

    /// Schema 1 stored a count as a string; 2 as a number; 3 under a new name.
    fn one_to_two(mut value: Value) -> Result<Value, String> {
        let text = value["count"]
            .as_str()
            .ok_or("count is not text")?
            .to_owned();
        value["count"] = json!(text.parse::<u32>().map_err(|e| e.to_string())?);
        Ok(value)
    }

    #[allow(clippy::unnecessary_wraps)] // A migration's signature: this one cannot fail.
    fn two_to_three(mut value: Value) -> Result<Value, String> {
        let count = value["count"].take();
        value["total"] = count;
        Ok(value)
    }

    #[test]
    fn older_values_are_migrated_one_step_at_a_time() {
        let steps: &[Migration] = &[one_to_two, two_to_three];
        assert_eq!(
            read_with::<u32>(r#"{"schema":1,"count":"41"}"#, "total", 3, steps),
            Decision::Migrated { value: 41, from: 1 }
        );
        assert_eq!(
            read_with::<u32>(r#"{"schema":2,"count":41}"#, "total", 3, steps),
            Decision::Migrated { value: 41, from: 2 }
        );
        assert_eq!(
            read_with::<u32>(r#"{"schema":3,"total":41}"#, "total", 3, steps),
            Decision::Ready(41)
        );
        match read_with::<u32>(r#"{"schema":1,"count":"many"}"#, "total", 3, steps) {
            Decision::Unreadable(why) => {
                assert!(why.to_string().starts_with("migrating from schema 1"));
            }
            other => panic!("{other:?}"),
        }
        match read_with::<u32>(r#"{"schema":1,"count":"1"}"#, "total", 3, &[one_to_two]) {
            Decision::Unreadable(why) => assert_eq!(why, Unreadable::NoMigration(2)),
            other => panic!("{other:?}"),
        }
    }
}

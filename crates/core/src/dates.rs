//! Dates as Tandem writes and reads them: `2026-11-24`, four-digit years for what a person enters
//! or imports, anything a version ever wrote for what was stored. No clock: today's date is
//! always passed in. Builds on nothing else in the crate.

use chrono::NaiveDate;

/// A date as `2026-11-24`, as date inputs and the workshop document write it.
#[must_use]
pub fn iso_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// How a text that is not a date ends its message, so a problem can say it in any language.
pub const NOT_A_DATE: &str = r#" is not a date like "2026-11-24""#;

/// The last date a four-digit year can write, and so the last one [`parse_date`] reads.
pub const LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a real date");

/// A `2026-11-24` date, or `None` when the text is empty or not a real date. The year has four
/// digits, as a date field gives and every workshop has: "99999-01-01" is a typo, not a date to
/// plan a review by. Forms and imported files are read with this.
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    parse_date_with(text, 4..=4)
}

/// Whether `date` can be entered or imported: its year has four digits.
#[must_use]
pub fn is_writable(date: NaiveDate) -> bool {
    date <= LAST_DATE && parse_date(&iso_date(date)) == Some(date)
}

fn parse_date_with(text: &str, year_digits: std::ops::RangeInclusive<usize>) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let digits = |part: &str, lengths: &std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(year, &year_digits) && digits(month, &(1..=2)) && digits(day, &(1..=2))) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// Dates in stored and exported JSON, as `2026-11-24`, through [`iso_date`] and [`parse_date`]
/// rather than chrono's general-purpose parser, which would add to the app's download.
pub(crate) mod iso {
    use chrono::NaiveDate;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's `with` passes the field by reference.
    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::iso_date(*date))
    }

    /// Reads what any version wrote, a longer year included, so one odd date never makes a
    /// whole stored value unreadable; what a person enters or imports is checked with
    /// [`super::parse_date`] and [`super::is_writable`].
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse_date_with(&text, 1..=6)
            .ok_or_else(|| D::Error::custom(format!("{text:?}{}", super::NOT_A_DATE)))
    }
}

//! Figures as Tandem rounds and writes them: one decimal, half away from zero, the same in the
//! report, the exports and every language (the catalogue only swaps the decimal mark). Builds on
//! nothing else in the crate.

/// Rounds half away from zero to one decimal place, as every displayed and exported figure is.
///
/// Means of quarter-point values carry binary noise (`0.15` is stored as `0.1499…`), so the
/// value is first snapped to six decimals of tenths; a true tie then rounds away from zero.
#[must_use]
pub fn round1(value: f64) -> f64 {
    let tenths = value * 10.0;
    let snapped = (tenths * 1e6).round() / 1e6;
    snapped.round() / 10.0
}

/// A figure as displayed: rounded half away from zero, always with one decimal (`70.0`).
#[must_use]
pub fn format1(value: f64) -> String {
    format!("{:.1}", round1(value))
}

/// A change or difference as displayed, with its sign: `+7.5`, `-2.5`, `0.0`.
#[must_use]
pub fn format_signed(value: f64) -> String {
    if round1(value) > 0.0 {
        format!("+{}", format1(value))
    } else {
        format1(value)
    }
}

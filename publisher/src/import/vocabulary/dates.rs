//! Date words by language: month names, and the words that mark a date as
//! the last change rather than the publication; zone abbreviations.

use super::Words;

/// Month names and their abbreviations, January first, by language (a
/// name matches by its first three or more letters).
#[rustfmt::skip]
pub const MONTHS: &[(&str, [&str; 12])] = &[(
    "en",
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ],
)];

/// A line or label that gives the last change, not the publication.
#[rustfmt::skip]
pub const UPDATED: Words = &[
    ("en", &["updated", "update:", "modified"]),
    ("vi", &["cập nhật"]),
    ("de", &["aktualisiert"]),
    ("fr", &["mis à jour"]),
    ("es", &["actualizado"]),
];

/// Zone abbreviations with a fixed offset, in hours.
#[rustfmt::skip]
pub const FIXED_ZONES: &[(&str, i8)] = &[
    ("est", -5),
    ("edt", -4),
    ("cst", -6),
    ("cdt", -5),
    ("mst", -7),
    ("mdt", -6),
    ("pst", -8),
    ("pdt", -7),
    ("bst", 1),
    ("cet", 1),
    ("cest", 2),
    ("ict", 7),
    ("wib", 7),
    ("jst", 9),
];

/// Zone abbreviations of a zone whose offset depends on the day.
#[rustfmt::skip]
pub const SEASONAL_ZONES: &[(&str, &str)] = &[
    ("et", "America/New_York"),
    ("ct", "America/Chicago"),
    ("mt", "America/Denver"),
    ("pt", "America/Los_Angeles"),
];

/// The month numbered by `name` in any language, if it is one.
pub fn month(name: &str) -> Option<i64> {
    let name = name.to_lowercase();
    if name.chars().count() < 3 {
        return None;
    }
    MONTHS.iter().find_map(|(_, months)| {
        months
            .iter()
            .position(|m| m.starts_with(name.as_str()) || (name == "sept" && *m == "september"))
            .map(|i| i as i64 + 1)
    })
}

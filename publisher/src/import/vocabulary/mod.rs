//! Every word the importer judges a page by, in one place, as Readability's
//! `REGEXPS` and trafilatura's `xpaths.py` keep theirs: named lists, one per
//! purpose, split by language where the words are a language's, and the
//! predicates built from them. The readers of a page (`page/`) only call
//! these; to teach the importer a new site's or language's habit, add the
//! word here and a row to its table test.
//!
//! - [`boxes`]: class and id words of the boxes around the article (junk,
//!   the body, captions, credits, bylines, leads, dates);
//! - [`lines`]: what a line of text says (a credit's label, a byline's
//!   "By", a role, "Read more", a contributor line), by language;
//! - [`dates`]: month and weekday names, "updated" words, zone names;
//! - [`markup`]: names in markup (meta keys, schema.org types, lazy-loading
//!   attributes, embed hosts, URL segments that name no article).
//!
//! A list's entries are fragments of a regular expression (`read-?more`:
//! the hyphen is optional), matched case-insensitively unless it says so.

pub mod boxes;
pub mod dates;
pub mod lines;
pub mod markup;

use regex::Regex;

pub use self::markup::is_generic_segment;

/// A row of a rule's table test: the predicate, its input, its decision.
#[cfg(test)]
type Case = (fn(&str) -> bool, &'static str, bool);

/// Words of one purpose, by language: `(ISO 639-1 code, words)`; `"*"` for
/// words that are no one language's (class names, symbols).
pub type Words = &'static [(&'static str, &'static [&'static str])];

/// Every word of `words`, longest first, as one alternation (longest first
/// so that "nguồn ảnh" is tried before "nguồn").
pub fn alternation(words: Words) -> String {
    let mut all: Vec<&str> = words.iter().flat_map(|(_, w)| w.iter().copied()).collect();
    all.sort_by_key(|w| std::cmp::Reverse(w.len()));
    all.dedup();
    all.join("|")
}

/// A regular expression written in the source.
pub fn pattern(source: &str) -> Regex {
    Regex::new(source).expect("a static, valid pattern")
}

/// A pattern matching any of `words` as a whole word of a class or id
/// attribute (between start, end, spaces, `-` and `_`).
pub fn class_words(words: Words) -> Regex {
    pattern(&format!(
        r"(?:^|[\s_-])(?:{})(?:$|[\s_-])",
        alternation(words)
    ))
}

/// A pattern matching any of `words` anywhere in a class or id attribute.
pub fn class_parts(words: Words) -> Regex {
    pattern(&format!("(?:{})", alternation(words)))
}

/// Lowercase letters and digits only, without diacritics, for comparing
/// names and titles as sites write them ("Tuổi Trẻ", "TUOI TRE", "tuoitre").
pub fn squash(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(fold)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A Vietnamese (or other Latin) letter without its marks.
fn fold(c: char) -> char {
    const GROUPS: [(&str, char); 12] = [
        ("àáảãạăằắẳẵặâầấẩẫậäå", 'a'),
        ("èéẻẽẹêềếểễệë", 'e'),
        ("ìíỉĩịîï", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợöø", 'o'),
        ("ùúủũụưừứửữựûü", 'u'),
        ("ỳýỷỹỵÿ", 'y'),
        ("đ", 'd'),
        ("ç", 'c'),
        ("ñ", 'n'),
        ("š", 's'),
        ("ž", 'z'),
        ("č", 'c'),
    ];
    // ASCII has no marks (most of what is squashed, and each group is
    // searched a character at a time).
    if c.is_ascii() {
        return c;
    }
    GROUPS
        .iter()
        .find(|(group, _)| group.contains(c))
        .map_or(c, |(_, plain)| *plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_marks_case_or_spaces() {
        assert_eq!(squash("Tuổi Trẻ"), "tuoitre");
        assert_eq!(squash("TUOI TRE"), "tuoitre");
        assert_eq!(squash("Đào Quyên"), "daoquyen");
    }

    #[test]
    fn longer_words_are_tried_first() {
        const W: Words = &[("vi", &["nguồn", "nguồn ảnh"])];
        assert_eq!(alternation(W), "nguồn ảnh|nguồn");
    }
}

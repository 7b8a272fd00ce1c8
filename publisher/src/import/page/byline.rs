//! Bylines: who wrote the article, as pages print it ("By Jane Doe and
//! John Roe", "Theo TTXVN", "Hà Thu (tổng hợp)", "NHẬT XUÂN - NGHI VŨ"),
//! and what is a site's or a role's name rather than a person's.

use super::dom::normalize;
use crate::import::vocabulary::lines::{
    self, BYLINE_PREFIX, BY_INSIDE, NAME_JOIN, NAME_REMARK, SITE_SUFFIXES,
};
use crate::import::vocabulary::{dates, squash};

/// The names in a byline, without its prefix and the roles after them.
pub fn names(byline: &str) -> Vec<String> {
    let byline = normalize(byline);
    // "2/26/2015 7:11 AM PST BY TMZ STAFF": the names come after "by".
    let byline = match BY_INSIDE.captures(&byline).and_then(|c| c.get(1)) {
        Some(after) => after.as_str().to_owned(),
        None => byline,
    };
    let byline = BYLINE_PREFIX.replace(&byline, "");
    let byline = NAME_REMARK.replace_all(&byline, "");
    NAME_JOIN
        .split(&byline)
        .map(|part| {
            let part = BYLINE_PREFIX.replace(part.trim(), "");
            let part = part.trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '.' | ',' | ':' | '-' | '–' | '(' | ')')
            });
            // "Corina Gall (cog)": the writer's initials; "구현모 기자": the role.
            let part = lines::NAME_INITIALS.replace(part, "");
            lines::ROLE_AFTER_NAME.replace(&part, "").trim().to_owned()
        })
        .filter(|name| looks_like_name(name) && !lines::is_role(name))
        .collect()
}

/// A person's or an agency's name: a few words, not a sentence, a date, an
/// address or a handle.
pub fn looks_like_name(name: &str) -> bool {
    if lines::is_agency(name) {
        return true;
    }
    if lines::is_not_a_name(name) || lines::is_byline_noise(name) {
        return false;
    }
    // A name's words are capitalized, but for its particles ("von der",
    // "da"): "Steph Bazzle covers politics" and "You can" are sentences.
    let lower_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_lowercase)
            && !lines::NAME_PARTICLES.contains(&w.to_lowercase().as_str())
    };
    if name.split_whitespace().skip(1).any(|w| lower_word(&w)) {
        return false;
    }
    // A weekday or a month ("Friday") is a dateline's, not a name.
    if name.split_whitespace().count() == 1
        && (dates::is_weekday(name) || dates::month(name).is_some())
    {
        return false;
    }
    // Chinese and Japanese names are a few characters, without punctuation.
    let cjk = name.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c));
    if cjk
        && (name.chars().count() > 8
            || name
                .chars()
                .any(|c| "。，、【】：；！？（）《》".contains(c)))
    {
        return false;
    }
    let words = name.split_whitespace().count();
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (1..=6).contains(&words)
        && letters >= 2
        && name.chars().count() <= 60
        && !name.contains("://")
        && !name.contains('@')
        && !name.contains("www.")
        && !name.chars().any(|c| c.is_ascii_digit())
        && !name.ends_with(['.', '!', '?'])
        && name.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// Whether `name` is the site or its publisher ("VnExpress", "Dân Trí",
/// "TUOI TRE ONLINE", "baochinhphu.vn"), by the names the page gives its
/// site and by its host name.
pub fn is_site(name: &str, site_names: &[String], host: Option<&str>) -> bool {
    let key = squash(name);
    if key.is_empty() {
        return true;
    }
    if name.contains('.') && !name.contains(' ') {
        return true; // a domain name
    }
    let same = |site: &str| {
        !site.is_empty()
            && (site == key
                || site.contains(key.as_str()) && key.len() >= 4
                || key
                    .strip_prefix(site)
                    .is_some_and(|rest| SITE_SUFFIXES.contains(&rest)))
    };
    let host_key =
        host.map(|h| squash(h.trim_start_matches("www.").split('.').next().unwrap_or(h)));
    site_names.iter().any(|site| same(&squash(site))) || host_key.is_some_and(|h| same(&h))
}

/// A byline paragraph of a Vietnamese page: a short last line that is only
/// names ("Đào Quyên", "PV", "Theo TTXVN", "Hà Thu (tổng hợp)").
pub fn trailing_byline(text: &str) -> Option<Vec<String>> {
    let text = normalize(text);
    if text.is_empty()
        || text.chars().count() > 80
        || text.ends_with(['.', '?', '!', ':']) && !text.ends_with(").")
    {
        return None;
    }
    if text.starts_with(['[', '【', '(', '（']) {
        return None; // a note, not a byline
    }
    // Chinese and Japanese have no capitals to tell a name by: only a
    // prefix ("作者︱") says it is one.
    let cjk = text.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c));
    if cjk && !BYLINE_PREFIX.is_match(&text) {
        return None;
    }
    let found = names(&text);
    (!found.is_empty()
        && found.iter().map(|n| n.chars().count()).sum::<usize>() * 2
            >= squash(&text).chars().count())
    .then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_as_pages_print_them() {
        assert_eq!(
            names("By Andrés Malamud and Martín Schapiro"),
            ["Andrés Malamud", "Martín Schapiro"]
        );
        assert_eq!(names("Hà Thu (tổng hợp)"), ["Hà Thu"]);
        assert_eq!(names("NHẬT XUÂN - NGHI VŨ"), ["NHẬT XUÂN", "NGHI VŨ"]);
        assert_eq!(names("Theo TTXVN"), ["TTXVN"]);
        assert_eq!(names("Ana Sandoiu, MA"), ["Ana Sandoiu"]);
        assert_eq!(
            names("Par Martin Untersinger, Damien Leloup et Morgane Tual"),
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]
        );
        assert!(names("Updated 12:00 PM, March 3").is_empty());
    }

    /// A byline's piece in, the names out: one row per rule.
    #[test]
    fn names_and_what_is_not_one() {
        let table: &[(&str, &[&str])] = &[
            (
                "Trine Juncher Jørgensen og Tôrtia Reimer-Johansen",
                &["Trine Juncher Jørgensen", "Tôrtia Reimer-Johansen"],
            ),
            (
                "Corina Gall (cog), David Vonplon (dvp)",
                &["Corina Gall", "David Vonplon"],
            ),
            ("Dolores Chang For Dailymail.com", &["Dolores Chang"]),
            ("구현모 기자", &["구현모"]),
            ("dpa", &["dpa"]),
            ("Ursula von der Leyen", &["Ursula von der Leyen"]),
            ("Steph Bazzle covers politics", &[]),
            ("Join the conversation", &[]),
            ("Leitender Wirtschaftsredakteur", &[]),
            ("Friday", &[]),
            ("Autorin/Autor", &[]),
        ];
        for (byline, expected) in table {
            assert_eq!(names(byline), *expected, "{byline}");
        }
    }

    #[test]
    fn a_site_is_not_a_person() {
        let sites = vec!["VnExpress".to_owned(), "Báo Dân Trí".to_owned()];
        assert!(is_site("VnExpress", &sites, Some("vnexpress.net")));
        assert!(is_site("baochinhphu.vn", &sites, None));
        assert!(is_site("TUOI TRE ONLINE", &[], Some("tuoitre.vn")));
        assert!(!is_site("Hà Thu", &sites, Some("vnexpress.net")));
    }

    #[test]
    fn the_last_line_of_a_vietnamese_article() {
        assert_eq!(
            trailing_byline("Đào Quyên"),
            Some(vec!["Đào Quyên".to_owned()])
        );
        assert_eq!(
            trailing_byline("Theo Reuters"),
            Some(vec!["Reuters".to_owned()])
        );
        assert_eq!(trailing_byline("Giá vàng hôm nay tăng mạnh."), None);
    }
}

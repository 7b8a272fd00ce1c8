//! An article's id, which names its file: the source's own where it has
//! one, else the most telling part of its address, else a hash of it. A
//! short form that is generic (`index`, `article`) or taken by another
//! article gives way to a longer one, so no article is lost to another.

use news_widget::model::{Article, ArticleId, Label};
use sha2::{Digest, Sha256};

use super::Draft;
use crate::import::vocabulary::is_generic_segment;
use crate::site::FileStem;

/// The longest id taken from a source (longer ones are hashed).
const MAX_ID: usize = 80;
/// The shortest slug that names an article by itself.
const MIN_SLUG: usize = 3;
/// The fewest digits of a CMS's article number ("…-5047363.html").
const MIN_NUMBER: usize = 4;
/// Bytes of SHA-256 in a hashed id (12 hex digits).
const HASH_BYTES: usize = 6;

/// What makes two articles the same one: their address, or without one
/// their headline.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Identity {
    /// The canonical address.
    Url(String),
    /// The headline, for an article without an address.
    Headline(String),
    /// A file in the site that does not parse: no draft is it.
    Unreadable,
}

impl Identity {
    /// The identity of a draft.
    pub fn of_draft(draft: &Draft) -> Identity {
        match &draft.url {
            Some(url) => Identity::Url(url.to_string()),
            None => Identity::Headline(draft.headline.trim().to_owned()),
        }
    }

    /// The identity of an article already in the site.
    pub fn of_article(article: &Article) -> Identity {
        match &article.url {
            Some(url) => Identity::Url(url.as_str().to_owned()),
            None => Identity::Headline(article.headline.as_str().to_owned()),
        }
    }
}

/// The ids a draft could have, best first; the last, a hash of its
/// address (or of its headline and date), is always there.
pub fn candidates(draft: &Draft) -> Vec<FileStem> {
    let mut found: Vec<FileStem> = Vec::new();
    let mut push = |id: &str| {
        if let Some(stem) = usable(id) {
            if !found.contains(&stem) {
                found.push(stem);
            }
        }
    };
    if let Some(own) = &draft.id {
        push(own);
    }
    if let Some(url) = &draft.url {
        let segments: Vec<String> = url
            .url()
            .path_segments()
            .into_iter()
            .flatten()
            .map(without_extension)
            .filter(|s| !is_generic_segment(s))
            .collect();
        if let Some(last) = segments.last() {
            // "…-5047363", "…-20260307080054340": the CMS's number.
            let digits: String = last
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            if digits.len() >= MIN_NUMBER {
                push(&digits.chars().rev().collect::<String>());
            }
            if last.chars().count() >= MIN_SLUG {
                push(last);
            }
        }
        // More of the address: the last two telling segments.
        if let [.., before, last] = segments.as_slice() {
            push(&format!("{before}-{last}"));
        }
    }
    let seed = match &draft.url {
        Some(url) => url.to_string(),
        None => format!("{}\n{:?}", draft.headline, draft.published),
    };
    let hash = Sha256::digest(seed.as_bytes());
    let hex: String = hash
        .iter()
        .take(HASH_BYTES)
        .map(|b| format!("{b:02x}"))
        .collect();
    push(&hex);
    found
}

/// `id` as a file's stem, if it can be one.
fn usable(id: &str) -> Option<FileStem> {
    let id = id.trim();
    let label = Label::try_from(id.to_owned()).ok()?;
    FileStem::of(&ArticleId::from(label))
        .ok()
        .filter(|s| s.as_str().len() <= MAX_ID)
}

/// A path segment without its file extension (`5047363.html` → `5047363`).
fn without_extension(segment: &str) -> String {
    segment.split('.').next().unwrap_or(segment).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::address::WebUrl;

    fn ids(own: Option<&str>, url: &str) -> Vec<String> {
        let draft = Draft {
            id: own.map(str::to_owned),
            url: WebUrl::parse(url),
            headline: "A headline".into(),
            ..Draft::default()
        };
        candidates(&draft)
            .into_iter()
            .map(|s| s.as_str().to_owned())
            .collect()
    }

    #[test]
    fn the_most_telling_part_of_the_address_first() {
        let vn = ids(None, "https://vnexpress.net/soc-nang-luong-5047363.html");
        assert_eq!(vn[..2], ["5047363", "soc-nang-luong-5047363"]);
        // Every CNN article ends in index.html: the slug before it names it.
        let cnn = ids(
            None,
            "https://edition.cnn.com/2024/01/05/politics/trump-ballot/index.html",
        );
        assert_eq!(cnn[..2], ["trump-ballot", "politics-trump-ballot"]);
        let story = ids(None, "https://news.example/world/story");
        assert_eq!(story[0], "world");
        assert_eq!(
            ids(Some("post-42"), "https://news.example/a-1234")[0],
            "post-42"
        );
    }

    #[test]
    fn a_hash_is_always_last_and_never_generic() {
        let home = ids(None, "https://news.example/index.html");
        assert_eq!(home.len(), 1);
        assert_eq!(home[0].len(), HASH_BYTES * 2);
        assert_ne!(
            ids(None, "https://a.example/index.html"),
            ids(None, "https://b.example/index.html")
        );
    }
}

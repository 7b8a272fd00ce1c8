//! What a source is, by its first bytes (and its `Content-Type`): an
//! article page, a feed, a sitemap, or a WordPress REST answer.

use super::skip::KindError;

/// The kinds of source `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An HTML page (an article, one hopes).
    Page,
    /// An RSS 2.0, RSS 1.0, Atom or JSON Feed document.
    Feed,
    /// A sitemap or a sitemap index (Google News sitemaps included).
    Sitemap,
    /// WordPress's `/wp-json/wp/v2/posts` (one post or a list).
    WordPress,
}

/// What `bytes` are, or why they are none of the kinds.
pub fn sniff(bytes: &[u8], content_type: Option<&str>) -> Result<Kind, KindError> {
    if let Some(kind) = super::decode::binary(bytes) {
        return Err(KindError::Binary(kind));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = bytes
        .get(start..(start + 4096).min(bytes.len()))
        .unwrap_or_default();
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    match head.first() {
        Some(b'{') | Some(b'[') => {
            if text.contains("jsonfeed.org/version") {
                Ok(Kind::Feed)
            } else if text.contains("\"rendered\"")
                || text.contains("\"date_gmt\"")
                || text.contains("\"_links\"")
            {
                Ok(Kind::WordPress)
            } else {
                Err(KindError::OtherJson)
            }
        }
        Some(b'<') => {
            let xml = text.starts_with("<?xml") || content_type.is_some_and(|t| t.contains("xml"));
            let first_element = text
                .match_indices('<')
                .map(|(i, _)| text.get(i + 1..).unwrap_or(""))
                .find(|rest| !rest.starts_with('?') && !rest.starts_with('!'))
                .unwrap_or("");
            let named = |name: &str| first_element.starts_with(name);
            if named("urlset") || named("sitemapindex") {
                Ok(Kind::Sitemap)
            } else if named("rss") || named("feed") || named("rdf:rdf") {
                Ok(Kind::Feed)
            } else if named("html")
                || named("head")
                || named("body")
                || text.contains("<html")
                || !xml
            {
                Ok(Kind::Page)
            } else {
                Err(KindError::OtherXml(
                    first_element
                        .split(|c: char| c.is_whitespace() || c == '>')
                        .next()
                        .unwrap_or("")
                        .to_owned(),
                ))
            }
        }
        None => Err(KindError::Empty),
        Some(_) => match content_type {
            Some(t) if t.contains("html") => Ok(Kind::Page),
            _ => Err(KindError::Other),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_by_their_first_bytes() {
        assert_eq!(sniff(b"<!doctype html><html>", None), Ok(Kind::Page));
        assert_eq!(sniff(b"\xEF\xBB\xBF  <html lang=vi>", None), Ok(Kind::Page));
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", None),
            Ok(Kind::Feed)
        );
        assert_eq!(
            sniff(
                b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">",
                None
            ),
            Ok(Kind::Feed)
        );
        assert_eq!(
            sniff(
                b"<?xml version=\"1.0\"?><!-- x --><urlset xmlns=\"\">",
                None
            ),
            Ok(Kind::Sitemap)
        );
        assert_eq!(sniff(b"<sitemapindex>", None), Ok(Kind::Sitemap));
        assert_eq!(
            sniff(
                br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#,
                None
            ),
            Ok(Kind::Feed)
        );
        assert_eq!(
            sniff(br#"[{"id": 1, "title": {"rendered": "x"}}]"#, None),
            Ok(Kind::WordPress)
        );
        assert!(sniff(b"", None).is_err());
        assert!(sniff(br#"{"a": 1}"#, None).is_err());
        assert!(sniff(b"<?xml version=\"1.0\"?><svg>", None).is_err());
    }
}

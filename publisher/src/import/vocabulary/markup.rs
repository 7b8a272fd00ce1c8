//! Names in markup: `<meta>` keys, schema.org types, lazy-loading
//! attributes, embed hosts, and the URL segments that name no article.

use std::sync::LazyLock;

use url::Url;

/// The schema.org types of an article.
#[rustfmt::skip]
pub const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
    "SocialMediaPosting", "TechArticle", "Report",
];

/// `<meta>` keys naming the article's author.
#[rustfmt::skip]
pub const AUTHOR_META: &[&str] = &[
    "author", "article:author", "article:author_name", "dc.creator", "parsely-author",
    "sailthru.author", "dable:author", "byl",
];

/// Path segments of a writer's page (`/autoren/name/max-kolter`): a link
/// there names a writer.
#[rustfmt::skip]
pub const AUTHOR_PATHS: &[&str] = &[
    "author", "authors", "autor", "autoren", "autores", "auteur", "auteurs", "autore",
    "autori", "journalist", "journalisten", "journalister", "redakteur", "redakteure",
    "reporter", "reporters", "penulis", "skribent", "forfatter", "writers", "columnists",
];

/// Inline styles (spaces taken out, lower case) of text no reader sees:
/// hidden, or clipped to nothing for screen readers only (the `sr-only`
/// technique Reuters writes inline: "…, opens new tab").
#[rustfmt::skip]
pub const HIDDEN_STYLES: &[&str] = &[
    "display:none", "visibility:hidden", "clip:rect(0000)", "clip:rect(0,0,0,0)",
    "clip:rect(1px,1px,1px,1px)", "clip-path:inset(50%)", "clip-path:inset(100%)",
];

/// Whether an inline style hides its text from readers.
pub fn is_hidden_style(style: &str) -> bool {
    let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
    let style = style.to_ascii_lowercase();
    HIDDEN_STYLES.iter().any(|h| style.contains(h))
}

/// Whether a link's path leads to a writer's page.
fn is_author_path(path: &str) -> bool {
    path.split('/')
        .any(|segment| AUTHOR_PATHS.contains(&segment.to_ascii_lowercase().as_str()))
}

/// Whether a link, as written (relative or not), leads to a writer's page.
pub fn is_author_link(href: &str) -> bool {
    // Resolved against any site, to read its path.
    static ANY_SITE: LazyLock<Url> =
        LazyLock::new(|| Url::parse("https://x.invalid/").expect("a static, valid URL"));
    // Most links name no writer's folder at all: they are not parsed (a
    // page has hundreds of links).
    let lower = href.to_ascii_lowercase();
    AUTHOR_PATHS.iter().any(|p| lower.contains(p))
        && ANY_SITE.join(href).is_ok_and(|u| is_author_path(u.path()))
}

/// `<meta>` keys giving when the article was published, most telling
/// first. Keys are compared without `:`, `.`, `_` and `-`
/// (`page::meta::key`), so `article:published:time` is `article:published_time`.
#[rustfmt::skip]
pub const PUBLISHED_META: &[&str] = &[
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publication_date", "date", "dc.date.issued", "dc.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime",
];

/// More `<meta>` keys of a publication date, from htmldate
/// (`htmldate/core.py`, `DATE_ATTRIBUTES`): less common, sometimes of
/// something else (an analytics tag's first version of the page), so a
/// visible dateline beats them.
#[rustfmt::skip]
pub const PUBLISHED_META_LOOSE: &[&str] = &[
    "analyticsattributes.articledate", "article.created", "article_date_original",
    "article:post_date", "article:published", "article:published_date",
    "article:publicationdate", "bt:pubdate", "citation_date", "citation_publication_date",
    "content_create_date", "created", "date_created", "date_published", "datecreated",
    "dateposted", "dc.created", "dc.date.created", "dc.date.publication",
    "dcsext.articlefirstpublished", "dcterms.date", "dcterms.issued", "displaydate",
    "doc_date", "field-name-post-date", "gentime", "mediator_published_time",
    "og:article:published", "og:article:published_time", "og:datepublished", "og:pubdate",
    "og:publish_date", "og:question:published_time", "og:regdate", "originalpublicationdate",
    "pdate", "ptime", "publish_time", "published-date", "published_time", "publisheddate",
    "rbpubdate", "rnews:datepublished", "shareaholic:article_published_time",
    "twt-published-at", "video:release_date", "vr:published_time",
];

/// `<meta>` keys giving when the article last changed (with htmldate's
/// `NAME_MODIFIED` and `PROPERTY_MODIFIED`).
#[rustfmt::skip]
pub const MODIFIED_META: &[&str] = &[
    "article:modified_time", "og:updated_time", "datemodified", "lastmod", "article:modified",
    "article:modified_date", "article:post_modified", "bt:moddate", "dc.modified",
    "dcterms.modified", "lastmodified", "modified_time", "modificationdate",
    "og:article:modified_time", "og:modified_time", "revision_date", "updated_time",
    "lastdate", "last-modified", "modified", "utime",
];

/// Attributes a dateline keeps its moment in, besides `datetime`.
#[rustfmt::skip]
pub const DATE_ATTRIBUTES: &[&str] = &[
    "datetime", "content", "title", "data-time", "data-timestamp", "data-utc-time",
    "data-date", "data-datetime", "data-published", "data-publish-date", "data-pubdate",
];

/// `<meta>` keys naming the site or its publisher.
#[rustfmt::skip]
pub const SITE_NAME_META: &[&str] = &[
    "og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher",
];

/// `<meta>` keys giving the article's section.
#[rustfmt::skip]
pub const SECTION_META: &[&str] = &["article:section", "section", "category"];

/// `itemprop`s of a photo's credit.
#[rustfmt::skip]
pub const CREDIT_ITEMPROPS: &[&str] = &["copyrightHolder", "author", "creator"];

/// Attributes where lazy-loading scripts keep a photo's file.
#[rustfmt::skip]
pub const LAZY_SRC: &[&str] = &[
    "data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "data-full-src",
    "data-hi-res-src", "data-large", "data-flickity-lazyload",
];

/// Attributes holding a `srcset`, lazy ones first.
#[rustfmt::skip]
pub const SRCSET: &[&str] = &[
    "data-srcset", "srcset", "data-lazy-srcset", "data-flickity-lazyload-srcset",
];

/// Parts of a file name that mark a placeholder, not the photo.
#[rustfmt::skip]
pub const PLACEHOLDERS: &[&str] = &[
    "blank.gif", "placeholder", "spacer.gif", "pixel.gif", "lazy-load", "1x1", "transparent",
];

/// The extensions of image files (a photo's link to its large version).
#[rustfmt::skip]
pub const IMAGE_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"];

/// Hosts of embeds a reader would follow, and their names.
#[rustfmt::skip]
pub const EMBED_HOSTS: &[(&str, &str)] = &[
    ("youtube.com", "YouTube"),
    ("youtube-nocookie.com", "YouTube"),
    ("youtu.be", "YouTube"),
    ("vimeo.com", "Vimeo"),
    ("player.vimeo.com", "Vimeo"),
    ("facebook.com", "Facebook"),
    ("dailymotion.com", "Dailymotion"),
    ("tiktok.com", "TikTok"),
    ("twitter.com", "X"),
    ("x.com", "X"),
    ("platform.twitter.com", "X"),
    ("instagram.com", "Instagram"),
    ("soundcloud.com", "SoundCloud"),
    ("w.soundcloud.com", "SoundCloud"),
    ("open.spotify.com", "Spotify"),
    ("flourish.studio", "Flourish"),
    ("datawrapper.dwcdn.net", "Datawrapper"),
];

/// Class words of a quote that is an embedded social post.
#[rustfmt::skip]
pub const SOCIAL_QUOTES: &[&str] = &["twitter", "instagram", "tiktok"];

/// URL path segments that name no article by themselves: every CNN
/// article ends in `index.html`.
#[rustfmt::skip]
pub const GENERIC_SEGMENTS: &[&str] = &[
    "index", "article", "articles", "story", "stories", "default", "amp", "news", "post", "posts",
    "content", "page", "detail", "details", "view", "print", "main", "home", "full", "embed",
    "html", "item", "entry", "read",
];

/// Whether a URL path segment (without its extension) names no article:
/// generic, too short, or a year, month or day of the path.
pub fn is_generic_segment(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    lower.is_empty()
        || GENERIC_SEGMENTS.contains(&lower.as_str())
        || lower.len() <= 4 && lower.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A style in, whether it hides its text.
    #[test]
    fn styles_that_hide_text() {
        for (style, hidden) in [
            ("display: none", true),
            (
                "border:0;clip:rect(0 0 0 0);clip-path:inset(50%);height:1px;width:1px",
                true,
            ),
            ("clip-path: inset(50%)", true),
            ("color: red; display: block", false),
            ("clip-path: inset(10px round 4px)", false),
        ] {
            assert_eq!(is_hidden_style(style), hidden, "{style}");
        }
    }

    #[test]
    fn segments_that_name_no_article() {
        for (segment, generic) in [
            ("index", true),
            ("Article", true),
            ("2024", true),
            ("05", true),
            ("", true),
            ("trump-ballot", false),
            ("5047363", false),
        ] {
            assert_eq!(is_generic_segment(segment), generic, "{segment}");
        }
    }

    /// A link as written in, whether it leads to a writer's page.
    #[test]
    fn links_to_a_writers_page() {
        for (href, author) in [
            ("/autoren/max-kolter", true),
            ("https://example.com/Author/jane-doe/", true),
            ("../journalist/ola-nordmann", true),
            ("/news/authority-report", false),
            ("https://example.com/2024/05/story", false),
            ("/search?author=jane", false),
            ("", false),
        ] {
            assert_eq!(is_author_link(href), author, "{href}");
        }
    }
}

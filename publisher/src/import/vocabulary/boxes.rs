//! Class and id words: what a box of the page is for. Each predicate takes
//! an element's lowercased `class` and `id` words (see `page::dom::class_and_id`).

use std::sync::LazyLock;

use regex::Regex;

use super::{class_parts, class_words, pattern, Words};

/// Boxes that are not the article: sharing, related and recommended news,
/// sign-ups, ads, comments, navigation, tags, "read more", bios, gallery
/// strips, visually hidden text. Whole words of a class name.
#[rustfmt::skip]
pub const JUNK: Words = &[
    (
        "*",
        &[
            "share", "sharing", "social", "socials", "sns", "addthis", "sharethis", "related",
            "relate", "relates", "relatedlist", "related-news", "recommend", "recommended",
            "recommendation", "suggest", "suggestion", "trending", "popular", "most-?read",
            "mostviewed", "newsletter", "subscribe", "subscription", "signup", "sign-up",
            "paywall", "promo", "promotion", "sponsor", "sponsored", "advert", "advertisement",
            "advertising", "ads", "adv", "ad", "adsbygoogle", "comment", "comments", "disqus",
            "discussion", "breadcrumb", "breadcrumbs", "tags", "tag-list", "keywords", "topics",
            "nav", "navbar", "navigation", "menu", "footer", "sidebar", "side-bar", "toolbar",
            "outbrain", "taboola", "zergnet", "read-?more", "see-?also", "also-?read",
            "more-?stories", "more-?news", "print", "rating", "vote", "poll", "author[-_]?bio",
            "bio-box",
            // Sign-in and saving dialogs (dialogs of consent: `DIALOGS`),
            // and the paywall's offers to register or sign in.
            "popup", "save-article", "sign-?in", "log-?in", "register", "registration",
            "more-?topics?",
            "skip-?link", "skip-?to-?content", "list-articles", "article-?list",
        ],
    ),
    (
        "vi",
        &[
            "lienquan", "tinlienquan", "tin-lien-quan", "box-tinlienquan", "qc", "quangcao",
            "xem-?them", "doc-?them", "xemthem",
        ],
    ),
];

/// A paragraph of the article's text that a paywall hides from readers
/// who have not subscribed: text, whatever its class's "paywall" says of
/// other boxes (a subscription prompt).
#[rustfmt::skip]
pub const BEHIND_PAYWALL: Words = &[("*", &["paywall", "paywalled", "premium"])];

/// Consent and cookie dialogs (OneTrust, Didomi, CMPs): never the article,
/// however much prose their privacy text has (it can outweigh a short
/// story's). Whole words of a class name.
#[rustfmt::skip]
pub const DIALOGS: Words = &[(
    "*",
    &[
        "cmp", "consent", "cookies?", "gdpr", "onetrust", "ot-sdk", "ot-pc", "didomi",
        "sp-message", "vendor-list",
    ],
)];

/// Words that name a box that is not the article wherever they stand in a
/// class name ("jp-relatedposts", "VCObjectBoxRelatedNewsItem").
#[rustfmt::skip]
pub const JUNK_ANYWHERE: Words = &[(
    "*",
    &[
        "related", "recommend", "newsletter", "outbrain", "taboola", "sponsor", "advert",
        "breadcrumb", "sidebar", "signup", "recirculation",
    ],
)];

/// Text for screen readers only ("Article content" over Postmedia's body):
/// not the article's even in a heading. Whole words of a class name.
#[rustfmt::skip]
pub const VISUALLY_HIDDEN: Words = &[(
    "*",
    &[
        "visually-?hidden", "sr-only", "screen-reader-text", "screenreader-?only", "offscreen",
    ],
)];

/// A teaser of another article (NDR's and MDR's "teaser" boxes in the
/// text, "u-inline-teaser", "c-inline-teaser-list"), unless the box is the
/// article's own standfirst (`LEAD`: "teaser-text"). Whole words.
#[rustfmt::skip]
pub const TEASER: Words = &[("*", &["teasers?", "inline-?teaser", "teaser-?list"])];

/// Class words that keep a box in the article whatever else it is called.
#[rustfmt::skip]
/// BEM's `article__body` and `article__content` (the content element of the
/// article block) only where a class name starts with them; "article-text"
/// as a whole class name, or after a short namespace ("bo-article-text"
/// beside a script hook "js-dynamic-advertorial").
pub const ARTICLE_BODY: Words = &[(
    "*",
    &[
        "articlebody", "article-body", r"(?:^|\s)article__(?:body|content)",
        r"(?:^|\s)(?:[a-z]{1,3}-)?article-?text(?:$|\s)",
    ],
)];

/// ARIA roles of boxes that are not the article.
#[rustfmt::skip]
pub const JUNK_ROLES: &[&str] = &[
    "navigation", "complementary", "banner", "contentinfo", "dialog", "menu", "toolbar",
];

/// Elements that are never the article's text.
#[rustfmt::skip]
pub const JUNK_TAGS: &[&str] = &[
    "nav", "aside", "form", "button", "select", "input", "textarea", "dialog",
];

/// Readability's positive class words: the article's own container.
#[rustfmt::skip]
pub const ARTICLE: Words = &[(
    "*",
    &[
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
        "story", "detail", "fck", "singular", "news-?content", "maincontent",
    ],
)];

/// Readability's negative class words: a box that is surely not the body.
#[rustfmt::skip]
pub const NOT_ARTICLE: Words = &[(
    "*",
    &[
        "-ad-", "hidden", r"^hid$", r"\bhid\b", "banner", "combx", "comment", "com-", "contact",
        "foot", "footer", "footnote", "masthead", "media", "meta", "outbrain", "promo", "related",
        "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",
        "tool", "widget", "relate", "lienquan", "breadcrumb",
    ],
)];

/// A photo's caption.
#[rustfmt::skip]
pub const CAPTION: Words = &[
    (
        "*",
        &[
            "caption", "captions", "figcaption", "caption-?text", "wp-caption-text", "desc",
            "description", "photo-?desc", "image-?desc", "img-?desc", "legend", "legende",
            "cutline", "photo-?text", "image-?text", "image-?caption", "photo-?caption",
            "media-?caption", "subtitle", "photocms_caption", "pcaption",
        ],
    ),
    ("vi", &["chu-?thich", "chuthich"]),
    ("de", &["bu"]),
];

/// A photo's caption, wherever the word stands in a class name
/// ("newsCaption", "imageCaption", "mediaSubtitleText", "bildunterschrift").
#[rustfmt::skip]
pub const CAPTION_ANYWHERE: Words = &[
    ("*", &["caption", "legend", "subtitletext"]),
    ("de", &["bildunterschrift", "bildtext"]),
    ("es", &["leyenda", "pie-?de-?foto"]),
    ("it", &["didascalia"]),
    ("pt", &["legenda"]),
    ("nl", &["onderschrift"]),
    ("da", &["billedtekst"]),
    ("no", &["bildetekst"]),
    ("fi", &["kuvateksti"]),
];

/// An element holding a photo's credit (anywhere in its class name): a
/// license names its holder too (WordPress's "media-license-caption").
#[rustfmt::skip]
pub const CREDIT: Words = &[
    (
        "*",
        &[
            "credit", "copyright", "photographer", "source", "byline", "attribution", "licen[cs]e",
        ],
    ),
    ("de", &["bild-?autor", "bild-?nachweis", "bild-?quelle", "urheber", "fotograf"]),
];

/// A byline.
#[rustfmt::skip]
pub const BYLINE: Words = &[
    (
        "*",
        &[
            "byline", "by-line", "bylines", "author", "authors", "author-?name", "writer",
            "reporter", "contributor", "story-?author", "article-?author", "post-?author",
            "entry-?author", "creditline", "signature",
        ],
    ),
    ("vi", &["tacgia", "tac-gia"]),
];

/// A byline, wherever the word stands in a class name ("metaInfoAuthorList",
/// "articleAuthor"; not "authority").
#[rustfmt::skip]
pub const BYLINE_ANYWHERE: Words = &[("*", &["author(?:[^i]|$)"])];

/// Inside a byline's box, a part that is not a name (anywhere in the class).
#[rustfmt::skip]
pub const NOT_A_NAME: Words = &[(
    "*",
    &[
        "bio", "avatar", "location", "dateline", "place", "photo", "image",
    ],
)];

/// Inside a byline, a place or a date set apart ("São Paulo").
#[rustfmt::skip]
pub const BYLINE_ASIDE: Words = &[("*", &["location", "dateline", "date", "time", "place"])];

/// A dateline box that may name the writer too ("… BY TMZ STAFF").
#[rustfmt::skip]
pub const DATED: Words = &[("*", &["date", "time", "posted", "meta", "info"])];

/// The writer's portrait near the headline: not the article's photo.
#[rustfmt::skip]
pub const PORTRAIT: Words = &[("*", &["author", "avatar", "byline", "profile"])];

/// A standfirst ("sapo", "chapeau", "Anriss").
#[rustfmt::skip]
pub const LEAD: Words = &[(
    "*",
    &[
        "sapo", "lead", "lede", "standfirst", "dek", "deck", "summary", "description", "desc",
        "excerpt", "chapeau", "chapo", "perex", "subtitle", "sub-?title", "subhead", "abstract",
        "article-?summary", "post-?excerpt", "teaser[_-]*text", "anriss", "anrisstext",
        "sub-?headline", "detail-sapo", "singular-sapo",
    ],
)];

/// A box holding a date (anywhere in its class name; htmldate's
/// `DATE_EXPRESSIONS` too).
#[rustfmt::skip]
pub const DATE: Words = &[
    ("*", &["date", "time", "publish", "posted", "dateline", "meta", "info", "subline",
            "submitted", "publication", "fa-clock", "fa-calendar", "created"]),
    ("vi", &["ngay", "thoi-?gian"]),
    ("de", &["datum"]),
    ("es", &["fecha"]),
    ("fr", &["parution"]),
];

/// A box holding a date among other things (whole words).
#[rustfmt::skip]
pub const DATE_AMONG: Words = &[("*", &["byline", "author", "autor", "stand"])];

/// A date box for the last change, not the publication (anywhere).
#[rustfmt::skip]
pub const UPDATED: Words = &[("*", &["updated", "modified", "lastmod"])];

/// A date box that says it is the publication's all the same.
#[rustfmt::skip]
pub const PUBLISHED: Words = &[("*", &["publish", "posted"])];

/// A photo's link to its large version (anywhere in the link's class).
#[rustfmt::skip]
pub const LIGHTBOX: Words = &[("*", &["lightbox", "lightbbox", "zoom"])];

/// A logo, an icon or an avatar: the page's furniture, not a photo
/// (anywhere in the file's path, class or id).
#[rustfmt::skip]
pub const FURNITURE: Words = &[(
    "*",
    &[
        "logo", "icon", "avatar", "sprite", "badge", "button", "emoji",
    ],
)];

macro_rules! predicate {
    ($(#[$doc:meta])* $name:ident, $build:expr) => {
        $(#[$doc])*
        pub fn $name(words: &str) -> bool {
            static RE: LazyLock<Regex> = LazyLock::new(|| $build);
            RE.is_match(words)
        }
    };
}

predicate!(
    /// A box that is not the article, by its class and id words.
    is_junk,
    pattern(&format!(
        "{}|{}|{}",
        class_words(JUNK).as_str(),
        class_parts(JUNK_ANYWHERE).as_str(),
        class_words(VISUALLY_HIDDEN).as_str()
    ))
);
predicate!(
    /// A paragraph of text hidden behind a paywall.
    is_behind_paywall,
    class_words(BEHIND_PAYWALL)
);
predicate!(
    /// Text for screen readers only.
    is_visually_hidden,
    class_words(VISUALLY_HIDDEN)
);

/// A teaser of another article, not the article's standfirst.
pub fn is_teaser(words: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| class_words(TEASER));
    RE.is_match(words) && !is_lead(words)
}
predicate!(
    /// A consent or cookie dialog.
    is_dialog,
    class_words(DIALOGS)
);
predicate!(
    /// A box that is the article's body whatever else it is called.
    is_article_body,
    class_parts(ARTICLE_BODY)
);
predicate!(
    /// Readability's positive class: the article's container.
    is_article,
    class_parts(ARTICLE)
);
predicate!(
    /// Readability's negative class: surely not the body.
    is_not_article,
    class_parts(NOT_ARTICLE)
);
predicate!(
    /// A photo's caption.
    is_caption,
    pattern(&format!(
        "{}|{}",
        class_words(CAPTION).as_str(),
        class_parts(CAPTION_ANYWHERE).as_str()
    ))
);
predicate!(
    /// A photo's credit.
    is_credit,
    class_parts(CREDIT)
);
predicate!(
    /// A byline.
    is_byline,
    pattern(&format!(
        "{}|{}",
        class_words(BYLINE).as_str(),
        class_parts(BYLINE_ANYWHERE).as_str()
    ))
);
predicate!(
    /// A part of a byline's box that is not a name.
    is_not_a_name,
    class_parts(NOT_A_NAME)
);
predicate!(
    /// A place or a date inside a byline.
    is_byline_aside,
    class_parts(BYLINE_ASIDE)
);
predicate!(
    /// A dateline that may name the writer.
    is_dated,
    class_parts(DATED)
);
predicate!(
    /// The writer's portrait.
    is_portrait,
    class_parts(PORTRAIT)
);
predicate!(
    /// A standfirst.
    is_lead,
    class_words(LEAD)
);
predicate!(
    /// A box holding a date.
    is_date,
    pattern(&format!(
        "{}|{}",
        class_parts(DATE).as_str(),
        class_words(DATE_AMONG).as_str()
    ))
);
predicate!(
    /// A photo's link to its large version.
    is_lightbox,
    class_parts(LIGHTBOX)
);
predicate!(
    /// A logo, an icon, an avatar.
    is_furniture,
    class_parts(FURNITURE)
);

/// A date box of the last change that does not also say it is the
/// publication's.
pub fn is_updated_only(words: &str) -> bool {
    static UPDATED_RE: LazyLock<Regex> = LazyLock::new(|| class_parts(UPDATED));
    static PUBLISHED_RE: LazyLock<Regex> = LazyLock::new(|| class_parts(PUBLISHED));
    UPDATED_RE.is_match(words) && !PUBLISHED_RE.is_match(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Class words in, the decision out.
    #[test]
    fn boxes_by_their_class_words() {
        let table: &[super::super::Case] = &[
            (is_junk, "share-bar", true),
            (is_junk, "jp-relatedposts", true),
            (is_junk, "box-tinlienquan", true),
            (is_junk, "newsletter-signup", true),
            (is_junk, "article-body", false),
            (is_junk, "shareholder-letter", false),
            (is_dialog, "ot-sdk-column", true),
            (
                is_junk,
                "article-block article-content__sign-in-group",
                true,
            ),
            (is_junk, "intro-body__register", true),
            (is_junk, "more-topic", true),
            (is_junk, "c-inlinesignup__content", true),
            (is_junk, "recirculation-box", true),
            (is_junk, "signature", false),
            (is_visually_hidden, "visually-hidden", true),
            (is_visually_hidden, "sr-only", true),
            (is_visually_hidden, "hidden-xs", false),
            (
                is_visually_hidden,
                "expand-icon__a11y-open h-offscreen",
                true,
            ),
            (is_teaser, "teaser", true),
            (
                is_teaser,
                "u-teaser u-teaser--layout-7 u-inline-teaser",
                true,
            ),
            (is_teaser, "c-inline-teaser-list", true),
            (is_teaser, "teaser-text", false),
            (is_teaser, "article-teaser__text", false),
            (is_teaser, "teasertext", false),
            (is_dialog, "cmp-container", true),
            (is_junk, "sliding-drawer--save-article", true),
            (is_junk, "render-target-modal", false),
            (is_article_body, "c-article-body", true),
            (
                is_article_body,
                "sidebar-grid__content article__content",
                true,
            ),
            (is_article_body, "teaser-article__content", false),
            (
                is_article_body,
                "bo-article-text js-dynamic-advertorial js-external-links",
                true,
            ),
            (is_article_body, "article-text", true),
            (is_article_body, "teaser-article-text", false),
            (is_article_body, "article-text-small", false),
            (is_dialog, "onetrust-consent-sdk", true),
            (is_behind_paywall, "paywall", true),
            (is_behind_paywall, "paywall-prompt", true),
            (is_behind_paywall, "paywallable", false),
            (is_dialog, "ot-sdk-container", true),
            (is_dialog, "cookie-banner", true),
            (is_dialog, "cookiecutter", false),
            (is_junk, "onetrust-consent-sdk", false),
            (is_junk, "author-bio", true),
            (is_junk, "author_bio", true),
            (is_article, "entry-content", true),
            (is_not_article, "comment-list", true),
            (is_caption, "wp-caption-text", true),
            (is_caption, "fck_detail__caption", true),
            (is_caption, "image-caption", true),
            (is_caption, "newscaption", true),
            (is_caption, "mediasubtitletext", true),
            (is_caption, "bildunterschrift", true),
            (is_credit, "photo-credit", true),
            (is_credit, "media-license-caption", true),
            (is_credit, "bildautor", true),
            (is_byline, "author-name", true),
            (is_byline, "authority", false),
            (is_byline, "metainfoauthorlist-item", true),
            (is_lead, "sapo", true),
            (is_lead, "leading", false),
            (is_date, "publish-date", true),
            (is_date, "post-meta", true),
            (is_updated_only, "date-updated", true),
            (is_updated_only, "published-updated", false),
            (is_furniture, "/img/site-logo.png", true),
            (is_portrait, "author-avatar", true),
        ];
        for (predicate, words, expected) in table {
            assert_eq!(predicate(words), *expected, "{words}");
        }
    }
}

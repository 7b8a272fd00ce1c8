//! The oEmbed answer of an article (oEmbed 1.0, type `rich`), a static JSON
//! file that the share page's discovery link names: a static host is a
//! discovery-only provider. Its `html` is what WordPress keeps from a
//! provider it does not know: a `<blockquote>` with a link to the share page
//! (readable where nothing else runs), then an `<iframe>` of the card frame,
//! nothing before, between or after them.

use html_escape::encode_double_quoted_attribute as attr;
use news_widget::model::Article;
use serde::Serialize;

use super::frame::{CARD_HEIGHT, CARD_WIDTH};
use super::Publisher;

/// An oEmbed answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// Always `1.0`.
    pub version: &'static str,
    /// Always `rich`: the answer is HTML.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The headline.
    pub title: String,
    /// The byline, if the article has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author_name: Option<String>,
    /// The publisher's name.
    pub provider_name: String,
    /// The publisher's home page.
    pub provider_url: String,
    /// The first photo, if there is one.
    #[serde(flatten)]
    pub thumbnail: Option<Thumbnail>,
    /// The frame's width (WordPress's default column).
    pub width: u32,
    /// The frame's first height, until the frame reports its own.
    pub height: u32,
    /// The blockquote and the iframe.
    pub html: String,
}

/// The `thumbnail_*` fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thumbnail {
    /// The photo's absolute URL.
    pub thumbnail_url: String,
    /// Its width in pixels.
    pub thumbnail_width: u32,
    /// Its height in pixels.
    pub thumbnail_height: u32,
}

/// The answer for `article` (its URLs absolute), whose share page is
/// `share` and card frame `card` (both absolute).
pub fn answer(article: &Article, share: &str, card: &str, publisher: &Publisher) -> Answer {
    let headline = article.headline.as_str();
    let authors: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
    let html = format!(
        "<blockquote class=\"wp-embedded-content\"><a href=\"{share}\">{text}</a></blockquote>\
         <iframe src=\"{card}\" width=\"{CARD_WIDTH}\" height=\"{CARD_HEIGHT}\" title=\"{title}\" \
         frameborder=\"0\" marginwidth=\"0\" marginheight=\"0\" scrolling=\"no\"></iframe>",
        share = attr(share),
        text = html_escape::encode_text(headline),
        card = attr(card),
        title = attr(headline),
    );
    Answer {
        version: "1.0",
        kind: "rich",
        title: headline.to_owned(),
        author_name: (!authors.is_empty()).then(|| authors.join(", ")),
        provider_name: publisher.name.clone(),
        provider_url: publisher.url.clone(),
        thumbnail: article.first_image().map(|image| Thumbnail {
            thumbnail_url: image.src.as_str().to_owned(),
            thumbnail_width: image.width.get(),
            thumbnail_height: image.height.get(),
        }),
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        html,
    }
}

#[cfg(test)]
mod tests {
    use news_widget::model::Document;

    use super::*;

    #[test]
    fn the_html_is_a_blockquote_then_an_iframe_and_nothing_else() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../site/articles/20122.json");
        let mut article =
            Article::parse(&std::fs::read(path).expect("the seed")).expect("an article");
        article.resolve_urls("https://news.example/site/articles/20122.json");
        let publisher = Publisher {
            name: "Tin tức".into(),
            url: "https://news.example/".into(),
        };
        let answer = answer(
            &article,
            "https://news.example/embed/share/20122.vi.html",
            "https://news.example/embed/card/20122.vi.html",
            &publisher,
        );
        assert!(answer.html.starts_with(
            "<blockquote class=\"wp-embedded-content\"><a href=\"https://news.example/embed/share/20122.vi.html\">"
        ));
        assert!(answer.html.ends_with("scrolling=\"no\"></iframe>"));
        assert_eq!(answer.html.matches("<iframe").count(), 1);
        let json = serde_json::to_value(&answer).expect("JSON");
        assert_eq!(json["type"], "rich");
        assert_eq!(
            json["thumbnail_url"],
            "https://news.example/site/media/20122-1.jpg"
        );
        assert_eq!(json["thumbnail_width"], 960);
        assert!(json.get("thumbnail").is_none(), "flattened");

        article.body = Vec::new();
        article.authors = Vec::new();
        let bare =
            serde_json::to_value(super::answer(&article, "s", "c", &publisher)).expect("JSON");
        assert!(bare.get("thumbnail_url").is_none() && bare.get("author_name").is_none());
    }
}

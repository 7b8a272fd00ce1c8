//! The frame pages, for `<iframe src>`: one article edge to edge, telling
//! the parent page its height (the pages' own script, `frame.js`, a module
//! which partner pages never download).
//!
//! - [`whole`]: the whole article, the pre-rendered snippet taken over by the
//!   live widget (reading, related articles, video): for an `<iframe>` of our
//!   own protocol, `<amp-iframe resizable>`, a CMS that takes only iframes.
//! - [`card`]: the card an oEmbed frame shows, for WordPress, which caps a
//!   frame's height at 1,000 px; static, no module.

use std::rc::Rc;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use news_widget::components::{Card, CardProps, CARD_HOST_CLASS};
use news_widget::i18n::Lang;
use news_widget::model::Article;
use yew::LocalServerRenderer;

use crate::snippet::Theme;

/// The width WordPress gives an embed in its default column, and that an
/// oEmbed answer must suit: a static host cannot honour `maxwidth`.
pub const CARD_WIDTH: u32 = 600;
/// About the card's height at [`CARD_WIDTH`] (e2e/partners.test.mjs prints
/// the sample articles'); the frame reports its real height as soon as it loads.
pub const CARD_HEIGHT: u32 = 600;

/// The frame page of the whole article: its pre-rendered `snippet`.
pub fn whole(article: &Article, lang: Lang, snippet: &str) -> String {
    document(article, lang, snippet)
}

/// The card frame of `article` (its URLs resolved), linking to `href`,
/// drawn with the widget's `stylesheet` and the card's own.
pub async fn card(
    article: Rc<Article>,
    lang: Lang,
    href: &str,
    stylesheet: &str,
    theme: Option<Theme>,
) -> String {
    let props = CardProps {
        lang,
        article: Rc::clone(&article),
        href: href.to_owned(),
    };
    let markup = LocalServerRenderer::<Card>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    let theme = theme.map(|t| format!(" theme=\"{t}\"")).unwrap_or_default();
    let body = format!(
        "<div class=\"{CARD_HOST_CLASS}\"{theme}><template shadowrootmode=\"open\">\
         <link rel=\"stylesheet\" href=\"{stylesheet}\">\
         <link rel=\"stylesheet\" href=\"../card.css\">\
         {markup}</template></div>\n",
        stylesheet = attr(stylesheet),
    );
    document(&article, lang, &body)
}

/// A frame page around `body`. Not for search engines: the share page is
/// the article's page.
fn document(article: &Article, lang: Lang, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>{title}</title>\n\
         <link rel=\"stylesheet\" href=\"../page.css\">\n\
         <script src=\"../frame.js\" type=\"module\"></script>\n</head>\n\
         <body class=\"nw-frame\">\n{body}</body>\n</html>\n",
        lang = lang.tag(),
        title = text(article.headline.as_str()),
    )
}

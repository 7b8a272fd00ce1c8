//! Pre-rendered embed snippets: the `<news-article>` element with the
//! article already inside its declarative shadow root, drawn by the widget's
//! own components through Yew's server-side rendering, so it reads exactly
//! as the live widget will. The loader takes it over without a visible change.

use std::fmt;
use std::rc::Rc;

use html_escape::encode_double_quoted_attribute as attr;
use yew::LocalServerRenderer;

use news_widget::components::{Prerendered, PrerenderedProps};
use news_widget::i18n::Lang;
use news_widget::model::{Article, Document};

/// The `theme` attribute of a snippet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Theme {
    /// Light colours (the widget's default).
    Light,
    /// Dark colours.
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    Auto,
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        })
    }
}

/// How a snippet embeds its article.
#[derive(Debug, Clone)]
pub struct Embed {
    /// The article JSON's URL, as the live widget will load it: absolute, or
    /// root-relative (`/site/articles/20122.json`) for a site not yet on its origin.
    pub src: String,
    /// The interface language.
    pub lang: Lang,
    /// The `theme` attribute, if any.
    pub theme: Option<Theme>,
    /// The loader's URL (`…/news-widget.js`).
    pub widget: String,
    /// The stylesheet's URL, of the version the snippet is made with
    /// (`…/v/<version>/news-widget.css`).
    pub stylesheet: String,
}

/// The snippet a partner pastes for `article` (as parsed from its file).
pub async fn render(mut article: Article, embed: &Embed) -> String {
    article.resolve_urls(&embed.src);
    let dates = article.date_index.is_some();
    let fallback = fallback(&article);
    let props = PrerenderedProps {
        lang: embed.lang,
        src: embed.src.clone(),
        article: Rc::new(article),
        dates,
    };
    let markup = LocalServerRenderer::<Prerendered>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    let theme = embed
        .theme
        .map(|theme| format!(" theme=\"{theme}\""))
        .unwrap_or_default();
    format!(
        "<news-article src=\"{src}\" lang=\"{lang}\"{theme}>\
         <template shadowrootmode=\"open\">\
         <link rel=\"stylesheet\" href=\"{stylesheet}\">\
         {markup}\
         </template>\
         {fallback}\
         </news-article>\n\
         <script src=\"{widget}\" async></script>\n",
        src = attr(&embed.src),
        lang = embed.lang.tag(),
        stylesheet = attr(&embed.stylesheet),
        widget = attr(&embed.widget),
    )
}

/// The light-DOM fallback: a link to the article's page, shown again if the
/// widget ends on an error.
fn fallback(article: &Article) -> String {
    let headline = html_escape::encode_text(article.headline.as_str());
    match &article.url {
        Some(url) => format!("<a href=\"{}\">{headline}</a>", attr(url.as_str())),
        None => format!("<p>{headline}</p>"),
    }
}

//! The card an oEmbed frame shows: WordPress caps a frame at 1,000 px and an
//! article is longer, so the frame shows the article's category, headline,
//! date, views, lead and first photo, and links to the whole article.
//!
//! Only the publisher's tool renders it (the card pages of `news-widget
//! build`): the widget never shows it, so the module does not carry it.

use std::rc::Rc;

use yew::prelude::*;

use super::article_view::header;
use crate::i18n::{Lang, Locale};
use crate::model::{plain, Article};

/// The class of the element whose shadow root holds a card on a card page
/// (publisher/src/pages/frame.rs), which the frame pages' script gives the
/// page's theme (`loader/names.js`).
pub const CARD_HOST_CLASS: &str = "nw-card-host";

/// Props of [`Card`].
#[derive(Properties, PartialEq)]
pub struct CardProps {
    /// The interface language.
    pub lang: Lang,
    /// The article, its URLs resolved.
    pub article: Rc<Article>,
    /// Where the whole article is (its share page): the card's one link,
    /// which opens at the top level, out of the frame.
    pub href: String,
}

/// The card, in the widget's own markup and classes, so the widget's
/// stylesheet draws it; the lead is plain text (its links would be
/// dead in a frame that WordPress lets navigate only to its own host).
#[component]
pub fn Card(props: &CardProps) -> Html {
    let locale = Locale::new(props.lang);
    let article = &props.article;
    let photo = article.first_image().map(|image| {
        html! {
            <img class="nw-card-photo" src={image.src.to_string()} alt={image.alt.clone()}
                 width={image.width.to_string()} height={image.height.to_string()} decoding="async" />
        }
    });
    html! {
        <div class="nw nw-card" lang={locale.lang.tag()}>
            <article class="nw-article" part="article" lang={article.language.as_ref().map(|l| l.to_string())}>
                { photo }
                <div class="nw-card-text">
                    { header::<false>(article, None, locale) }
                    if !article.lead.is_empty() {
                        <p class="nw-lead nw-card-lead" part="lead">{ plain(&article.lead) }</p>
                    }
                    <a class="nw-card-link" href={props.href.clone()} target="_top">
                        { locale.lang.pages().read_whole }
                    </a>
                </div>
            </article>
        </div>
    }
}

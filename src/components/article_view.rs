//! A whole article: header, lead, body, credits and related news.
//!
//! The parts that only draw their data (header, body blocks, photos,
//! credits) are plain functions: as components they would cost the module
//! bytes and the page a render each, for nothing, since they change only
//! with the article.

use std::rc::Rc;

use yew::prelude::*;

use super::{counted, rich_text, use_locale, RelatedList, VideoPlayer};
use crate::i18n::Locale;
use crate::model::{Article, ArticleSummary, Block, Heading, Image, Paragraph, Quote};

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article to show.
    pub article: Rc<Article>,
    /// Another article is loading in its place: it is shown dimmed meanwhile.
    #[prop_or_default]
    pub stale: bool,
    /// The live view count, once the article's counter gave it; else the
    /// article's own count is shown.
    #[prop_or_default]
    pub views: Option<u64>,
    /// A related article was chosen.
    pub onselect: Callback<ArticleSummary>,
    /// A related article was hovered or focused.
    #[prop_or_default]
    pub onprefetch: Callback<ArticleSummary>,
    /// A video in the article started playing (its source).
    #[prop_or_default]
    pub onvideoplay: Callback<String>,
}

/// The article, in the order the original portal shows it.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    counted("ArticleView");
    let locale = use_locale();
    let article = &props.article;
    #[cfg(feature = "crash-test")]
    #[allow(clippy::panic)]
    if article.headline.as_str() == "PANIC" {
        panic!("crash-test: a panic while rendering");
    }
    let blocks = article.body.iter().map(|block| match block {
        Block::Paragraph(Paragraph { text }) => html! { <p>{ rich_text(text) }</p> },
        Block::Heading(Heading { text }) => html! { <h3>{ text.as_str() }</h3> },
        Block::Quote(Quote { text, attribution }) => html! {
            <blockquote class="nw-quote">
                <p>{ rich_text(text) }</p>
                if let Some(who) = attribution {
                    <footer>{ who.as_str() }</footer>
                }
            </blockquote>
        },
        Block::Image(image) => figure(image, locale),
        Block::Video(video) => {
            html! { <VideoPlayer video={Rc::clone(video)} onplay={props.onvideoplay.clone()} /> }
        }
        Block::Unsupported => html! {},
    });
    html! {
        <div class={classes!("nw-content", props.stale.then_some("nw-stale"))} aria-busy={props.stale.then_some("true")}>
            <article class="nw-article" part="article" lang={article.language.as_ref().map(|l| l.to_string())}>
                { header::<true>(article, props.views, locale) }
                if !article.lead.is_empty() {
                    <p class="nw-lead" part="lead">{ rich_text(&article.lead) }</p>
                }
                <div class="nw-body" part="body">{ for blocks }</div>
                { credits(article, locale) }
            </article>
            if !article.related.is_empty() {
                <RelatedList items={Rc::clone(&article.related)} zone={article.time_zone.clone()}
                             onselect={props.onselect.clone()} onprefetch={props.onprefetch.clone()} />
            }
        </div>
    }
}

/// Category, headline, dateline and view count (`live`, else the article's
/// own); the category links to its page if `LINKED` (a card shows it as
/// text: its one link is to the whole article). A constant, so the widget's
/// module holds only the linked form.
pub(super) fn header<const LINKED: bool>(
    article: &Article,
    live: Option<u64>,
    locale: Locale,
) -> Html {
    let category = article.category.as_ref().map(|category| match &category.url {
        Some(url) if LINKED => html! {
            <a class="nw-category" part="category" href={url.to_string()} target="_blank" rel="noopener noreferrer">
                { category.name.as_str() }
            </a>
        },
        _ => html! { <span class="nw-category" part="category">{ category.name.as_str() }</span> },
    });
    let views = live
        .or(article.view_count)
        .map(|n| locale.count(n, &locale.lang.messages().views));
    html! {
        <header class="nw-header" part="header">
            { category }
            <h2 class="nw-headline" part="headline" tabindex="-1">{ article.headline.as_str() }</h2>
            <p class="nw-meta">
                <time class="nw-published" datetime={article.published.as_str().to_owned()}>
                    { locale.date_time(&article.published, &article.time_zone) }
                </time>
                if let Some(views) = views {
                    <span class="nw-views">{ views }</span>
                }
            </p>
        </header>
    }
}

/// A photo, sized before it loads (no layout shift) and loaded lazily, with
/// its caption and credit.
fn figure(image: &Image, locale: Locale) -> Html {
    html! {
        <figure class="nw-figure" part="figure">
            <img src={image.src.to_string()} alt={image.alt.clone()}
                 width={image.width.to_string()} height={image.height.to_string()}
                 loading="lazy" decoding="async" />
            if !image.caption.is_empty() || image.credit.is_some() {
                <figcaption>
                    { rich_text(&image.caption) }
                    if let Some(credit) = &image.credit {
                        <span class="nw-figure-credit">
                            { format!("{}: {credit}", locale.lang.messages().photo) }
                        </span>
                    }
                </figcaption>
            }
        </figure>
    }
}

/// "Tác giả: Đào Quyên" and "Ảnh: Thành Tâm", as readable sentences.
fn credits(article: &Article, locale: Locale) -> Html {
    let messages = locale.lang.messages();
    let names = |names: Vec<&str>| names.join(", ");
    let authors = names(article.authors.iter().map(|a| a.name.as_str()).collect());
    let photographers = names(article.photo_credits.iter().map(|p| p.as_str()).collect());
    if authors.is_empty() && photographers.is_empty() {
        return html! {};
    }
    html! {
        <footer class="nw-credits" part="credits">
            if !authors.is_empty() {
                <p class="nw-author">{ format!("{}: ", messages.author) }<strong>{ authors }</strong></p>
            }
            if !photographers.is_empty() {
                <p class="nw-photo-credit">{ format!("{}: {photographers}", messages.photo) }</p>
            }
        </footer>
    }
}

//! A whole article: header, lead, body, credits and related news.
//!
//! The parts that only draw their data (header, body blocks, photos,
//! credits) are plain functions: as components they would cost the module
//! bytes and the page a render each, for nothing, since they change only
//! with the article. The body is the exception: a long one renders in
//! parts ([`BodyPart`]), the first screenful first (see [`FIRST_PART`]).

use std::ops::Range;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
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
    /// The live widget's: told once every block of the body is in the DOM.
    /// With it, a long body renders in parts, one task after another; without
    /// it (a pre-rendered snippet: SSR runs no effects) all at once.
    #[prop_or_default]
    pub onrendered: Option<Callback<()>>,
}

/// How many body blocks the first render holds: a screenful and more, so
/// the first paint shows a whole screen of the article, as static HTML does
/// while its parser still reads the rest. Even one-line paragraphs (about
/// 60 px each) fill a 1,440 px screen with 24; the seed's blocks fill about
/// 10,000 px at 1,000 px wide. An article this short (the seed has 8 blocks)
/// renders whole in one render, as it always did.
const FIRST_PART: usize = 24;

/// How many blocks each later part adds, one part per task, so the browser
/// paints and answers input between parts. At 4x CPU throttling the parts of
/// a 2,000-block article come 170 to 250 ms apart (the render and the
/// browser's style, layout and paint); 128 a part made the whole no sooner.
const PART: usize = 64;

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
    let shown = use_parts(article, props.onrendered.as_ref());
    let whole = shown >= article.body.len();
    let first = FIRST_PART.min(shown);
    let parts = std::iter::successors(Some(0..first), |part| {
        (part.end < shown).then(|| part.end..(part.end + PART).min(shown))
    })
    .filter(|part| !part.is_empty())
    // Keyed by where they start: Yew pairs an unkeyed list's children from
    // its end, so an appended part would give every part before it the
    // props of the next one, and render them all again.
    .map(|range| {
        html! {
            <BodyPart key={range.start} article={Rc::clone(article)} range={range.clone()} onvideoplay={props.onvideoplay.clone()} />
        }
    });
    // The credits and related news below the body wait for its last part:
    // shown earlier, every part would push them down under a reader who
    // scrolled to them. Parts are only ever appended, so nothing above moves.
    html! {
        <div class={classes!("nw-content", props.stale.then_some("nw-stale"))} aria-busy={props.stale.then_some("true")}>
            <article class="nw-article" part="article" lang={article.language.as_ref().map(|l| l.to_string())}>
                { header::<true>(article, props.views, locale) }
                if !article.lead.is_empty() {
                    <p class="nw-lead" part="lead">{ rich_text(&article.lead) }</p>
                }
                <div class="nw-body" part="body">{ for parts }</div>
                if whole {
                    { credits(article, locale) }
                }
            </article>
            if whole && !article.related.is_empty() {
                <RelatedList items={Rc::clone(&article.related)} zone={article.time_zone.clone()}
                             onselect={props.onselect.clone()} onprefetch={props.onprefetch.clone()} />
            }
        </div>
    }
}

/// How many of `article`'s body blocks to render now: with `onrendered`,
/// the first part, then one more part per task until the whole body is in,
/// and then calls `onrendered`; without it, all at once. Another article
/// starts again from its first part.
#[hook]
fn use_parts(article: &Rc<Article>, onrendered: Option<&Callback<()>>) -> usize {
    let total = article.body.len();
    let first = match onrendered {
        Some(_) => FIRST_PART.min(total),
        None => total,
    };
    // The article the count is for: a count of the one before never counts.
    let progress = use_state(|| (Rc::clone(article), first));
    let shown = if Rc::ptr_eq(&progress.0, article) {
        progress.1
    } else {
        first
    };
    let next = Rc::clone(article);
    // Keyed on the article's address, not its contents (a whole article
    // compared per part): the widget's state still holds an article when
    // the next one is made, so two never share an address. And on the
    // callback: a new showing brings a new one, called once when its body is
    // whole; a stale showing's is never called, as only the current one is
    // in the props.
    let deps = (Rc::as_ptr(article), shown, onrendered.cloned());
    use_effect_with(deps, move |(_, shown, onrendered)| {
        let shown = *shown;
        // A timer task, not an animation frame: the browser paints between
        // tasks, and frames never come in a hidden tab or an off-screen
        // frame, where the host still waits for `rendered`. Dropped (the
        // part not added) when the article changes or the view goes.
        let timer = (shown < total)
            .then(|| Timeout::new(0, move || progress.set((next, (shown + PART).min(total)))));
        if let Some(onrendered) = onrendered.as_ref().filter(|_| timer.is_none()) {
            onrendered.emit(());
        }
        move || drop(timer)
    });
    shown
}

/// Props of [`BodyPart`].
#[derive(Properties, PartialEq)]
struct BodyPartProps {
    /// The article (compared by address: the same article is the same `Rc`).
    article: Rc<Article>,
    /// Which of its body blocks this part holds.
    range: Range<usize>,
    /// A video in the part started playing (its source).
    onvideoplay: Callback<String>,
}

/// A run of body blocks. A component so that adding a part re-renders none
/// of the parts before it: their props are unchanged, Yew skips them.
#[component]
fn BodyPart(props: &BodyPartProps) -> Html {
    let locale = use_locale();
    let blocks = props
        .article
        .body
        .get(props.range.clone())
        .unwrap_or_default();
    blocks
        .iter()
        .map(|b| block(b, locale, &props.onvideoplay))
        .collect()
}

/// One body block.
fn block(block: &Block, locale: Locale, onvideoplay: &Callback<String>) -> Html {
    match block {
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
            html! { <VideoPlayer video={Rc::clone(video)} onplay={onvideoplay.clone()} /> }
        }
        Block::Unsupported => html! {},
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

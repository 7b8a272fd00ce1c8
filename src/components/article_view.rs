//! A whole article: header, lead, body, credits and related news.

use std::rc::Rc;

use yew::prelude::*;

use super::{rich_text, ArticleBody, ArticleHeader, Credits, RelatedList};
use crate::model::{Article, ArticleSummary};

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article to show.
    pub article: Rc<Article>,
    /// Another article is loading in its place: it is shown dimmed meanwhile.
    #[prop_or_default]
    pub stale: bool,
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
    let article = &props.article;
    #[cfg(feature = "crash-test")]
    #[allow(clippy::panic)]
    if article.headline.as_str() == "PANIC" {
        panic!("crash-test: a panic while rendering");
    }
    html! {
        <div class={classes!("nw-content", props.stale.then_some("nw-stale"))} aria-busy={props.stale.then_some("true")}>
            <article class="nw-article" part="article" lang={article.language.as_ref().map(|l| l.to_string())}>
                <ArticleHeader article={Rc::clone(article)} />
                if !article.lead.is_empty() {
                    <p class="nw-lead" part="lead">{ rich_text(&article.lead) }</p>
                }
                <ArticleBody article={Rc::clone(article)} onvideoplay={props.onvideoplay.clone()} />
                <Credits article={Rc::clone(article)} />
            </article>
            if !article.related.is_empty() {
                <RelatedList article={Rc::clone(article)} onselect={props.onselect.clone()}
                             onprefetch={props.onprefetch.clone()} />
            }
        </div>
    }
}

//! A whole article: header, lead, body, credits and related news.

use std::rc::Rc;

use yew::prelude::*;

use super::{rich_text, ArticleBody, ArticleHeader, Credits, RelatedList};
use crate::model::{Article, RelatedItem};

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article to show.
    pub article: Rc<Article>,
    /// A related article was chosen.
    pub onselect: Callback<RelatedItem>,
}

/// The article, in the order the original portal shows it.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    html! {
        <>
            <article class="nw-article" part="article" lang={article.language.as_ref().map(|l| l.to_string())}>
                <ArticleHeader article={Rc::clone(article)} />
                if !article.lead.is_empty() {
                    <p class="nw-lead" part="lead">{ rich_text(&article.lead) }</p>
                }
                <ArticleBody article={Rc::clone(article)} />
                <Credits article={Rc::clone(article)} />
            </article>
            if !article.related.is_empty() {
                <RelatedList article={Rc::clone(article)} onselect={props.onselect.clone()} />
            }
        </>
    }
}

//! Category, headline, dateline and view count.

use std::rc::Rc;

use yew::prelude::*;

use super::use_locale;
use crate::model::Article;

/// Props of [`ArticleHeader`].
#[derive(Properties, PartialEq)]
pub struct ArticleHeaderProps {
    /// The article whose header this is.
    pub article: Rc<Article>,
}

/// The article's header.
#[component]
pub fn ArticleHeader(props: &ArticleHeaderProps) -> Html {
    let locale = use_locale();
    let article = &props.article;
    let category = article.category.as_ref().map(|category| match &category.url {
        Some(url) => html! {
            <a class="nw-category" part="category" href={url.to_string()} target="_blank" rel="noopener noreferrer">
                { category.name.as_str() }
            </a>
        },
        None => html! { <span class="nw-category" part="category">{ category.name.as_str() }</span> },
    });
    let views = article
        .view_count
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

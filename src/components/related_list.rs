//! "Tin cùng chuyên mục": related news in the same category.

use std::rc::Rc;

use yew::prelude::*;

use super::{use_locale, SummaryItem};
use crate::i18n::DateStyle;
use crate::model::{Article, ArticleSummary};

/// Props of [`RelatedList`].
#[derive(Properties, PartialEq)]
pub struct RelatedListProps {
    /// The article whose related items these are.
    pub article: Rc<Article>,
    /// An item was chosen.
    pub onselect: Callback<ArticleSummary>,
    /// An item was hovered or focused.
    pub onprefetch: Callback<ArticleSummary>,
}

/// The related list, as labelled navigation.
#[component]
pub fn RelatedList(props: &RelatedListProps) -> Html {
    let locale = use_locale();
    let article = &props.article;
    let items = article.related.iter().map(|item| {
        html! {
            <SummaryItem key={item.id.as_str()} item={item.clone()} zone={article.time_zone.clone()}
                         style={DateStyle::Short} onselect={props.onselect.clone()}
                         onprefetch={props.onprefetch.clone()} />
        }
    });
    html! {
        <nav class="nw-related" part="related" aria-labelledby="nw-related-title">
            <h3 id="nw-related-title">{ locale.lang.messages().related }</h3>
            <ul class="nw-summaries">{ for items }</ul>
        </nav>
    }
}

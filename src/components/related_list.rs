//! "Tin cùng chuyên mục": related news in the same category.

use std::rc::Rc;

use yew::prelude::*;

use super::{counted, use_locale, SummaryItem};
use crate::i18n::DateStyle;
use crate::model::{ArticleSummary, TimeZone};

/// Props of [`RelatedList`].
#[derive(Properties, PartialEq)]
pub struct RelatedListProps {
    /// The related articles.
    pub items: Rc<[ArticleSummary]>,
    /// The zone their dates are shown in (the article's).
    pub zone: TimeZone,
    /// An item was chosen.
    pub onselect: Callback<ArticleSummary>,
    /// An item was hovered or focused.
    pub onprefetch: Callback<ArticleSummary>,
}

/// The related list, as labelled navigation.
#[component]
pub fn RelatedList(props: &RelatedListProps) -> Html {
    counted("RelatedList");
    let locale = use_locale();
    let items = props.items.iter().map(|item| {
        html! {
            <SummaryItem key={item.id.as_str()} item={item.clone()} zone={props.zone.clone()}
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

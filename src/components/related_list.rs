//! "Tin cùng chuyên mục": related news in the same category.

use std::rc::Rc;

use yew::prelude::*;

use super::use_locale;
use crate::i18n::DateStyle;
use crate::model::{Article, RelatedItem};

/// Props of [`RelatedList`].
#[derive(Properties, PartialEq)]
pub struct RelatedListProps {
    /// The article whose related items these are.
    pub article: Rc<Article>,
    /// An item was chosen with a plain click (or Enter).
    pub onselect: Callback<RelatedItem>,
}

/// The related list. Each item is a real link to the article's page, so
/// open-in-new-tab and copy-link work; a plain click opens it in place.
#[component]
pub fn RelatedList(props: &RelatedListProps) -> Html {
    let locale = use_locale();
    let article = &props.article;
    let items = article.related.iter().map(|item| {
        let onclick = {
            let (item, onselect) = (item.clone(), props.onselect.clone());
            move |event: MouseEvent| {
                let modified =
                    event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
                if event.button() == 0 && !modified {
                    event.prevent_default();
                    onselect.emit(item.clone());
                }
            }
        };
        let href = item.url.as_ref().unwrap_or(&item.src).to_string();
        html! {
            <li key={item.id.as_str()} class="nw-related-item">
                <a href={href} {onclick}>
                    if let Some(thumb) = &item.thumbnail {
                        <img src={thumb.src.to_string()} alt="" width={thumb.width.to_string()}
                             height={thumb.height.to_string()} loading="lazy" decoding="async" />
                    }
                    <span class="nw-related-headline">{ item.headline.as_str() }</span>
                    <time datetime={item.published.as_str().to_owned()}>
                        { locale.date(&item.published, &article.time_zone, DateStyle::Short) }
                    </time>
                </a>
            </li>
        }
    });
    html! {
        <nav class="nw-related" part="related" aria-labelledby="nw-related-title">
            <h3 id="nw-related-title">{ locale.lang.messages().related }</h3>
            <ul>{ for items }</ul>
        </nav>
    }
}

//! The byline and photo credits.

use std::rc::Rc;

use yew::prelude::*;

use super::use_locale;
use crate::model::Article;

/// Props of [`Credits`].
#[derive(Properties, PartialEq)]
pub struct CreditsProps {
    /// The article whose credits these are.
    pub article: Rc<Article>,
}

/// "Tác giả: Đào Quyên" and "Ảnh: Thành Tâm", as readable sentences.
#[component]
pub fn Credits(props: &CreditsProps) -> Html {
    let messages = use_locale().lang.messages();
    let article = &props.article;
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

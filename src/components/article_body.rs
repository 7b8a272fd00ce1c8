//! The body, block by block.

use std::rc::Rc;

use yew::prelude::*;

use super::{rich_text, Figure, VideoPlayer};
use crate::model::{Article, Block, Heading, Paragraph, Quote};

/// Props of [`ArticleBody`].
#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    /// The article whose body this is.
    pub article: Rc<Article>,
    /// A video started playing (its source).
    #[prop_or_default]
    pub onvideoplay: Callback<String>,
}

/// The body blocks; unknown block types are skipped.
#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let blocks = props.article.body.iter().map(|block| match block {
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
        Block::Image(image) => html! { <Figure image={Rc::clone(image)} /> },
        Block::Video(video) => {
            html! { <VideoPlayer video={Rc::clone(video)} onplay={props.onvideoplay.clone()} /> }
        }
        Block::Unsupported => html! {},
    });
    html! { <div class="nw-body" part="body">{ for blocks }</div> }
}

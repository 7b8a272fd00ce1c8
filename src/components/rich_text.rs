//! Typed rich text → markup. Only these elements can come out of it.

use yew::prelude::*;

use crate::model::{Inline, Span};

/// Renders rich text: `<em>`, `<strong>`, `<a>` and `<br>` for `\n`, nothing else.
pub fn rich_text(text: &[Inline]) -> Html {
    text.iter().map(inline).collect()
}

fn inline(node: &Inline) -> Html {
    match node {
        Inline::Text(text) => lines(text),
        Inline::Span(Span::Em(inner)) => html! { <em>{ rich_text(inner) }</em> },
        Inline::Span(Span::Strong(inner)) => html! { <strong>{ rich_text(inner) }</strong> },
        Inline::Span(Span::Link(link)) => {
            let external = link.href.is_external();
            html! {
                <a href={link.href.as_str().to_owned()}
                   target={external.then_some("_blank")}
                   rel={external.then_some("noopener noreferrer")}>
                    { rich_text(&link.text) }
                </a>
            }
        }
    }
}

fn lines(text: &str) -> Html {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| html! { <>{ (i > 0).then(|| html! { <br /> }) }{ line }</> })
        .collect()
}

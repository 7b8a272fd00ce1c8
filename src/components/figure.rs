//! A photo with its caption and credit.

use std::rc::Rc;

use yew::prelude::*;

use super::{rich_text, use_locale};
use crate::model::Image;

/// Props of [`Figure`].
#[derive(Properties, PartialEq)]
pub struct FigureProps {
    /// The photo.
    pub image: Rc<Image>,
}

/// A photo, sized before it loads (no layout shift) and loaded lazily.
#[component]
pub fn Figure(props: &FigureProps) -> Html {
    let locale = use_locale();
    let image = &props.image;
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

//! Photos: the file of an `<img>`, `<picture>` or `<amp-img>` through
//! lazy-loading markup (`data-src`, `srcset`, `<source>`, `<noscript>`),
//! placeholders and the page's furniture (logos, icons) left out.

use news_widget::model::{plain, Label, RichText};
use scraper::ElementRef;
use url::Url;

use super::credits::attribute_credit;
use super::dom::{links_to_writer, normalize, tag, Attribute};
use crate::import::address;
use crate::import::draft::{Picture, Size};
use crate::import::vocabulary::{boxes, markup};

/// The image file of an `<img>` (or `<picture>`), through lazy-loading
/// markup: `data-src` and its kin, the largest `srcset` candidate, a
/// `<source>`; not a placeholder.
pub fn image_url(e: ElementRef, base: &Url) -> Option<Url> {
    let value = e.value();
    let attr = |name: &str| {
        value
            .attribute(name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let lazy = markup::LAZY_SRC
        .iter()
        .find_map(|a| attr(a))
        .map(str::to_owned);
    let srcset = markup::SRCSET
        .iter()
        .find_map(|a| attr(a))
        .and_then(largest_candidate);
    let src = attr("src")
        .filter(|s| !is_placeholder(s))
        .map(str::to_owned);
    let from_source = || {
        e.parent()
            .and_then(ElementRef::wrap)
            .filter(|p| tag(*p) == "picture")
            .into_iter()
            .chain((tag(e) == "picture").then_some(e))
            .flat_map(|p| {
                p.child_elements()
                    .filter(|c| tag(*c) == "source")
                    .collect::<Vec<_>>()
            })
            .find_map(|s| {
                markup::SRCSET
                    .iter()
                    .find_map(|a| s.value().attribute(a))
                    .and_then(largest_candidate)
            })
    };
    let chosen = lazy.or(src).or(srcset).or_else(from_source)?;
    address::photo(base, &chosen)
}

/// The image a `<noscript>` beside a lazy-loading `<img>` holds (parsed as
/// text, since the page is read as a browser with scripts would).
fn noscript_image(img: ElementRef, base: &Url) -> Option<Url> {
    let parent = img.parent().and_then(ElementRef::wrap)?;
    let noscript = parent
        .child_elements()
        .chain(
            parent
                .parent()
                .and_then(ElementRef::wrap)
                .into_iter()
                .flat_map(|g| g.child_elements().collect::<Vec<_>>()),
        )
        .find(|c| tag(*c) == "noscript")?;
    let inner: String = noscript.text().collect();
    if inner.len() > 20_000 {
        return None;
    }
    let fragment = scraper::Html::parse_fragment(&inner);
    let found = fragment
        .root_element()
        .descendent_elements()
        .find(|d| tag(*d) == "img")?;
    image_url(found, base)
}

fn is_placeholder(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    lower.starts_with("data:")
        || lower.ends_with("/grey.gif")
        || markup::PLACEHOLDERS.iter().any(|p| lower.contains(p))
}

/// The URL of the widest candidate of a `srcset`.
fn largest_candidate(srcset: &str) -> Option<String> {
    srcset
        .split(", ")
        .filter_map(|candidate| {
            let mut parts = candidate.split_whitespace();
            let url = parts.next()?;
            let width = parts
                .next()
                .and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f64>().ok())
                .unwrap_or(1.0);
            (!is_placeholder(url)).then(|| (url.to_owned(), width))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(url, _)| url)
}

/// A photo from an `<img>`, `<amp-img>` or `<picture>`.
pub fn picture(
    e: ElementRef,
    base: &Url,
    caption: Option<(RichText, Option<Label>)>,
) -> Option<Picture> {
    let img = match tag(e) {
        "picture" => e
            .descendent_elements()
            .find(|d| tag(*d) == "img")
            .unwrap_or(e),
        _ => e,
    };
    let src = image_url(img, base)
        .or_else(|| image_url(e, base))
        .or_else(|| noscript_image(img, base))?;
    let value = img.value();
    // A logo, an icon or an avatar is the page's furniture, not a photo.
    let furniture = [
        src.path(),
        value.attribute("class").unwrap_or(""),
        value.attribute("id").unwrap_or(""),
    ]
    .iter()
    .any(|s| boxes::is_furniture(&s.to_ascii_lowercase()));
    // Nor is the writer's portrait beside the byline: by its box's name,
    // or by its link to the writer's page.
    let portrait = e
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take(3)
        .any(|a| boxes::is_portrait(&super::dom::class_and_id(a)) || links_to_writer(a));
    if furniture || portrait {
        return None;
    }
    let dim = |names: [&str; 2]| -> Option<u32> {
        names
            .iter()
            .find_map(|n| value.attribute(n))
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
    };
    let style = value.attribute("style").unwrap_or("");
    let size = dim(["width", "data-width"])
        .or_else(|| style_px(style, "width"))
        .zip(dim(["height", "data-height"]).or_else(|| style_px(style, "height")))
        .and_then(|(w, h)| Size::new(w, h));
    // Tracking pixels and icons are not photos; a captioned one is (its
    // width and height only give the shape: 16 by 9).
    let captioned = caption
        .as_ref()
        .is_some_and(|(c, _)| !plain(c).trim().is_empty());
    if size.is_some_and(|s| s.is_icon()) && !captioned {
        return None;
    }
    let (caption, credit) = caption.unwrap_or_default();
    let credit = credit.or_else(|| attribute_credit(img));
    Some(Picture {
        src,
        alt: value.attribute("alt").map(normalize).unwrap_or_default(),
        caption,
        credit,
        size,
        local: None,
    })
}

/// A length in pixels an inline style sets (`style="width:1px"`).
fn style_px(style: &str, property: &str) -> Option<u32> {
    style.split(';').find_map(|declaration| {
        let (name, value) = declaration.split_once(':')?;
        (name.trim().eq_ignore_ascii_case(property))
            .then(|| value.trim().strip_suffix("px")?.trim().parse::<u32>().ok())
            .flatten()
    })
}

/// Whether a link goes to an image file (a photo's link to its large version).
pub fn links_to_image(a: ElementRef, base: &Url) -> bool {
    let Some(href) = a
        .value()
        .attribute("href")
        .and_then(|h| address::resolve(base, h))
    else {
        return true; // no link: only a wrapper
    };
    let path = href.path().to_ascii_lowercase();
    markup::IMAGE_EXTENSIONS.iter().any(|x| path.ends_with(x))
        || a.value().attribute("data-img").is_some()
        || a.value()
            .attribute("class")
            .is_some_and(|c| boxes::is_lightbox(&c.to_ascii_lowercase()))
}

//! WordPress's REST API: `/wp-json/wp/v2/posts?_embed` (a list) or one
//! post. Each post becomes an article from the answer alone: its title,
//! content and excerpt as rendered, `date` and `date_gmt` (whose
//! difference is the site's UTC offset then), the embedded author, featured
//! image (with its size) and categories.

use serde_json::Value;
use url::Url;

use super::address::{self, WebUrl};
use super::date::{DayOrder, Moment, Stated};
use super::draft::{Draft, Picture, Piece, Size};
use super::page;
use super::skip::Skip;

/// The posts of a WordPress answer.
pub fn posts(bytes: &[u8], base: &Url) -> Result<Vec<Result<Draft, Skip>>, Skip> {
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| Skip::BadWordPress(e.to_string()))?;
    let posts = match value {
        Value::Array(posts) => posts,
        post @ Value::Object(_) => vec![post],
        _ => return Err(Skip::BadWordPress("neither a post nor a list".into())),
    };
    Ok(posts.iter().map(|post| draft(post, base)).collect())
}

fn rendered<'a>(post: &'a Value, key: &str) -> &'a str {
    post.get(key)
        .and_then(|v| v.get("rendered"))
        .and_then(Value::as_str)
        .unwrap_or("")
}

fn draft(post: &Value, base: &Url) -> Result<Draft, Skip> {
    let id = post
        .get("id")
        .and_then(Value::as_u64)
        .ok_or(Skip::PostWithoutId)?;
    let url = post
        .get("link")
        .and_then(Value::as_str)
        .and_then(|l| WebUrl::resolve(base, l));
    let page_base = url
        .as_ref()
        .map_or_else(|| base.clone(), |u| u.url().clone());
    let (mut body, warnings) = page::fragment(rendered(post, "content"), &page_base);

    let embedded = post.get("_embedded");
    let featured = embedded
        .and_then(|e| e.get("wp:featuredmedia"))
        .and_then(|m| m.get(0))
        .and_then(|m| featured_image(m, &page_base));
    if let Some(picture) = featured {
        // The featured image leads the article, unless the text shows it already.
        let shown = body
            .iter()
            .any(|p| matches!(p, Piece::Image(i) if i.src == picture.src));
        if !shown {
            body.insert(0, Piece::Image(picture));
        }
    }
    let authors = embedded
        .and_then(|e| e.get("author"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|a| a.get("name").and_then(Value::as_str))
                .filter_map(|n| news_widget::model::Label::try_from(n.to_owned()).ok())
                .collect()
        })
        .unwrap_or_default();
    let category = embedded
        .and_then(|e| e.get("wp:term"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
        .find(|t| t.get("taxonomy").and_then(Value::as_str) == Some("category"))
        .and_then(|t| t.get("name").and_then(Value::as_str))
        .map(page::plain_text);

    // WordPress writes an excerpt itself when the author did not: the
    // text's opening, cut with "[…]". That is not a lead.
    let excerpt = page::plain_text(rendered(post, "excerpt"));
    let automatic =
        excerpt.ends_with("[…]") || excerpt.ends_with("[&hellip;]") || excerpt.ends_with("...");
    let lead = if excerpt.is_empty() || automatic {
        Vec::new()
    } else {
        vec![news_widget::model::Inline::Text(excerpt)]
    };
    Ok(Draft {
        id: Some(id.to_string()),
        url,
        language: None,
        category,
        headline: page::plain_text(rendered(post, "title")),
        lead,
        published: moment(post, "date", "date_gmt"),
        modified: moment(post, "modified", "modified_gmt"),
        view_count: None,
        body,
        authors,
        photo_credits: Vec::new(),
        warnings,
    }
    .with_photo_credits())
}

/// `local` (the site's wall clock) with the offset that `gmt` (the same
/// moment in UTC) implies.
fn moment(post: &Value, local: &str, gmt: &str) -> Option<Stated> {
    let read = |key: &str| {
        let text = post.get(key)?.as_str()?;
        match Stated::parse(text, DayOrder::DayFirst)? {
            Stated::Local(local) => Some(local),
            _ => None,
        }
    };
    let local = read(local)?;
    let Some(utc) = read(gmt) else {
        return Some(Stated::Local(local));
    };
    let at = jiff::tz::Offset::UTC.to_timestamp(utc).ok()?;
    let seconds = local.duration_since(utc).as_secs();
    let offset = jiff::tz::Offset::from_seconds(i32::try_from(seconds).ok()?).ok()?;
    Some(Stated::Exact(Moment { at, offset }))
}

fn featured_image(media: &Value, base: &Url) -> Option<Picture> {
    let src = media
        .get("source_url")
        .and_then(Value::as_str)
        .and_then(|u| address::photo(base, u))?;
    let details = media.get("media_details");
    let dim = |key: &str| {
        details
            .and_then(|d| d.get(key))
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
    };
    let caption = page::plain_text(rendered(media, "caption"));
    Some(Picture {
        src,
        alt: media
            .get("alt_text")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_owned(),
        caption: if caption.is_empty() {
            Vec::new()
        } else {
            vec![news_widget::model::Inline::Text(caption)]
        },
        credit: None,
        size: dim("width")
            .zip(dim("height"))
            .and_then(|(w, h)| Size::new(w, h)),
        local: None,
    })
}

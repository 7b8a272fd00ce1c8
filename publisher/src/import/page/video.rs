//! Videos (`<video>` with its sources, poster and tracks) and embeds (a
//! player or a post of a known host, kept as a link to it).

use news_widget::model::{Inline, Label, Link, LinkUrl, RichText, Span, TrackKind};
use scraper::ElementRef;
use url::Url;

use super::dom::{normalize, tag, Attribute};
use crate::import::address::WebUrl;
use crate::import::draft::{Clip, ClipSource, Look, Piece, Size, Track};
use crate::import::vocabulary::markup;
use crate::import::warning::Warning;

/// A video element's sources, poster and tracks; `true` with it if its
/// size had to be guessed.
pub fn clip(e: ElementRef, base: &Url, caption: RichText) -> Option<(Clip, bool)> {
    let mut sources: Vec<ClipSource> = Vec::new();
    let mut push = |src: &str, kind: Option<&str>| {
        let Some(url) = WebUrl::resolve(base, src) else {
            return;
        };
        let kind = kind.map_or_else(|| media_type(url.url()), str::to_owned);
        let (false, Ok(media_type)) = (sources.iter().any(|s| s.src == url), Label::try_from(kind))
        else {
            return;
        };
        sources.push(ClipSource {
            src: url,
            media_type,
        });
    };
    if let Some(src) = e
        .value()
        .attribute("src")
        .or_else(|| e.value().attribute("data-src"))
    {
        push(src, None);
    }
    for source in e.child_elements().filter(|c| tag(*c) == "source") {
        if let Some(src) = source
            .value()
            .attribute("src")
            .or_else(|| source.value().attribute("data-src"))
        {
            push(
                src,
                source
                    .value()
                    .attribute("type")
                    .map(str::trim)
                    .filter(|t| !t.is_empty()),
            );
        }
    }
    if sources.is_empty() {
        return None;
    }
    let tracks = e
        .child_elements()
        .filter(|c| tag(*c) == "track")
        .filter_map(|t| {
            let v = t.value();
            let kind = v
                .attribute("kind")
                .unwrap_or("subtitles")
                .to_ascii_lowercase();
            let kind = TrackKind::try_from(kind).ok()?;
            let src = WebUrl::resolve(base, v.attribute("src")?)?;
            let lang = v.attribute("srclang").unwrap_or("und").trim().to_owned();
            let label = v
                .attribute("label")
                .map(normalize)
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| lang.clone());
            Some(Track {
                src,
                kind,
                lang: Label::try_from(lang).ok()?,
                label: Label::try_from(label).ok()?,
            })
        })
        .collect();
    let dim = |n: &str| {
        e.value()
            .attribute(n)
            .and_then(|v| v.trim().parse::<u32>().ok())
    };
    let size = dim("width")
        .zip(dim("height"))
        .and_then(|(w, h)| Size::new(w, h));
    let poster = e
        .value()
        .attribute("poster")
        .and_then(|p| WebUrl::resolve(base, p));
    Some((
        Clip {
            sources,
            poster,
            tracks,
            size,
            caption,
        },
        size.is_none(),
    ))
}

/// The MIME type a video file's name suggests.
fn media_type(url: &Url) -> String {
    let path = url.path().to_ascii_lowercase();
    let kind = match path.rsplit('.').next().unwrap_or("") {
        "webm" => "video/webm",
        "ogv" | "ogg" => "video/ogg",
        "m3u8" => "application/vnd.apple.mpegurl",
        "mov" => "video/quicktime",
        _ => "video/mp4",
    };
    kind.to_owned()
}

/// The video host of an embed's URL, if it is one readers would follow.
fn embed_host(url: &Url) -> Option<&'static str> {
    let host = url
        .host_str()?
        .trim_start_matches("www.")
        .trim_start_matches("m.");
    markup::EMBED_HOSTS
        .iter()
        .find(|(h, _)| host == *h || host.ends_with(&format!(".{h}")))
        .map(|(_, name)| *name)
}

/// A player's page instead of its embed frame (YouTube's `/embed/ID`).
fn watch_url(url: &Url) -> Url {
    let host = url.host_str().unwrap_or("");
    if host.contains("youtube") {
        if let Some(id) = url.path().strip_prefix("/embed/") {
            if let Ok(watch) = Url::parse(&format!("https://www.youtube.com/watch?v={id}")) {
                return watch;
            }
        }
    }
    url.clone()
}

/// An embedded player or post of a known host, as a paragraph linking to
/// it ("YouTube: its title"); `None` for anything else (an ad, a tracker).
pub fn embed(e: ElementRef, base: &Url) -> Option<(Piece, Warning)> {
    let src = ["src", "data-src", "data", "data-url"]
        .iter()
        .find_map(|a| e.value().attribute(a))
        .unwrap_or("");
    let src = match tag(e) {
        "amp-youtube" => format!(
            "https://www.youtube.com/watch?v={}",
            e.value().attribute("data-videoid")?
        ),
        _ => src.to_owned(),
    };
    let url = WebUrl::resolve(base, &src)?;
    let host = embed_host(url.url())?;
    let url = WebUrl::new(watch_url(url.url()))?;
    let title = e
        .value()
        .attribute("title")
        .map(normalize)
        .filter(|t| !t.is_empty());
    let label = title.unwrap_or_else(|| host.to_owned());
    let text = vec![Inline::Span(Span::Link(Link {
        href: LinkUrl::try_from(url.to_string()).ok()?,
        text: vec![Inline::Text(format!("{host}: {label}"))],
    }))];
    Some((
        Piece::Paragraph(text, Look::default()),
        Warning::EmbedKeptAsLink(url.to_string()),
    ))
}

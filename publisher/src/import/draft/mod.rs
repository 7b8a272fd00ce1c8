//! An article as the importer found it, before the model's checks: text
//! where the format has bounded types, photos whose size may not be known
//! yet. [`Draft::into_article`] makes it an [`Article`], through the very
//! parser `validate` and the widget use.
//!
//! Every reader of a source (a page, a feed item, a WordPress post) makes
//! drafts of these types; nothing here knows how a page is read.

pub mod id;
mod piece;

use std::collections::HashMap;
use std::rc::Rc;

use jiff::tz::TimeZone;
use news_widget::model::{
    Article, ArticleId, Block, Category, Document, Heading, Headline, Image, Inline, Label,
    NonEmpty, Paragraph, Person, Quote, RichText, Text, TextTrack, Video, VideoSource,
    MAX_DOCUMENT_BYTES,
};
use url::Url;

pub use self::piece::{Clip, ClipSource, Look, Picture, Piece, Size, Track};
use super::address::WebUrl;
use super::date::Stated;
use super::skip::Skip;
use super::warning::{Said, Warning};
use crate::format::to_json;
use crate::site::FileStem;

/// An article as found in a page, a feed item or a WordPress post.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// The source's own id for it (JSON-LD `identifier`, a WordPress id).
    pub id: Option<String>,
    /// Its canonical web address.
    pub url: Option<WebUrl>,
    /// The language of its text.
    pub language: Option<String>,
    /// Its section.
    pub category: Option<String>,
    /// The headline.
    pub headline: String,
    /// The standfirst.
    pub lead: RichText,
    /// When it was first published.
    pub published: Option<Stated>,
    /// When it was last changed.
    pub modified: Option<Stated>,
    /// How many times it was read.
    pub view_count: Option<u64>,
    /// The body.
    pub body: Vec<Piece>,
    /// Who wrote it.
    pub authors: Vec<Label>,
    /// Who took its photos.
    pub photo_credits: Vec<Label>,
    /// What could not be kept as it was.
    pub warnings: Vec<Warning>,
}

/// What a feed, a sitemap or the server already said about a page, for
/// what the page itself does not say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hints {
    /// Its headline.
    pub headline: Option<String>,
    /// When it was published, and who said so.
    pub published: Option<(Stated, Said)>,
}

/// How a draft's photos are referred to in the site: by their original
/// URL, or by the file they were saved to in `media/`.
pub type MediaLinks = HashMap<Url, String>;

/// The zone a site shows its dates in, and its IANA name.
#[derive(Debug, Clone)]
pub struct SiteZone {
    /// The IANA name (`Asia/Ho_Chi_Minh`).
    pub name: String,
    /// The zone.
    pub zone: TimeZone,
}

/// The most characters a bounded text of the model holds.
pub trait Bounded {
    /// The limit.
    const MAX: usize;
}

impl<const N: usize> Bounded for Text<N> {
    const MAX: usize = N;
}

impl Draft {
    /// The draft with the credits of its photos added to its photo credits
    /// (each name once, in the order they appear).
    pub fn with_photo_credits(mut self) -> Draft {
        let credits = self.body.iter().filter_map(|p| match p {
            Piece::Image(picture) => picture.credit.clone(),
            _ => None,
        });
        let mut all: Vec<Label> = credits.collect();
        all.append(&mut self.photo_credits);
        for credit in all {
            let key = crate::import::vocabulary::squash(credit.as_str());
            let known = self
                .photo_credits
                .iter()
                .any(|c| crate::import::vocabulary::squash(c.as_str()) == key);
            if !key.is_empty() && !known {
                self.photo_credits.push(credit);
            }
        }
        self
    }

    /// Points the draft's photos at their files beside the saved page
    /// `file`, whose address on the web is `page` (a photo at
    /// `page`'s folder + `x.jpg` is `file`'s folder + `x.jpg`).
    pub fn find_local_photos(&mut self, page: &Url, file: &std::path::Path) {
        let (Ok(folder), Some(dir)) = (page.join("."), file.parent()) else {
            return;
        };
        for piece in &mut self.body {
            if let Piece::Image(picture) = piece {
                let same_place = picture.src.origin() == folder.origin();
                let inside = picture.src.path().strip_prefix(folder.path());
                if let (true, Some(rest)) = (same_place, inside) {
                    let relative: std::path::PathBuf =
                        rest.split('/').map(percent_decoded).collect();
                    let local = dir.join(relative);
                    if local.is_file() {
                        picture.local = Some(local);
                    }
                }
            }
        }
    }

    /// The article, named `stem` and checked by the model; or why there is none.
    pub fn into_article(
        mut self,
        zone: &SiteZone,
        media: &MediaLinks,
        stem: &FileStem,
    ) -> Result<(Article, Vec<Warning>), Skip> {
        let headline = self.headline.trim().to_owned();
        if headline.is_empty() {
            return Err(Skip::NoHeadline);
        }
        let max = <Headline as Bounded>::MAX;
        let headline = if headline.chars().count() > max {
            self.warnings.push(Warning::HeadlineCut(max));
            headline.chars().take(max - 1).collect::<String>() + "…"
        } else {
            headline
        };
        let Some(stated) = self.published else {
            return Err(Skip::NoDate);
        };
        if matches!(stated, Stated::Local(_)) {
            self.warnings
                .push(Warning::TimeInAssumedZone(zone.name.clone()));
        }
        let moment = stated.in_zone(&zone.zone).ok_or(Skip::UnrealDate)?;
        let modified = self
            .modified
            .and_then(|m| m.in_zone(&zone.zone))
            .filter(|m| m.at > moment.at);
        let time_zone = shown_zone(zone, moment.at, moment.offset);
        let label = |s: &str| Label::try_from(s.trim().to_owned()).ok();
        let invalid = |e: String| Skip::Invalid(e);

        let mut body = Vec::new();
        for piece in self.body {
            if let Some(block) = block(piece, media, &mut self.warnings) {
                body.push(block);
            }
        }
        let mut article = Article {
            id: ArticleId::from(label(stem.as_str()).ok_or_else(|| invalid(stem.to_string()))?),
            url: self.url.as_ref().map(WebUrl::safe),
            language: self.language.as_deref().and_then(label),
            category: self
                .category
                .as_deref()
                .and_then(label)
                .map(|name| Category { name, url: None }),
            headline: headline.try_into().map_err(invalid)?,
            lead: self.lead,
            published: moment.rfc3339().try_into().map_err(invalid)?,
            modified: modified.and_then(|m| m.rfc3339().try_into().ok()),
            time_zone: time_zone.try_into().map_err(invalid)?,
            view_count: self.view_count,
            view_counter: None,
            body,
            authors: self
                .authors
                .into_iter()
                .map(|name| Person { name, role: None })
                .collect(),
            photo_credits: self.photo_credits,
            related: Rc::new([]),
            date_index: None,
        };
        let mut json = to_json(&article).map_err(|e| invalid(e.to_string()))?;
        // A body too long for the format (the widget reads 2 MiB at most)
        // is cut at the block that reaches the limit, less room for the
        // related list and day index the site adds later.
        let limit = MAX_DOCUMENT_BYTES - 64 * 1024;
        let whole = article.body.len();
        while json.len() > limit && !article.body.is_empty() {
            let keep = article.body.len() * limit / json.len() * 19 / 20;
            article.body.truncate(keep);
            json = to_json(&article).map_err(|e| invalid(e.to_string()))?;
        }
        if article.body.len() < whole {
            self.warnings.push(Warning::BodyCut {
                kept: article.body.len(),
                of: whole,
            });
        }
        // Through the same parser as `validate` and the widget.
        let checked = Article::parse(json.as_bytes()).map_err(|e| invalid(e.to_string()))?;
        Ok((checked, self.warnings))
    }
}

/// A URL path segment as a file name.
fn percent_decoded(segment: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", segment.replace('+', "%2B")).as_bytes())
        .next()
        .map_or_else(|| segment.to_owned(), |(_, v)| v.into_owned())
}

/// The zone dates are shown in: the site's, when the page's offset is the
/// site's at that moment; else the fixed `Etc/GMT` zone of the page's
/// offset, so the widget shows the time the page showed.
fn shown_zone(zone: &SiteZone, at: jiff::Timestamp, offset: jiff::tz::Offset) -> String {
    if zone.zone.to_offset(at) == offset {
        return zone.name.clone();
    }
    let seconds = offset.seconds();
    if seconds % 3600 == 0 {
        let hours = seconds / 3600;
        // The IANA names are inverted: Etc/GMT-7 is seven hours ahead of UTC.
        return match hours {
            0 => "Etc/UTC".to_owned(),
            h if h > 0 => format!("Etc/GMT-{h}"),
            h => format!("Etc/GMT+{}", -h),
        };
    }
    zone.name.clone()
}

fn block(piece: Piece, media: &MediaLinks, warnings: &mut Vec<Warning>) -> Option<Block> {
    match piece {
        Piece::Paragraph(text, _) => Some(Block::Paragraph(Paragraph { text })),
        Piece::Heading(text) => match Label::try_from(text.trim().to_owned()) {
            Ok(text) => Some(Block::Heading(Heading { text })),
            // Too long for a heading: a paragraph.
            Err(_) => Some(Block::Paragraph(Paragraph {
                text: vec![Inline::Text(text)],
            })),
        },
        Piece::Quote(text, attribution) => Some(Block::Quote(Quote {
            text,
            attribution: attribution.and_then(|a| Label::try_from(a).ok()),
        })),
        Piece::Image(picture) => image(picture, media, warnings).map(|i| Block::Image(Rc::new(i))),
        Piece::Video(clip) => video(clip).map(|v| Block::Video(Rc::new(v))),
    }
}

fn image(picture: Picture, media: &MediaLinks, warnings: &mut Vec<Warning>) -> Option<Image> {
    let src = media
        .get(&picture.src)
        .cloned()
        .unwrap_or_else(|| picture.src.to_string());
    let size = picture.size.unwrap_or_else(|| {
        warnings.push(Warning::ImageSizeGuessed(picture.src.to_string()));
        Size::photo_guess()
    });
    Some(Image {
        src: src.try_into().ok()?,
        alt: picture.alt,
        width: size.width,
        height: size.height,
        caption: picture.caption,
        credit: picture.credit,
    })
}

fn video(clip: Clip) -> Option<Video> {
    let size = clip.size.unwrap_or_else(Size::video_guess);
    let sources = clip
        .sources
        .into_iter()
        .map(|s| VideoSource {
            src: s.src.safe(),
            media_type: s.media_type,
        })
        .collect();
    Some(Video {
        sources: NonEmpty::new(sources)?,
        poster: clip.poster.as_ref().map(WebUrl::safe),
        width: size.width,
        height: size.height,
        tracks: clip
            .tracks
            .into_iter()
            .map(|t| TextTrack {
                src: t.src.safe(),
                kind: t.kind,
                srclang: t.lang,
                label: t.label,
            })
            .collect(),
        caption: clip.caption,
        duration_seconds: None,
        transcript: RichText::new(),
    })
}

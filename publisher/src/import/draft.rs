//! An article as the importer found it, before the model's checks: plain
//! strings where the format has checked types, photos whose size may not
//! be known yet. [`Draft::into_article`] makes it an [`Article`], through the
//! very parser `validate` and the widget use.

use std::collections::HashMap;
use std::rc::Rc;

use jiff::tz::TimeZone;
use news_widget::model::{
    Article, ArticleId, Block, Category, Document, Heading, Image, Label, NonEmpty, Paragraph,
    Person, Quote, RichText, TextTrack, TrackKind, Video, VideoSource, MAX_DOCUMENT_BYTES,
};
use sha2::{Digest, Sha256};
use url::Url;

use super::date::Stated;
use super::page::{squash, Clip, Picture, Piece};
use super::warning::Warning;
use crate::format::to_json;
use crate::site::FileStem;

/// An article as found in a page, a feed item or a WordPress post.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// The source's own id for it (JSON-LD `identifier`, a WordPress id).
    pub id: Option<String>,
    /// Its canonical web address.
    pub url: Option<Url>,
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
    pub authors: Vec<String>,
    /// Who took its photos.
    pub photo_credits: Vec<String>,
    /// What could not be kept as it was.
    pub warnings: Vec<Warning>,
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

impl Draft {
    /// The draft with the credits of its photos added to its photo credits
    /// (each name once, in the order they appear).
    pub fn with_photo_credits(mut self) -> Draft {
        let credits = self.body.iter().filter_map(|p| match p {
            Piece::Image(picture) => picture.credit.clone(),
            _ => None,
        });
        let mut all: Vec<String> = credits.collect();
        all.append(&mut self.photo_credits);
        for credit in all {
            let key = squash(&credit);
            if !key.is_empty() && !self.photo_credits.iter().any(|c| squash(c) == key) {
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

    /// The id its files are named by: the source's own (a JSON-LD
    /// `identifier`, a WordPress id, the number at the end of its URL, its
    /// URL's last segment), else a hash of its canonical URL or, without
    /// one, of its headline and date.
    pub fn stem(&self) -> Result<FileStem, String> {
        let usable = |id: &str| {
            let id = id.trim();
            Label::try_from(id.to_owned())
                .ok()
                .map(ArticleId::from)
                .and_then(|id| FileStem::of(&id).ok())
                .filter(|s| s.as_str().len() <= 80)
        };
        if let Some(stem) = self.id.as_deref().and_then(usable) {
            return Ok(stem);
        }
        if let Some(url) = &self.url {
            let last = url
                .path_segments()
                .and_then(|mut s| s.next_back())
                .unwrap_or("");
            let name = last.split('.').next().unwrap_or(last);
            // "…-5047363.html", "…-20260307080054340.htm": the CMS's number.
            let digits: String = name
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            if digits.len() >= 4 {
                let digits: String = digits.chars().rev().collect();
                if let Some(stem) = usable(&digits) {
                    return Ok(stem);
                }
            }
            if let Some(stem) = usable(name).filter(|s| s.as_str().len() >= 3) {
                return Ok(stem);
            }
        }
        let seed = match &self.url {
            Some(url) => url.to_string(),
            None => format!("{}\n{:?}", self.headline, self.published),
        };
        let hash = Sha256::digest(seed.as_bytes());
        let hex: String = hash.iter().take(6).map(|b| format!("{b:02x}")).collect();
        FileStem::new(&hex)
    }

    /// The article, checked by the model; or why there is none.
    pub fn into_article(
        mut self,
        zone: &SiteZone,
        media: &MediaLinks,
    ) -> Result<(Article, Vec<Warning>), String> {
        let stem = self.stem()?;
        let headline = self.headline.trim().to_owned();
        if headline.is_empty() {
            return Err("no headline found".into());
        }
        let headline = if headline.chars().count() > 500 {
            self.warnings.push(Warning::HeadlineCut);
            headline.chars().take(499).collect::<String>() + "…"
        } else {
            headline
        };
        let Some(stated) = self.published else {
            return Err("no publication date found".into());
        };
        if matches!(stated, Stated::Local(_)) {
            self.warnings
                .push(Warning::TimeInAssumedZone(zone.name.clone()));
        }
        let moment = stated
            .in_zone(&zone.zone)
            .ok_or("the publication date is not a real time")?;
        let modified = self
            .modified
            .and_then(|m| m.in_zone(&zone.zone))
            .filter(|m| m.at > moment.at);
        let time_zone = shown_zone(zone, moment.at, moment.offset);
        let label = |s: &str| Label::try_from(s.trim().to_owned()).ok();

        let mut body = Vec::new();
        for piece in self.body {
            if let Some(block) = block(piece, media, &mut self.warnings) {
                body.push(block);
            }
        }
        let article = Article {
            id: ArticleId::from(label(stem.as_str()).ok_or("no usable id")?),
            url: self.url.and_then(|u| u.to_string().try_into().ok()),
            language: self.language.as_deref().and_then(label),
            category: self
                .category
                .as_deref()
                .and_then(label)
                .map(|name| Category { name, url: None }),
            headline: headline.try_into()?,
            lead: self.lead,
            published: moment.rfc3339().try_into()?,
            modified: modified.and_then(|m| m.rfc3339().try_into().ok()),
            time_zone: time_zone.try_into()?,
            view_count: self.view_count,
            view_counter: None,
            body,
            authors: self
                .authors
                .iter()
                .filter_map(|a| label(a))
                .map(|name| Person { name, role: None })
                .collect(),
            photo_credits: self.photo_credits.iter().filter_map(|c| label(c)).collect(),
            related: Rc::new([]),
            date_index: None,
        };
        let mut article = article;
        let mut json = to_json(&article).map_err(|e| e.to_string())?;
        // A body too long for the format (the widget reads 2 MiB at most)
        // is cut at the block that reaches the limit, less room for the
        // related list and day index the site adds later.
        let limit = MAX_DOCUMENT_BYTES - 64 * 1024;
        let whole = article.body.len();
        while json.len() > limit && !article.body.is_empty() {
            let keep = article.body.len() * limit / json.len() * 19 / 20;
            article.body.truncate(keep);
            json = to_json(&article).map_err(|e| e.to_string())?;
        }
        if article.body.len() < whole {
            self.warnings.push(Warning::BodyCut {
                kept: article.body.len(),
                of: whole,
            });
        }
        // Through the same parser as `validate` and the widget.
        let checked = Article::parse(json.as_bytes()).map_err(|e| e.to_string())?;
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
    let label = |s: &str| Label::try_from(s.trim().to_owned()).ok();
    match piece {
        Piece::Paragraph(text, _) => Some(Block::Paragraph(Paragraph { text })),
        Piece::Heading(text) => match label(&text) {
            Some(text) => Some(Block::Heading(Heading { text })),
            // Too long for a heading: a paragraph.
            None => Some(Block::Paragraph(Paragraph {
                text: vec![news_widget::model::Inline::Text(text)],
            })),
        },
        Piece::Quote(text, attribution) => Some(Block::Quote(Quote {
            text,
            attribution: attribution.as_deref().and_then(label),
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
    let (width, height) = match picture.size {
        Some(size) => size,
        None => {
            warnings.push(Warning::ImageSizeGuessed(picture.src.to_string()));
            (1200, 800)
        }
    };
    Some(Image {
        src: src.try_into().ok()?,
        alt: picture.alt,
        width: width.try_into().ok()?,
        height: height.try_into().ok()?,
        caption: picture.caption,
        credit: picture.credit.and_then(|c| Label::try_from(c).ok()),
    })
}

fn video(clip: Clip) -> Option<Video> {
    let sources: Vec<VideoSource> = clip
        .sources
        .into_iter()
        .filter_map(|(url, kind)| {
            Some(VideoSource {
                src: url.to_string().try_into().ok()?,
                media_type: Label::try_from(kind).ok()?,
            })
        })
        .collect();
    let (width, height) = clip.size.unwrap_or((640, 360));
    let tracks = clip
        .tracks
        .into_iter()
        .filter_map(|(url, kind, lang, label)| {
            Some(TextTrack {
                src: url.to_string().try_into().ok()?,
                kind: if kind == "captions" {
                    TrackKind::Captions
                } else {
                    TrackKind::Subtitles
                },
                srclang: Label::try_from(lang).ok()?,
                label: Label::try_from(label).ok()?,
            })
        })
        .collect();
    Some(Video {
        sources: NonEmpty::new(sources)?,
        poster: clip.poster.and_then(|p| p.to_string().try_into().ok()),
        width: width.try_into().ok()?,
        height: height.try_into().ok()?,
        tracks,
        caption: clip.caption,
        duration_seconds: None,
        transcript: RichText::new(),
    })
}

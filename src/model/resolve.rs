//! Relative URLs in a document are relative to the document's own URL, not
//! to the page that shows it: this one walk over the format resolves them.

use std::rc::Rc;

use super::{
    Article, ArticleSummary, Block, Category, DateIndex, Image, Inline, LinkUrl, Paragraph, Quote,
    SafeUrl, Span, TextTrack, Thumbnail, Video, VideoSource,
};

/// A part of the format that holds URLs. Public but unnameable outside the
/// model (a sealed trait): only the format's own types resolve this way.
pub trait Urls {
    /// Resolves every URL in it against `base` (see `url`).
    fn resolve(&mut self, base: &str);
}

impl Urls for SafeUrl {
    fn resolve(&mut self, base: &str) {
        SafeUrl::resolve(self, base);
    }
}

impl Urls for LinkUrl {
    fn resolve(&mut self, base: &str) {
        LinkUrl::resolve(self, base);
    }
}

impl<T: Urls> Urls for Option<T> {
    fn resolve(&mut self, base: &str) {
        self.iter_mut().for_each(|x| x.resolve(base));
    }
}

impl<T: Urls> Urls for [T] {
    fn resolve(&mut self, base: &str) {
        self.iter_mut().for_each(|x| x.resolve(base));
    }
}

impl<T: Urls> Urls for Vec<T> {
    fn resolve(&mut self, base: &str) {
        self.as_mut_slice().resolve(base);
    }
}

impl<T: Urls + Clone> Urls for Rc<T> {
    fn resolve(&mut self, base: &str) {
        Rc::make_mut(self).resolve(base);
    }
}

impl<T: Urls + Clone> Urls for Rc<[T]> {
    fn resolve(&mut self, base: &str) {
        let mut items = self.to_vec();
        items.resolve(base);
        *self = items.into();
    }
}

impl Urls for Inline {
    fn resolve(&mut self, base: &str) {
        match self {
            Inline::Text(_) => {}
            Inline::Span(Span::Em(inner) | Span::Strong(inner)) => inner.resolve(base),
            Inline::Span(Span::Link(link)) => {
                link.href.resolve(base);
                link.text.resolve(base);
            }
        }
    }
}

impl Urls for Article {
    fn resolve(&mut self, base: &str) {
        self.url.resolve(base);
        self.view_counter.resolve(base);
        self.category.resolve(base);
        self.lead.resolve(base);
        self.body.resolve(base);
        self.related.resolve(base);
        if let Some(dates) = &mut self.date_index {
            dates.resolve(base);
        }
    }
}

impl Urls for Category {
    fn resolve(&mut self, base: &str) {
        self.url.resolve(base);
    }
}

impl Urls for Block {
    fn resolve(&mut self, base: &str) {
        match self {
            Block::Paragraph(Paragraph { text }) | Block::Quote(Quote { text, .. }) => {
                text.resolve(base)
            }
            Block::Image(image) => image.resolve(base),
            Block::Video(video) => video.resolve(base),
            Block::Heading(_) | Block::Unsupported => {}
        }
    }
}

impl Urls for Image {
    fn resolve(&mut self, base: &str) {
        self.src.resolve(base);
        self.caption.resolve(base);
    }
}

impl Urls for Video {
    fn resolve(&mut self, base: &str) {
        self.sources.items_mut().resolve(base);
        self.poster.resolve(base);
        self.tracks.resolve(base);
        self.caption.resolve(base);
        self.transcript.resolve(base);
    }
}

impl Urls for VideoSource {
    fn resolve(&mut self, base: &str) {
        self.src.resolve(base);
    }
}

impl Urls for TextTrack {
    fn resolve(&mut self, base: &str) {
        self.src.resolve(base);
    }
}

impl Urls for ArticleSummary {
    fn resolve(&mut self, base: &str) {
        self.src.resolve(base);
        self.url.resolve(base);
        self.thumbnail.resolve(base);
    }
}

impl Urls for Thumbnail {
    fn resolve(&mut self, base: &str) {
        self.src.resolve(base);
    }
}

impl Urls for DateIndex {
    fn resolve(&mut self, base: &str) {
        self.items.resolve(base);
    }
}

//! Photos in the body with their captions: `<figure>`s, photos with a
//! caption set after them (a `<p class=caption>`, Vietnamese portals'
//! caption paragraph), photos in layout tables, and figures known only by
//! their microdata.

use news_widget::model::{Inline, Label, RichText};
use scraper::ElementRef;

use super::credits::{credit_name, is_credit_element, split_credit, MAX_CREDIT_LINE};
use super::dom::{class_and_id, is_inline, tag, text, Attribute};
use super::images::picture;
use super::video::clip;
use super::walker::Walker;
use crate::import::address::WebUrl;
use crate::import::draft::{Picture, Piece, Size};
use crate::import::vocabulary::{boxes, squash};

/// The most text a photo's caption box holds.
const MAX_CAPTION: usize = 600;
/// The most text of a caption set as a line of its own after a photo.
const MAX_CAPTION_LINE: usize = 300;
use crate::import::warning::Warning;

impl Walker<'_> {
    pub(super) fn images_in(&mut self, e: ElementRef) {
        for img in e.descendent_elements().filter(|d| tag(*d) == "img") {
            if let Some(picture) = picture(img, self.base, None) {
                self.pieces.push(Piece::Image(picture));
            }
        }
    }
    /// The caption set after a photo outside a `<figure>`: the next element
    /// beside it (or beside the boxes it is wrapped in) that is styled as a
    /// caption; taken, so it is not read again as a paragraph.
    pub(super) fn caption_after(&mut self, img: ElementRef) -> Option<(RichText, Option<Label>)> {
        let alt = squash(
            img.value()
                .attribute("alt")
                .or(img.value().attribute("title"))
                .unwrap_or(""),
        );
        let mut at = img;
        for _ in 0..4 {
            // Past what says nothing: code, controls ("enlarge image"), a box
            // that is not the article, an empty paragraph.
            let next = at.next_siblings().filter_map(ElementRef::wrap).find(|s| {
                !matches!(
                    tag(*s),
                    "script" | "style" | "noscript" | "meta" | "link" | "button"
                ) && !self.index.junk(*s)
                    && (self.index.get(*s).chars > 0 || has_media(*s))
            });
            if let Some(next) = next {
                let words = class_and_id(next);
                let chars = self.index.get(next).chars;
                if (tag(next) == "figcaption" || boxes::is_caption(&words)) && chars <= MAX_CAPTION
                {
                    self.taken.insert(next.id());
                    return Some(split_credit(next, self.base, self.index));
                }
                if chars > 0 || tag(next) == "img" {
                    // The short text beside a photo in a box of its own (a
                    // figure without the tag), or that says what its alt says.
                    let boxed = at
                        .parent()
                        .and_then(ElementRef::wrap)
                        .is_some_and(|p| self.index.get(p).chars <= MAX_CAPTION);
                    let says_alt =
                        alt.chars().count() >= 20 && squash(&text(next)).starts_with(&alt);
                    if (boxed || says_alt) && self.caption_like(next) {
                        return Some(self.caption_and_credit(next));
                    }
                    // Something else follows: the photo has no caption of its own.
                    return None;
                }
            }
            // Climb out of the photo's own wrappers, never out of a block with text.
            match at.parent().and_then(ElementRef::wrap) {
                Some(parent)
                    if self.index.get(parent).chars <= MAX_CAPTION
                        && !matches!(tag(parent), "body" | "article" | "main") =>
                {
                    at = parent;
                }
                _ => return None,
            }
        }
        None
    }

    /// Whether `element` reads as a caption: short, not a heading, a list,
    /// a quote or a link, and without a photo of its own.
    fn caption_like(&self, element: ElementRef) -> bool {
        let stats = self.index.get(element);
        // A block of its own: an inline run after a photo is the paragraph's.
        !is_inline(tag(element))
            && stats.chars <= MAX_CAPTION_LINE
            && stats.link_density() < 0.5
            && !matches!(
                tag(element),
                "h1" | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "ul"
                    | "ol"
                    | "blockquote"
                    | "a"
                    | "table"
            )
            && !element
                .descendent_elements()
                .any(|d| matches!(tag(d), "img" | "picture" | "video" | "iframe" | "h2" | "h3"))
    }

    /// A caption set apart after a photo, and the credit in the short line
    /// after it, if any ("ES", "Foto: dpa"); both taken.
    fn caption_and_credit(&mut self, caption: ElementRef) -> (RichText, Option<Label>) {
        self.taken.insert(caption.id());
        let (text_of, mut credit) = split_credit(caption, self.base, self.index);
        if credit.is_none() {
            let after = caption
                .next_siblings()
                .filter_map(ElementRef::wrap)
                .next()
                .filter(|c| (1..=MAX_CREDIT_LINE).contains(&self.index.get(*c).chars));
            if let Some(line) = after {
                credit = Label::try_from(credit_name(&text(line))).ok();
                if credit.is_some() {
                    self.taken.insert(line.id());
                }
            }
        }
        (text_of, credit)
    }

    /// A photo known only by its microdata: a lazy-loading figure whose
    /// `<img>` is not in the saved page (`itemid`, `itemprop=url`).
    pub(super) fn microdata_picture(&self, e: ElementRef) -> Option<Picture> {
        let item = e
            .value()
            .attribute("itemtype")
            .is_some_and(|t| t.contains("ImageObject"));
        let meta = |name: &str| {
            e.descendent_elements()
                .find(|d| tag(*d) == "meta" && d.value().has_word("itemprop", name))
                .and_then(|d| d.value().attribute("content"))
        };
        let url = meta("url")
            .filter(|u| !u.trim().is_empty())
            .or_else(|| meta("contentUrl"))
            .or_else(|| item.then(|| e.value().attribute("itemid")).flatten())?;
        let src = WebUrl::resolve(self.base, url)?.into();
        let dim =
            |name: &str| meta(name).and_then(|v| v.trim().split('.').next()?.parse::<u32>().ok());
        Some(Picture {
            src,
            alt: String::new(),
            caption: RichText::new(),
            credit: None,
            size: dim("width")
                .zip(dim("height"))
                .and_then(|(w, h)| Size::new(w, h)),
            local: None,
        })
    }

    pub(super) fn figure(&mut self, e: ElementRef) {
        let caption_element = e
            .descendent_elements()
            .find(|d| tag(*d) == "figcaption")
            .or_else(|| {
                e.descendent_elements()
                    .find(|d| boxes::is_caption(&class_and_id(*d)))
            });
        // A caption set after the figure instead of inside it.
        let caption = match caption_element {
            Some(c) => Some(split_credit(c, self.base, self.index)),
            None => self.caption_after(e),
        };
        // A credit set apart from the caption (`<cite>`, `.credit`, a short
        // `<footer>`) anywhere in the figure.
        let credit_apart = e
            .descendent_elements()
            .filter(|d| caption_element.is_none_or(|c| !self.index.contains(c, *d)))
            .find(|d| {
                tag(*d) == "cite"
                    || is_credit_element(*d)
                    // A figure's footer line (Der Standard's).
                    || tag(*d) == "footer" && self.index.get(*d).chars <= MAX_CREDIT_LINE
            })
            .and_then(|d| Label::try_from(credit_name(&text(d))).ok());
        let caption = match (caption, credit_apart) {
            (Some((text, None)), Some(credit)) => Some((text, Some(credit))),
            (None, Some(credit)) => Some((RichText::new(), Some(credit))),
            (caption, _) => caption,
        };
        let videos: Vec<ElementRef> = e
            .descendent_elements()
            .filter(|d| tag(*d) == "video")
            .collect();
        if let Some(video) = videos.first() {
            let text = caption.clone().map(|(c, _)| c).unwrap_or_default();
            if let Some((clip, guessed)) = clip(*video, self.base, text) {
                if guessed {
                    self.warnings.push(Warning::VideoSizeGuessed);
                }
                self.pieces.push(Piece::Video(clip));
                return;
            }
        }
        let images: Vec<ElementRef> = e
            .descendent_elements()
            .filter(|d| matches!(tag(*d), "img" | "amp-img"))
            .filter(|d| {
                !d.ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|a| tag(a) == "figcaption")
            })
            .collect();
        if images.is_empty() {
            if let Some(mut p) = self.microdata_picture(e) {
                if let Some((text, credit)) = caption {
                    p.caption = text;
                    p.credit = credit;
                }
                self.pieces.push(Piece::Image(p));
                return;
            }
            // A figure of an embed (a tweet, a player): walk it as a block.
            let iframes: Vec<ElementRef> = e
                .descendent_elements()
                .filter(|d| tag(*d) == "iframe")
                .collect();
            for frame in iframes {
                self.embed(frame);
            }
            return;
        }
        // Responsive duplicates of one image are one photo; the caption goes with the last.
        let mut pictures: Vec<Picture> = Vec::new();
        // A lone photo has the caption (which tells a photo from an icon).
        let lone = (images.len() == 1).then(|| caption.clone()).flatten();
        for img in images {
            if let Some(p) = picture(img, self.base, lone.clone()) {
                if !pictures.iter().any(|q| q.src == p.src) {
                    pictures.push(p);
                }
            }
        }
        let count = pictures.len();
        let described = self.microdata_picture(e).and_then(|m| m.size);
        for (i, mut p) in pictures.into_iter().enumerate() {
            if count == 1 && p.size.is_none() {
                p.size = described;
            }
            if i + 1 == count {
                if let Some((text, credit)) = caption.clone() {
                    p.caption = text;
                    p.credit = credit.or(p.credit);
                }
            }
            self.pieces.push(Piece::Image(p));
        }
    }
    /// A table: a photo with its caption in a layout table (common on
    /// Vietnamese sites), else its rows as lines of text.
    pub(super) fn table(&mut self, e: ElementRef) {
        let images: Vec<ElementRef> = e
            .descendent_elements()
            .filter(|d| tag(*d) == "img")
            .collect();
        let cells: Vec<ElementRef> = e
            .descendent_elements()
            .filter(|d| matches!(tag(*d), "td" | "th"))
            .collect();
        if !images.is_empty() {
            // The caption is the text of the cells without the photo.
            let caption_cell = cells.iter().rev().find(|c| {
                !c.descendent_elements().any(|d| tag(d) == "img") && !text(**c).is_empty()
            });
            let caption = caption_cell.map(|c| split_credit(*c, self.base, self.index));
            let count = images.len();
            for (i, img) in images.into_iter().enumerate() {
                if let Some(mut p) = picture(img, self.base, None) {
                    if i + 1 == count {
                        if let Some((text, credit)) = caption.clone() {
                            p.caption = text;
                            p.credit = credit.or(p.credit);
                        }
                    }
                    self.pieces.push(Piece::Image(p));
                }
            }
            return;
        }
        let mut rows = 0;
        for row in e.descendent_elements().filter(|d| tag(*d) == "tr") {
            let line: Vec<String> = row
                .child_elements()
                .filter(|c| matches!(tag(*c), "td" | "th"))
                .map(text)
                .filter(|t| !t.is_empty())
                .collect();
            if !line.is_empty() {
                rows += 1;
                self.pieces.push(Piece::Paragraph(
                    vec![Inline::Text(line.join(" | "))],
                    self.look.clone(),
                ));
            }
        }
        if rows > 1 {
            self.warnings.push(Warning::TableAsText);
        }
    }
}

/// Whether `element` is or holds a photo, a video or a frame.
fn has_media(element: ElementRef) -> bool {
    let media = |e: ElementRef| matches!(tag(e), "img" | "picture" | "video" | "iframe");
    media(element) || element.descendent_elements().any(media)
}

#[cfg(test)]
mod tests {
    use crate::import::draft::Piece;
    use crate::import::page::read;
    use news_widget::model::plain;

    /// A photo's markup in the body, in; its caption and credit out.
    fn caption(figure: &str) -> Option<(String, Option<String>)> {
        let prose = "<p>A paragraph of prose, long enough to be the body, with commas, and more words to it.</p>";
        let html = format!(
            "<html><head><title>T</title></head><body><article><h1>A headline long enough</h1>\
             {prose}{figure}{prose}{prose}</article></body></html>"
        );
        read(&html).body.into_iter().find_map(|p| match p {
            Piece::Image(p) => Some((plain(&p.caption), p.credit.map(|c| c.as_str().to_owned()))),
            _ => None,
        })
    }

    /// A caption and its credit, as a row expects them.
    type Expected = Option<(&'static str, Option<&'static str>)>;

    /// One row per way pages set a caption.
    #[test]
    fn captions_kept_with_their_photo() {
        let img = r#"<img src="https://news.example/a.jpg" width="800" height="600""#;
        let table: Vec<(String, Expected)> = vec![
            // A figcaption whose class calls it a footer.
            (
                format!(
                    r#"<figure>{img}><figcaption class="image-footer">Ships in the harbour.</figcaption></figure>"#
                ),
                Some(("Ships in the harbour.", None)),
            ),
            // A camel-cased caption class after a photo whose class says share.
            (
                format!(
                    r#"<div><div>{img} class="img-share"></div><p class="imageCaption">Ships in the harbour.</p></div>"#
                ),
                Some(("Ships in the harbour.", None)),
            ),
            // A box of its own: the photo, a line, and a credit line (hashed classes).
            (
                format!(
                    r#"<div class="sc-a"><div class="sc-b"><picture>{img}></picture></div><div class="sc-c">Former Prime Minister Tony Blair</div><div class="sc-d">ES</div></div>"#
                ),
                Some(("Former Prime Minister Tony Blair", Some("ES"))),
            ),
            // The line after the photo says what its alt says.
            (
                format!(
                    r#"{img} alt="Ben Osborn im Zweikampf mit Antony"><p>Ben Osborn im Zweikampf mit Antony (Manchester United)</p>"#
                ),
                Some((
                    "Ben Osborn im Zweikampf mit Antony (Manchester United)",
                    None,
                )),
            ),
            // A link around the photo alone (to its page): still the photo.
            (
                format!(
                    r#"<a href="/bild/1"><div>{img}></div></a><div class="mediaInfo"><span class="mediaSubtitleText">Pigs in the hall.</span></div>"#
                ),
                Some(("Pigs in the hall.", None)),
            ),
            // A button around the photo opens its large version: still the photo.
            (
                format!(
                    r#"<button class="slide-viewer"><figure>{img}><figcaption>Pigs in the hall.</figcaption></figure></button>"#
                ),
                Some(("Pigs in the hall.", None)),
            ),
            // A control beside the photo ("enlarge image") is not its caption.
            (
                format!(
                    r#"<div class="img-box">{img}><button class="img-zoomin">이미지 확대보기</button></div><div class="caption"><p>Ships in the harbour.</p></div>"#
                ),
                Some(("Ships in the harbour.", None)),
            ),
            // An empty paragraph between the photo and its caption.
            (
                format!(
                    r#"<div class="wp-caption"><a href="https://news.example/a.jpg">{img}></a><p></p><p class="wp-caption-text">Ships in the harbour.</p></div>"#
                ),
                Some(("Ships in the harbour.", None)),
            ),
            // A credit with a bar in it, in an element of its own.
            (
                format!(
                    r#"<figure>{img}><figcaption><div class="text-caption"><span>Ships in the harbour.</span><span>© DPA Images | Jane Doe</span></div></figcaption></figure>"#
                ),
                Some(("Ships in the harbour.", Some("DPA Images | Jane Doe"))),
            ),
            // The credit after a bar in the image's title (ARD), labelled or an agency's.
            (
                format!(
                    r#"<figure>{img} title="Firefighters protest | Bildquelle: WDR / Biernat"><figcaption>Firefighters protest in Essen.</figcaption></figure>"#
                ),
                Some(("Firefighters protest in Essen.", Some("WDR / Biernat"))),
            ),
            (
                format!(
                    r#"<figure>{img} title="The bridge two days after the flood | AP"><figcaption>The bridge two days after the flood.</figcaption></figure>"#
                ),
                Some(("The bridge two days after the flood.", Some("AP"))),
            ),
            // An empty credit element: the credit is the caption's last words.
            (
                format!(
                    r#"<figure>{img}><figcaption>Ships in the harbour. Foto: Jane Doe<span class="credit"></span></figcaption></figure>"#
                ),
                Some(("Ships in the harbour.", Some("Jane Doe"))),
            ),
            // A credit's label and name in elements of their own, after a separator.
            (
                format!(
                    r#"<figure>{img}><figcaption><span class="caption__text">Swedish police officer <span>-&nbsp;</span><span class="caption__copyright">Copyright&nbsp;</span><span class="caption__credit">Fredrik Persson/AP</span></span></figcaption></figure>"#
                ),
                Some(("Swedish police officer", Some("Fredrik Persson/AP"))),
            ),
            // A figure's footer, and a German credit class, beside the caption.
            (
                format!(
                    r#"<figure>{img}><figcaption>Ships in the harbour.</figcaption><footer>Imago/Blaulicht-News.de</footer></figure>"#
                ),
                Some(("Ships in the harbour.", Some("Imago/Blaulicht-News.de"))),
            ),
            (
                format!(
                    r#"<figure>{img}><div class="bildautor">Foto: Bild: SN/APA</div><figcaption>Ships in the harbour.</figcaption></figure>"#
                ),
                Some(("Ships in the harbour.", Some("SN/APA"))),
            ),
            // The credit at the end of the image's alt, the caption saying something else.
            (
                format!(
                    r#"<figure>{img} alt="Traders in the market. (Photo: Gallo Images / Jane Doe)"><figcaption>Traders, the city</figcaption></figure>"#
                ),
                Some(("Traders, the city", Some("Gallo Images / Jane Doe"))),
            ),
            (
                format!(
                    r#"<figure>{img} alt="A man checking his phone. - Jane Doe/Bloomberg"><figcaption>A phone</figcaption></figure>"#
                ),
                Some(("A phone", Some("Jane Doe/Bloomberg"))),
            ),
            // An alt that is only a label and words is no credit.
            (
                format!(
                    r#"<figure>{img} alt="Foto: Ships in the harbour"><figcaption>Ships in the harbour.</figcaption></figure>"#
                ),
                Some(("Ships in the harbour.", None)),
            ),
            // A title's site name after the bar is no credit.
            (
                format!(
                    r#"<figure>{img} title="Ships in the harbour | Kleine Zeitung"><figcaption>Ships in the harbour.</figcaption></figure>"#
                ),
                Some(("Ships in the harbour.", None)),
            ),
            // A captioned photo whose width and height give only its shape.
            (
                r#"<figure><img src="https://news.example/a.jpg" width="16" height="9"><figcaption>Ships in the harbour.</figcaption></figure>"#.to_owned(),
                Some(("Ships in the harbour.", None)),
            ),
            // A caption whose spoken copy is the photo's alt (`aria-hidden`) is on screen.
            (
                format!(
                    r#"<figure>{img} alt="Ships in the harbour."><figcaption><span aria-hidden="true">Ships in the harbour.</span><span class="image-byline"> Foto: Jane Doe</span></figcaption></figure>"#
                ),
                Some(("Ships in the harbour.", Some("Jane Doe"))),
            ),
            // A lazy carousel's photo (Flickity) behind a placeholder.
            (
                r#"<div class="slide"><img src="data:image/svg+xml;base64,PHN2Zz4=" data-flickity-lazyload="https://news.example/a.jpg" width="800" height="600"><p class="caption">Ships in the harbour.</p></div>"#.to_owned(),
                Some(("Ships in the harbour.", None)),
            ),
            // Vietnamese portals: the photo in a paragraph of its own, the
            // caption in the next, in italics.
            (
                format!(r#"<p style="text-align:center">{img}></p><p style="text-align:center"><em>Lúa chín trên cánh đồng xã Tân Phú.</em></p>"#),
                Some(("Lúa chín trên cánh đồng xã Tân Phú.", None)),
            ),
            // … or centred, with its credit.
            (
                format!(r#"<p>{img}></p><p style="text-align: center;">Lúa chín trên cánh đồng. Ảnh: Thành Tâm</p>"#),
                Some(("Lúa chín trên cánh đồng.", Some("Thành Tâm"))),
            ),
            // … or a table: the photo in a row, the caption in the next.
            (
                format!(r#"<table class="image center"><tbody><tr><td>{img}></td></tr><tr><td class="image_desc">Lúa chín trên cánh đồng xã Tân Phú.</td></tr></tbody></table>"#),
                Some(("Lúa chín trên cánh đồng xã Tân Phú.", None)),
            ),
            // … a table without classes.
            (
                format!(r#"<table align="center"><tbody><tr><td>{img}></td></tr><tr><td><em>Lúa chín trên cánh đồng xã Tân Phú.</em></td></tr></tbody></table>"#),
                Some(("Lúa chín trên cánh đồng xã Tân Phú.", None)),
            ),
            // A photo inline in a paragraph: the paragraph's words are not its caption.
            (
                format!(
                    r#"<p>{img}><strong>Lupita Nyong</strong>'s dress was stolen from her hotel room, deputies said on Thursday.</p>"#
                ),
                Some(("", None)),
            ),
        ];
        for (figure, expected) in &table {
            let found = caption(figure);
            let found = found.as_ref().map(|(c, r)| (c.as_str(), r.as_deref()));
            assert_eq!(found, *expected, "{figure}");
        }
    }

    /// The captions of the photos a page's body shows, in order.
    fn captions_of(html: &str) -> Vec<String> {
        read(html)
            .body
            .into_iter()
            .filter_map(|p| match p {
                Piece::Image(p) => Some(plain(&p.caption)),
                _ => None,
            })
            .collect()
    }

    /// The lead photo and the body's photos: above the body unless the body
    /// shows the same photo (then the body's copy takes its caption if it
    /// has none); a photo shown twice with two captions is shown twice.
    #[test]
    fn the_lead_photo_and_the_bodys() {
        let prose = "<p>A paragraph of prose, long enough to be the body, with commas, and more words to it.</p>";
        let lead = r#"<figure><img src="https://news.example/lead.jpg?w=1200" width="800" height="600"><figcaption>The lead photo.</figcaption></figure>"#;
        let table: &[(&str, &[&str])] = &[
            // Another photo early in the body: both.
            (
                r#"<figure><img src="https://news.example/b.jpg" width="800" height="600"><figcaption>A body photo.</figcaption></figure>"#,
                &["The lead photo.", "A body photo."],
            ),
            // The same file again without a caption (another size): once, captioned.
            (
                r#"<figure><img src="https://news.example/lead.jpg?w=600" width="800" height="600"></figure>"#,
                &["The lead photo."],
            ),
            // The same file with a caption of its own: twice.
            (
                r#"<figure><img src="https://news.example/lead.jpg" width="800" height="600"><figcaption>Again, later.</figcaption></figure>"#,
                &["The lead photo.", "Again, later."],
            ),
        ];
        for (body, expected) in table {
            let html = format!(
                "<html><head><title>T</title></head><body><article><h1>A headline long enough</h1>\
                 {lead}<div class=\"text\">{prose}{body}{prose}{prose}{prose}{prose}{prose}{prose}{prose}{prose}</div></article></body></html>"
            );
            assert_eq!(captions_of(&html), *expected, "{body}");
        }
    }

    /// The photo above the body: the first between the headline and the
    /// text that is a photo, past an icon or an empty frame.
    #[test]
    fn the_photo_above_the_body() {
        let prose = "<p>A paragraph of prose, long enough to be the body, with commas, and more words to it.</p>";
        let table: &[(&str, Expected)] = &[
            (
                r#"<figure><img src="https://news.example/icon.png" width="16" height="16"></figure><figure><img src="https://news.example/a.jpg" width="800" height="600"><figcaption>Ships in the harbour.</figcaption></figure>"#,
                Some(("Ships in the harbour.", None)),
            ),
            (
                r#"<div class="meta"><figure></figure></div><figure><img src="https://news.example/a.jpg" width="800" height="600"><figcaption>Ships in the harbour.</figcaption></figure>"#,
                Some(("Ships in the harbour.", None)),
            ),
            // A tracking pixel sized by its style is no photo.
            (
                r#"<figure><img src="https://news.example/p.gif" style="width:1px;height:1px"></figure><figure><img src="https://news.example/a.jpg" width="800" height="600"><figcaption>Ships in the harbour.</figcaption></figure>"#,
                Some(("Ships in the harbour.", None)),
            ),
            // The writer's portrait, linked to the writer's page, beside the byline.
            (
                r#"<span class="article__infos"><a href="/autoren/Juliane-Rohr-article1.html" title="Juliane Rohr"><img src="https://news.example/juliane-rohr.jpg"></a><span>Von Juliane Rohr</span></span><figure><img src="https://news.example/a.jpg" width="800" height="600"><figcaption>Ships in the harbour.</figcaption></figure>"#,
                Some(("Ships in the harbour.", None)),
            ),
            // A transparent placeholder: the photo is the one in <noscript>.
            (
                r#"<figure><img src="https://cdn.example/index-transparent_h-3_w-4.gif"><noscript><img src="https://news.example/a.jpg"></noscript><figcaption>Ships in the harbour.</figcaption></figure>"#,
                Some(("Ships in the harbour.", None)),
            ),
        ];
        for (above, expected) in table {
            let html = format!(
                "<html><head><title>T</title></head><body><article><h1>A headline long enough</h1>\
                 {above}<div class=\"text\">{prose}{prose}{prose}</div></article></body></html>"
            );
            let found = read(&html).body.into_iter().find_map(|p| match p {
                Piece::Image(p) => {
                    Some((plain(&p.caption), p.credit.map(|c| c.as_str().to_owned())))
                }
                _ => None,
            });
            let found = found.as_ref().map(|(c, r)| (c.as_str(), r.as_deref()));
            assert_eq!(found, *expected, "{above}");
        }
    }

    /// The photo in an article's header whose class names it like a sidebar
    /// (a layout "sidebar-grid"), inside the body's box, is the lead photo.
    #[test]
    fn the_photo_in_a_header_named_like_junk() {
        let prose = "<p>A paragraph of prose, long enough to be the body, with commas, and more words to it.</p>";
        let html = format!(
            r#"<html><head><title>T</title></head><body><main><article class="article"><div class="sidebar-grid"><div class="sidebar-grid__container"><header class="sidebar-grid__header article__header"><div class="hero"><h1>A headline long enough</h1><p class="hero__excerpt">The standfirst.</p><div class="hero__media"><figure><img src="https://news.example/a.jpg" width="800" height="600"><figcaption><div class="figcaption__inner">Ships in the harbour. | Jane Doe/PA Images via Getty Images</div></figcaption></figure></div></div></header><div class="sidebar-grid__content article__content">{prose}{prose}{prose}{prose}</div><aside class="sidebar-grid__sidebar"><figure><img src="https://news.example/ad.jpg" width="300" height="600"><figcaption>An advertisement.</figcaption></figure></aside></div></div></article></main></body></html>"#
        );
        assert_eq!(captions_of(&html), ["Ships in the harbour."]);
    }
}

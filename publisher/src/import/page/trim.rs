//! The body's ends: what stands before and after the article's text and
//! is not it (the headline and lead repeated, datelines, kickers, bylines,
//! bios, contributor lines, notes, "read more" and lists of links), and
//! what the end says about who wrote it and took its photos.

use std::sync::LazyLock;

use news_widget::model::{plain, Inline, RichText, Span};
use regex::Regex;

use super::byline::{self, is_site, trailing_byline};
use super::credits::trailing_credit;
use crate::import::date::{DayOrder, Stated};
use crate::import::draft::Piece;
use crate::import::vocabulary::{lines, pattern, squash};

/// Characters of text outside links that make a paragraph prose, not a
/// line of furniture.
const PROSE_CHARS: usize = 150;

/// How many of the body's first pieces are looked through for the
/// headline's repeat, where the article's text starts.
const HEADLINE_WITHIN: usize = 8;

/// What the end of the body said about who wrote it and took its photos.
#[derive(Default)]
pub struct Trailing {
    /// A byline closing the text.
    pub authors: Option<Vec<String>>,
    /// A line crediting the article's photos.
    pub credits: Vec<String>,
}

pub struct Body<'a> {
    /// The body's pieces, trimmed in place.
    pub pieces: Vec<Piece>,
    /// The headline, which the body may repeat.
    pub headline: &'a str,
    /// The standfirst, which the body may repeat.
    pub lead: &'a RichText,
    /// The text of the element the standfirst came from.
    pub lead_element: Option<String>,
}

impl Body<'_> {
    /// Takes off the body's ends what is not the article's text: the
    /// headline and lead repeated, datelines, bylines and kickers before
    /// it; bylines, bios, contributor lines, notes, promos, "read more"
    /// and lists of links after it. A trailing byline gives the authors,
    /// a trailing "Ảnh: …" line the photo credits; a short line set apart
    /// right under a photo is its caption.
    pub fn trim(
        &mut self,
        authors: &[String],
        site_names: &[String],
        host: Option<&str>,
    ) -> Trailing {
        static AGENCY: LazyLock<Regex> =
            LazyLock::new(|| pattern(r"^\((?:[^()]{2,30})\)\s*[-–—]\s*"));

        let headline = squash(self.headline);
        let lead = squash(&plain(self.lead));
        let lead_element = self.lead_element.as_deref().map(squash).unwrap_or_default();
        let mut trailing = Trailing::default();
        captions_under_photos(&mut self.pieces);
        let names: Vec<String> = authors
            .iter()
            .map(|a| squash(a))
            .filter(|a| a.len() >= 4)
            .collect();

        // The article starts at its headline: short lines above the
        // headline's repeat at the body's top (a video's title and length,
        // a teaser) are not the article's. Photos and videos above it stay.
        let repeat = self
            .pieces
            .iter()
            .take(HEADLINE_WITHIN)
            .position(|p| matches!(p, Piece::Heading(h) if squash(h) == headline))
            .filter(|&at| {
                !headline.is_empty()
                    && !self.pieces.iter().take(at).any(
                        |p| matches!(p, Piece::Paragraph(t, _) if prose_chars(t) >= PROSE_CHARS),
                    )
            });
        if let Some(repeat) = repeat {
            let mut at = 0;
            self.pieces.retain(|p| {
                at += 1;
                at > repeat || matches!(p, Piece::Image(_) | Piece::Video(_))
            });
        }

        // The start: the headline, the lead, a dateline, byline or kicker
        // before the text (photos above the text stay).
        let mut at = 0;
        while at < self.pieces.len() && self.pieces.len() > 1 {
            let drop = match self.pieces.get(at) {
                Some(Piece::Image(_) | Piece::Video(_)) => {
                    at += 1;
                    continue;
                }
                Some(Piece::Heading(h)) => {
                    let key = squash(h);
                    key == headline
                        || !headline.is_empty() && headline.contains(&key)
                        || lines::is_read_more(h)
                }
                Some(Piece::Paragraph(t, _)) => {
                    let line = plain(t);
                    let key = squash(&line);
                    key.is_empty()
                        || key == headline
                        || (!lead.is_empty()
                            && (key == lead || lead.starts_with(&key) && key.len() > 20))
                        || (!lead_element.is_empty() && key == lead_element)
                        || line.chars().count() < 25 && link_only(t)
                        || line.chars().count() <= 60
                            && Stated::parse(&line, DayOrder::DayFirst).is_some()
                            && !line.ends_with('.')
                        || is_kicker(&line)
                        || is_note(t, &line)
                        || lines::is_read_more(&line)
                        || lines::is_reading_time(&line)
                        || line.chars().count() < 120
                            && (lines::opens_as_byline(&line) || only_names(&key, &names))
                }
                _ => false,
            };
            if !drop {
                break;
            }
            self.pieces.remove(at);
        }
        // An agency prefix opens the text: "(Dân trí) - Giá vàng…".
        let opening = self.pieces.iter_mut().find_map(|p| match p {
            Piece::Paragraph(t, _) => Some(t),
            _ => None,
        });
        if let Some(t) = opening {
            if let Some(Inline::Text(first)) = t.first_mut() {
                if let Some(m) = AGENCY.find(first) {
                    if m.start() == 0 && first.len() > m.end() + 20 {
                        *first = first.split_at(m.end()).1.to_owned();
                    }
                }
            }
        }

        // "Xem thêm", "Read more", "Related": what follows is not the article,
        // when no prose follows it (only headlines and links).
        let prose_after = |at: usize| {
            self.pieces.iter().skip(at + 1).any(|p| match p {
                Piece::Paragraph(t, _) => prose_chars(t) >= PROSE_CHARS,
                _ => false,
            })
        };
        let marker = (1..self.pieces.len()).find(|&i| {
            let marks = match self.pieces.get(i) {
                Some(Piece::Paragraph(t, _)) => lines::is_read_more(&plain(t)),
                Some(Piece::Heading(h)) => lines::is_read_more(h),
                _ => false,
            };
            marks && !prose_after(i)
        });
        if let Some(at) = marker {
            self.pieces.truncate(at);
        }

        // The end, line by line (photos below the text stay).
        let mut end = self.pieces.len();
        while end > 0 && self.pieces.len() > 1 {
            let Some(last) = self.pieces.get(end - 1) else {
                break;
            };
            if matches!(last, Piece::Image(_) | Piece::Video(_)) {
                end -= 1;
                continue;
            }
            let drop = match last {
                Piece::Paragraph(t, look) => {
                    let line = plain(t);
                    let short = line.chars().count() <= 80;
                    let key = squash(&line);
                    let signed = short
                        && trailing.authors.is_none()
                        && (look.right || is_all_strong(t) || looks_signed(&line));
                    if let Some(c) = lines::PHOTO_LINE
                        .captures(line.trim())
                        .and_then(|c| c.get(1))
                    {
                        trailing.credits.insert(0, c.as_str().trim().to_owned());
                        true
                    } else if let Some(found) = signed.then(|| trailing_byline(&line)).flatten() {
                        let people: Vec<String> = found
                            .into_iter()
                            .filter(|n| !is_site(n, site_names, host))
                            .collect();
                        if !people.is_empty() {
                            trailing.authors = Some(people);
                        }
                        true
                    } else {
                        let n = line.chars().count();
                        key.is_empty()
                            || link_only(t)
                            || is_note(t, &line)
                            || lines::is_tagline(&line)
                            || is_kicker(&line)
                            || is_shouting(&line)
                            // A signature under the byline ("出品︱…").
                            || trailing.authors.is_some() && is_all_strong(t) && n <= 40
                            // The writer's bio.
                            || n <= 400 && names.iter().any(|name| key.starts_with(name.as_str()))
                            || n < 40 && Stated::parse(&line, DayOrder::DayFirst).is_some()
                    }
                }
                // A heading with no text after it heads something that is not here.
                Piece::Heading(_) => true,
                _ => false,
            };
            if !drop {
                break;
            }
            self.pieces.remove(end - 1);
            end -= 1;
        }
        // "…（编译/林靖东）": a credit closing the last paragraph.
        if trailing.authors.is_none() {
            let last = self.pieces.iter().rev().find_map(|p| match p {
                Piece::Paragraph(t, _) => Some(plain(t)),
                _ => None,
            });
            if let Some(name) = last
                .as_deref()
                .and_then(|l| lines::CLOSING_BYLINE.captures(l))
                .and_then(|c| c.get(1))
            {
                let people: Vec<String> = byline::names(name.as_str())
                    .into_iter()
                    .filter(|n| !is_site(n, site_names, host))
                    .collect();
                if !people.is_empty() {
                    trailing.authors = Some(people);
                }
            }
        }
        trailing
    }
}

/// The characters of rich text outside links.
fn prose_chars(text: &RichText) -> usize {
    text.iter()
        .map(|n| match n {
            Inline::Text(t) => t.chars().count(),
            Inline::Span(Span::Em(inner) | Span::Strong(inner)) => prose_chars(inner),
            Inline::Span(Span::Link(_)) => 0,
        })
        .sum()
}

/// A kicker or label over the text: a word or three, no sentence ("EXCLUSIVE", "TIN MỚI").
fn is_kicker(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 30
        && line.split_whitespace().count() <= 3
        && !line.ends_with(['.', '!', '?', '"', '”', '»'])
}

/// Whether a line (squashed) is the byline without its "By": the
/// article's authors' names, once or repeated (a name and its hidden
/// copy), and at most a few letters besides ("og", "and").
fn only_names(key: &str, names: &[String]) -> bool {
    if !names.iter().any(|n| key.contains(n.as_str())) {
        return false;
    }
    let rest = names
        .iter()
        .fold(key.to_owned(), |rest, n| rest.replace(n.as_str(), ""));
    rest.chars().count() * 4 < key.chars().count()
}

/// A note set apart from the text: all in italics (bold or not), or in
/// brackets ("[What you need to know…]", "[责任编辑：…]").
fn is_note(text: &RichText, line: &str) -> bool {
    let line = line.trim();
    let bracketed = (line.starts_with('[') && line.ends_with(']'))
        || (line.starts_with('【') && line.ends_with('】'));
    bracketed || line.chars().count() <= 400 && is_italic(text)
}

/// Rich text set in italics throughout (links and bold inside allowed).
fn is_italic(text: &RichText) -> bool {
    !text.is_empty()
        && text
            .iter()
            .any(|n| !matches!(n, Inline::Text(t) if t.trim().is_empty()))
        && text.iter().all(|n| match n {
            Inline::Span(Span::Em(_)) => true,
            Inline::Span(Span::Strong(inner)) => is_italic(inner),
            Inline::Text(t) => t.trim().is_empty(),
            _ => false,
        })
}

/// A short line all in capitals (an author's tagline on some sites).
fn is_shouting(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    line.chars().count() <= 100 && letters.len() >= 8 && letters.iter().all(|c| c.is_uppercase())
}

/// A short line set apart right under a photo without a caption is its
/// caption: centred, in italics, or "图为…" (common in CMSs that have no
/// caption element).
fn captions_under_photos(pieces: &mut Vec<Piece>) {
    let mut i = 0;
    while i + 1 < pieces.len() {
        let caption = match (pieces.get(i), pieces.get(i + 1)) {
            (Some(Piece::Image(p)), Some(Piece::Paragraph(t, look))) if p.caption.is_empty() => {
                let line = plain(t);
                let n = line.chars().count();
                let italic = is_note(t, &line);
                (n <= 300
                    && (look.center
                        || italic
                        || lines::CAPTION_OPENERS.iter().any(|o| line.starts_with(o))))
                .then(|| t.clone())
            }
            _ => None,
        };
        if let Some(text) = caption {
            let (text, credit) = trailing_credit(text);
            if let Some(Piece::Image(p)) = pieces.get_mut(i) {
                p.caption = text;
                p.credit = p.credit.take().or(credit);
            }
            pieces.remove(i + 1);
        }
        i += 1;
    }
}

/// A line that names its writer the way Vietnamese pages do ("Theo X", "PV").
fn looks_signed(line: &str) -> bool {
    let line = line.trim();
    line.starts_with("Theo ")
        || line
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            && line.chars().count() <= 40
}

/// Rich text that is only a link (or links).
fn link_only(text: &RichText) -> bool {
    let links = text
        .iter()
        .filter(|n| matches!(n, Inline::Span(Span::Link(_))))
        .count();
    links > 0
        && text.iter().all(|n| match n {
            Inline::Span(Span::Link(_)) => true,
            Inline::Text(t) => t.trim().chars().all(|c| !c.is_alphanumeric()),
            _ => false,
        })
}

/// Rich text set in bold throughout.
fn is_all_strong(text: &RichText) -> bool {
    !text.is_empty()
        && text.iter().all(|n| match n {
            Inline::Span(Span::Strong(_)) => true,
            Inline::Span(Span::Em(inner)) => is_all_strong(inner),
            Inline::Text(t) => t.trim().is_empty(),
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use news_widget::model::{plain, Inline, RichText};

    use super::Body;
    use crate::import::draft::{Look, Piece};

    const HEADLINE: &str = "Feuerwehrleute sollen später in Pension";
    const PROSE: &str = "A paragraph of the article, long enough to be prose, with commas, clauses, and words enough to count as the text of a story.";

    fn line(text: &str) -> Piece {
        Piece::Paragraph(vec![Inline::Text(text.to_owned())], Look::default())
    }

    /// The texts of `pieces` that the trim keeps, for an article by `authors`.
    fn trimmed(pieces: Vec<Piece>, authors: &[String]) -> Vec<String> {
        let mut body = Body {
            pieces,
            headline: HEADLINE,
            lead: &RichText::new(),
            lead_element: None,
        };
        body.trim(authors, &[], None);
        body.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Paragraph(t, _) => Some(plain(t)),
                Piece::Heading(h) => Some(h.clone()),
                _ => None,
            })
            .collect()
    }

    /// The body's first pieces in, whether what stands above the
    /// headline's repeat stays.
    #[test]
    fn the_article_starts_at_its_headline() {
        let heading = |h: &str| Piece::Heading(h.to_owned());
        let table: Vec<(Vec<Piece>, bool)> = vec![
            // A video's title and length above the headline (WDR).
            (
                vec![
                    line("Video starten, abbrechen mit Escape"),
                    heading("Feuerwehrleute sollen später in Pension | wdr aktuell"),
                    line("02:57 Min.. Verfügbar bis 06.05.2024."),
                ],
                false,
            ),
            // Prose above it is the article's: the repeat is no start.
            (vec![line(&format!("Above: {PROSE} {PROSE}"))], true),
        ];
        for (above, kept) in table {
            let n = above.len();
            let mut pieces = above;
            pieces.push(heading(HEADLINE));
            pieces.extend([
                line(&format!("First: {PROSE}")),
                line(&format!("Second: {PROSE}")),
            ]);
            let said = trimmed(pieces, &[]);
            assert!(said.iter().any(|t| t.starts_with("Second:")), "{said:?}");
            assert_eq!(said.len() > 2, kept, "{n} above: {said:?}");
        }
    }

    /// The body's first lines in, what of them stays: the byline without
    /// its "By" (the authors' names, once or twice) goes.
    #[test]
    fn the_byline_over_the_text() {
        let table: &[(&str, bool)] = &[
            ("Martin Gramnæs Martin Gramnæs", false),
            ("Martin Gramnæs og Kari Nordmann", false),
            (
                "Martin Gramnæs said on Monday that the talks had failed.",
                true,
            ),
        ];
        for (first, kept) in table {
            let pieces = vec![
                line(first),
                line(&format!("First: {PROSE}")),
                line(&format!("Second: {PROSE}")),
            ];
            let authors = ["Martin Gramnæs".to_owned(), "Kari Nordmann".to_owned()];
            let said = trimmed(pieces, &authors);
            assert_eq!(said.iter().any(|t| t == first), *kept, "{first}: {said:?}");
        }
    }
}

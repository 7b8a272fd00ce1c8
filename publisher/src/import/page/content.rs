//! Finding the article's body in a page, after Mozilla's Readability: every
//! paragraph of prose scores its parent and grandparent, class names and
//! link density weigh in, and the best-scored element wins, with the
//! markup's own word for it (`itemprop=articleBody`, an `<article>`) as a
//! strong hint. Boxes that are not the article (share bars, related news,
//! ads, comments) are recognized by their class names and links.

use rustc_hash::FxHashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use super::dom::{class_and_id, is_code, is_hidden, tag, text, Attribute, Index, Stats, Verdict};
use super::meta::Form;
use crate::import::vocabulary::{boxes, squash};

/// What `element`'s own markup says it is: the body by name, a dialog of
/// consent, a box that is not the article (by its class or id words, its
/// role, or because it is hidden); [`Index`] has the last word, by the
/// prose inside.
pub fn looks_junk(element: ElementRef) -> Verdict {
    let name = tag(element);
    // A heading for screen readers only ("Article content") is no heading
    // of the article's.
    if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        && boxes::is_visually_hidden(&class_and_id(element))
    {
        return Verdict::Junk;
    }
    // A heading is what its box is; its own class ("sticky-nav-trigger")
    // says little. So are a photo ("img-share") and its caption ("image-footer").
    if matches!(
        name,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "figcaption" | "img" | "picture" | "figure"
    ) {
        return Verdict::Plain;
    }
    // A button around a photo opens its large version: the photo is the article's.
    if name == "button"
        && element
            .descendent_elements()
            .any(|d| matches!(tag(d), "img" | "picture" | "figure"))
    {
        return Verdict::Plain;
    }
    if is_code(name) || boxes::JUNK_TAGS.contains(&name) {
        return Verdict::Junk;
    }
    let mut words = class_and_id(element);
    // VCCorp's CMS names its boxes by `type` ("RelatedOneNews").
    if let Some(kind) = element
        .value()
        .attribute("type")
        .filter(|_| !matches!(name, "input" | "script" | "style" | "link"))
    {
        words.push_str(&kind.to_ascii_lowercase());
    }
    if boxes::is_dialog(&words) {
        return Verdict::Dialog;
    }
    let role = element.value().attribute("role").unwrap_or("");
    if is_hidden(element) || boxes::JUNK_ROLES.contains(&role) {
        return Verdict::Junk;
    }
    if words.is_empty() {
        Verdict::Plain
    } else if boxes::is_article_body(&words) {
        Verdict::Body
    } else if name == "p" && boxes::is_behind_paywall(&words) {
        // The text a paywall hides is the article's (Condé Nast's `p.paywall`).
        Verdict::Plain
    } else if !boxes::is_caption(&words)
        && (boxes::is_junk(&words) || boxes::is_teaser(&words) && links_away(element))
    {
        Verdict::Junk
    } else {
        Verdict::Plain
    }
}

/// Whether `element` is a link or holds one, as a teaser of another
/// article does, and a standfirst called "teaser" (`p.teaser`) does not;
/// a box of captioned photos ("ws-gallery typo-teaser-info") is the
/// article's gallery, however its type is styled.
fn links_away(element: ElementRef) -> bool {
    let link = |e: ElementRef| tag(e) == "a" && e.value().attribute("href").is_some();
    (link(element) || element.descendent_elements().any(link))
        && !element
            .descendent_elements()
            .any(|e| tag(e) == "figcaption")
}

/// The page's best candidate for the article's body.
/// The article's body: one element, or a run of siblings (an article set
/// as list items, say) in document order.
pub struct Content<'a> {
    /// The parts, in order.
    pub parts: Vec<ElementRef<'a>>,
    /// The best candidate and its siblings, without the chunks of its
    /// kind found elsewhere: where the article's header, byline and date
    /// are looked for (a subheading between chunks is no headline).
    core: Vec<ElementRef<'a>>,
}

impl<'a> Content<'a> {
    /// The element that holds the best candidate and its siblings.
    pub fn around(&self) -> Option<ElementRef<'a>> {
        match self.core.as_slice() {
            [one] => Some(*one),
            [first, ..] => first.parent().and_then(ElementRef::wrap),
            [] => None,
        }
    }
}

/// The page's best candidate for the article's body.
pub fn main_content<'a>(
    page: &'a Html,
    scope: ElementRef<'a>,
    stats: &Index,
    form: Form,
) -> Option<Content<'a>> {
    // The markup's own word for the body, when it holds real prose.
    let declared = scope
        .descendent_elements()
        .filter(|e| e.value().has_word("itemprop", "articleBody"))
        .filter(|e| !stats.junk(*e) && stats.prose(*e) >= 400)
        .max_by_key(|e| stats.prose(*e));
    if let Some(declared) = declared {
        return Some(Content {
            parts: vec![declared],
            core: vec![declared],
        });
    }
    let mut scores: FxHashMap<NodeId, f64> = FxHashMap::default();
    let mut order: Vec<NodeId> = Vec::new();
    // Depth first, in document order, never entering a box that is not the article.
    let mut stack = vec![scope];
    while let Some(element) = stack.pop() {
        if stats.junk(element) {
            continue;
        }
        stack.extend(
            element
                .child_elements()
                .collect::<Vec<_>>()
                .into_iter()
                .rev(),
        );
        if !is_prose(element, stats) {
            continue;
        }
        let s = stats.get(element);
        let score = 1.0 + s.commas as f64 + (s.chars as f64 / 100.0).min(3.0);
        // Readability: the parent gets it all, the grandparent half, and
        // further ancestors a third of it divided by their level.
        for (level, ancestor) in element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(5)
            .enumerate()
        {
            let share = match level {
                0 => 1.0,
                1 => 0.5,
                n => 1.0 / (n as f64 * 3.0),
            };
            let entry = scores.entry(ancestor.id()).or_insert_with(|| {
                order.push(ancestor.id());
                initial_score(ancestor)
            });
            *entry += score * share;
        }
    }

    let mut best: Option<(ElementRef, f64)> = None;
    for id in order {
        let Some(element) = page.tree.get(id).and_then(ElementRef::wrap) else {
            continue;
        };
        if matches!(tag(element), "html" | "body") {
            continue;
        }
        let raw = scores.get(&id).copied().unwrap_or_default();
        let score = raw * (1.0 - stats.get(element).link_density());
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((element, score));
        }
    }
    let (top, score) = best?;
    let top = widen(top, score, &scores, stats);
    let score =
        scores.get(&top.id()).copied().unwrap_or(score) * (1.0 - stats.get(top).link_density());
    let core = with_siblings(top, score, &scores, stats);
    let mut parts = core.clone();
    parts.extend(chunks(page, top, &core, stats));
    if form == Form::LiveBlog {
        let entries = live_entries(page, top, &parts, stats);
        parts.extend(entries);
    }
    parts.sort_by_key(|p| stats.position(*p));
    let photos = photos_between(page, &parts, stats);
    parts.extend(photos);
    parts.sort_by_key(|p| stats.position(*p));
    Some(Content { parts, core })
}

/// The `<article>` of the page's own headline where the page holds more
/// than one with a headline (the next story loaded under the first, as
/// infinite-scrolling pages do): the one whose `<h1>` is what the page's
/// titles say (`titles`: og:title, JSON-LD's headline, `<title>`, which
/// may add the site's name after it). `None` when the page has one such
/// article or none, or the titles name none or several.
pub fn headline_article<'a>(
    page: &'a Html,
    titles: &[String],
    stats: &Index,
) -> Option<ElementRef<'a>> {
    let h1s = |a: ElementRef<'a>| a.descendent_elements().filter(|d| tag(*d) == "h1");
    let articles: Vec<ElementRef<'a>> = page
        .root_element()
        .descendent_elements()
        .filter(|e| tag(*e) == "article" && !stats.junk(*e) && h1s(*e).next().is_some())
        .collect();
    if articles.len() < 2 {
        return None;
    }
    let titles: Vec<String> = titles.iter().map(|t| squash(t)).collect();
    let says_title = |h1: ElementRef| {
        let key = squash(&text(h1));
        !key.is_empty()
            && titles
                .iter()
                .any(|t| *t == key || key.chars().count() >= MIN_TITLE_CHARS && t.starts_with(&key))
    };
    let matching: Vec<ElementRef<'a>> = articles
        .into_iter()
        .filter(|a| h1s(*a).any(says_title))
        .collect();
    match matching.as_slice() {
        // An article inside the other (both matching) is the same story.
        [one] => Some(*one),
        [outer, rest @ ..] if rest.iter().all(|r| stats.contains(*outer, *r)) => Some(*outer),
        _ => None,
    }
}

/// The fewest letters of a headline that a longer title may start with
/// and still be that headline ("Null tvil" is no page's title).
const MIN_TITLE_CHARS: usize = 12;

/// The photos between the article's parts (a figure between the standfirst
/// and the text, between two chunks of it): the article's, in their place.
fn photos_between<'a>(
    page: &'a Html,
    parts: &[ElementRef<'a>],
    stats: &Index,
) -> Vec<ElementRef<'a>> {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return Vec::new();
    };
    if parts.len() < 2 {
        return Vec::new();
    }
    let (from, to) = (stats.position(*first), stats.end(*last));
    let between = page.root_element().descendent_elements().filter(|e| {
        let at = stats.position(*e);
        from < at && at < to
    });
    loose_photos(between, parts, stats)
}

/// The photos among `candidates` that are not inside `parts` (nor inside a
/// photo found before them), and not in a box that is not the article.
fn loose_photos<'a>(
    candidates: impl Iterator<Item = ElementRef<'a>>,
    parts: &[ElementRef<'a>],
    stats: &Index,
) -> Vec<ElementRef<'a>> {
    let mut found: Vec<ElementRef<'a>> = Vec::new();
    for e in candidates {
        let inside = parts
            .iter()
            .chain(found.iter())
            .any(|p| stats.contains(*p, e));
        if matches!(tag(e), "figure" | "picture" | "img") && !inside && !stats.junk(e) {
            found.push(e);
        }
    }
    found
}

/// The other chunks of an article its CMS splits into boxes of one kind
/// between photos, quotes and ads (Condé Nast's `body__inner-container`,
/// ARD's `mod modParagraph`, Spiegel's `RichText`): elements of the
/// candidate's tag and class (its whole class, or its first word when that
/// is a name of its own) under the same `<article>`, each with prose of
/// its own and few links, outside the parts found already.
fn chunks<'a>(
    page: &'a Html,
    top: ElementRef<'a>,
    parts: &[ElementRef<'a>],
    stats: &Index,
) -> Vec<ElementRef<'a>> {
    // A candidate without a class of its own (`<div><div><p>`) is known by
    // the first wrapper with one around it, reached through wrappers of
    // nothing else.
    let mut top = top;
    for _ in 0..4 {
        let class = top.value().attribute("class").unwrap_or("").trim();
        let wrapper = top
            .parent()
            .and_then(ElementRef::wrap)
            .filter(|p| p.child_elements().count() == 1 && !matches!(tag(*p), "body" | "article"));
        match wrapper {
            Some(parent) if class.is_empty() => top = parent,
            _ => break,
        }
    }
    let class = top.value().attribute("class").unwrap_or("").trim();
    if class.is_empty() {
        return Vec::new();
    }
    let first = class.split_whitespace().next().filter(|k| k.len() >= 4);
    let article = |e: ElementRef<'a>| {
        e.ancestors()
            .filter_map(ElementRef::wrap)
            .find(|a| tag(*a) == "article")
            .map(|a| a.id())
    };
    let home = article(top);
    let found: Vec<ElementRef<'a>> = page
        .root_element()
        .descendent_elements()
        .filter(|e| e.value().name() == top.value().name())
        .filter(|e| {
            let theirs = e.value().attribute("class").unwrap_or("").trim();
            theirs == class || first.is_some() && theirs.split_whitespace().next() == first
        })
        .filter(|e| {
            !parts
                .iter()
                .chain([&top])
                .any(|p| stats.contains(*p, *e) || stats.contains(*e, *p))
        })
        .filter(|e| {
            let s = stats.get(*e);
            !stats.junk(*e) && stats.prose(*e) >= 50 && s.link_density() < 0.3
        })
        .filter(|e| article(*e) == home)
        .collect();
    // A chunk inside another is read with it.
    found
        .iter()
        .filter(|c| {
            !found
                .iter()
                .any(|d| d.id() != c.id() && stats.contains(*d, **c))
        })
        .copied()
        .collect()
}

/// A live blog's entries after its first text: the boxes of one tag and
/// class, at least two, each with prose of its own and few links, outside
/// the parts found already; of such kinds, the one with the most prose
/// (the innermost of boxes that hold the same text, so an entry's time
/// and author line stays out); and the photos beside each in its box.
fn live_entries<'a>(
    page: &'a Html,
    top: ElementRef<'a>,
    parts: &[ElementRef<'a>],
    stats: &Index,
) -> Vec<ElementRef<'a>> {
    let mut kinds: FxHashMap<(&str, &str), Vec<ElementRef<'a>>> = FxHashMap::default();
    for e in page.root_element().descendent_elements() {
        let class = e.value().attribute("class").unwrap_or("").trim();
        let s = stats.get(e);
        if class.is_empty()
            || stats.position(e) <= stats.position(top)
            || stats.junk(e)
            || stats.prose(e) < 50
            || s.link_density() >= 0.3
            || parts
                .iter()
                .any(|p| stats.contains(*p, e) || stats.contains(e, *p))
        {
            continue;
        }
        kinds.entry((e.value().name(), class)).or_default().push(e);
    }
    let prose = |entries: &[ElementRef]| entries.iter().map(|e| stats.prose(*e)).sum::<usize>();
    let entries = kinds
        .into_values()
        .filter(|entries| entries.len() >= 2)
        // Most prose; of equals, the innermost (the later in document order).
        .max_by_key(|entries| (prose(entries), entries.first().map(|e| stats.position(*e))))
        .unwrap_or_default();
    let beside = entries
        .iter()
        .filter_map(|entry| entry.parent().and_then(ElementRef::wrap))
        .flat_map(|around| around.descendent_elements());
    let photos = loose_photos(beside, &entries, stats);
    entries.into_iter().chain(photos).collect()
}

/// The candidate and those of its siblings that are part of the article
/// (Readability: a sibling that scores at least a fifth of it, more if it
/// shares its class; or a paragraph of prose).
fn with_siblings<'a>(
    top: ElementRef<'a>,
    score: f64,
    scores: &FxHashMap<NodeId, f64>,
    stats: &Index,
) -> Vec<ElementRef<'a>> {
    let Some(parent) = top.parent().and_then(ElementRef::wrap) else {
        return vec![top];
    };
    if matches!(tag(parent), "html") {
        return vec![top];
    }
    let threshold = (score * 0.2).max(10.0);
    let class = top.value().attribute("class").unwrap_or("").trim();
    // Siblings of the candidate's own kind (its first class) are more of it.
    let kind = class.split_whitespace().next().filter(|k| k.len() >= 4);
    parent
        .child_elements()
        .filter(|sibling| {
            if sibling.id() == top.id() {
                return true;
            }
            if stats.junk(*sibling) {
                return false;
            }
            let s = stats.get(*sibling);
            let same_kind = kind.is_some_and(|k| {
                sibling
                    .value()
                    .attribute("class")
                    .unwrap_or("")
                    .split_whitespace()
                    .next()
                    == Some(k)
            });
            if same_kind && s.chars > 0 && s.link_density() < 0.5 {
                return true;
            }
            let bonus = if !class.is_empty()
                && sibling.value().attribute("class").unwrap_or("").trim() == class
            {
                score * 0.2
            } else {
                0.0
            };
            let own =
                scores.get(&sibling.id()).copied().unwrap_or_default() * (1.0 - s.link_density());
            if scores.contains_key(&sibling.id()) && own + bonus >= threshold {
                return true;
            }
            tag(*sibling) == "p" && s.chars > 80 && s.link_density() < 0.25
        })
        .collect()
}

/// The candidate's parent instead, when it holds the article's other parts
/// too (Readability: siblings that score close to it, or whose text is prose).
fn widen<'a>(
    top: ElementRef<'a>,
    score: f64,
    scores: &FxHashMap<NodeId, f64>,
    stats: &Index,
) -> ElementRef<'a> {
    let mut current = top;
    // A container the markup names as the body, around the candidate, wins.
    for ancestor in top.ancestors().filter_map(ElementRef::wrap).take(4) {
        if ancestor.value().attribute("itemprop") == Some("articleBody") {
            return ancestor;
        }
    }
    // Climb while the parent's text is mostly this candidate's and the
    // parent scores nearly as well (the article split into sibling boxes).
    for parent in top.ancestors().filter_map(ElementRef::wrap).take(3) {
        if matches!(tag(parent), "html" | "body") || stats.junk(parent) {
            break;
        }
        let parent_score = scores.get(&parent.id()).copied().unwrap_or_default();
        let mine = stats.get(current).chars as f64;
        let theirs = stats.get(parent).chars.max(1) as f64;
        if parent_score >= score * 0.9
            && mine / theirs > 0.5
            && stats.get(parent).link_density() < 0.3
        {
            current = parent;
        } else {
            break;
        }
    }
    current
}

fn initial_score(element: ElementRef) -> f64 {
    let base = match tag(element) {
        "article" => 10.0,
        "div" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    base + class_weight(element)
        + if element.value().attribute("itemprop") == Some("articleBody") {
            50.0
        } else {
            0.0
        }
}

/// Readability's class weight: +25 for a name of the article, −25 for one of
/// the boxes around it.
fn class_weight(element: ElementRef) -> f64 {
    let mut weight = 0.0;
    for part in [
        element.value().attribute("class"),
        element.value().attribute("id"),
    ]
    .into_iter()
    .flatten()
    {
        let part = part.to_ascii_lowercase();
        if boxes::is_not_article(&part) {
            weight -= 25.0;
        }
        if boxes::is_article(&part) {
            weight += 25.0;
        }
    }
    weight
}

/// A paragraph of prose: a `<p>` (or a text-holding `<div>`, `<td>`,
/// `<pre>`) with enough text that is not mostly links.
fn is_prose(element: ElementRef, stats: &Index) -> bool {
    let s: Stats = stats.get(element);
    if s.chars < 25 || s.link_density() > 0.5 {
        return false;
    }
    match tag(element) {
        "p" | "pre" => true,
        "td" | "div" | "section" => element.children().any(|c| {
            c.value()
                .as_text()
                .is_some_and(|t| t.chars().filter(|c| !c.is_whitespace()).count() >= 25)
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::page::dom::text;

    /// The body's text as `main_content` finds it in `html`.
    fn body(html: &str) -> String {
        let page = Html::parse_document(html);
        let index = Index::of(page.root_element(), looks_junk);
        main_content(&page, page.root_element(), &index, Form::Story)
            .map(|c| {
                c.parts
                    .iter()
                    .map(|p| text(*p))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .unwrap_or_default()
    }

    const PROSE: &str = "A paragraph of the article, long enough to be prose, with commas, clauses, and words enough to count.";

    /// A live blog's entries after its first text are its body (and the
    /// photos between them); an entry's time and author line is not.
    #[test]
    fn a_live_blogs_entries() {
        use crate::import::draft::Piece;
        use news_widget::model::plain;
        let entry = |n: u8| {
            format!(
                r#"<div class="entry"><div class="entry-info"><time>11:4{n}</time> <a href="/journalist/1">Jon King</a></div><div class="entry-text"><p>Entry {n}: {PROSE}</p></div><div class="photo"><img src="https://news.example/{n}.jpg" width="800" height="600"><span class="newsCaption">Photo {n} of the day.</span></div></div>"#
            )
        };
        let html = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"LiveBlogPosting","headline":"A live blog"}}</script></head><body><article><h1>A live blog</h1><div class="text-description"><p>First: {PROSE}</p><p>Second: {PROSE}</p></div><div class="live-events">{}{}{}</div></article></body></html>"#,
            entry(1),
            entry(2),
            entry(3)
        );
        let body = crate::import::page::read(&html).body;
        let said: Vec<String> = body
            .iter()
            .filter_map(|p| match p {
                Piece::Paragraph(text, _) => Some(plain(text)),
                Piece::Image(photo) => Some(plain(&photo.caption)),
                _ => None,
            })
            .collect();
        assert!(said.iter().any(|t| t.starts_with("Second:")), "{said:?}");
        for n in 1..=3 {
            assert!(
                said.iter().any(|t| t.starts_with(&format!("Entry {n}:"))),
                "{said:?}"
            );
            assert!(
                said.iter().any(|t| t == &format!("Photo {n} of the day.")),
                "{said:?}"
            );
        }
        assert!(!said.iter().any(|t| t.contains("Jon King")), "{said:?}");
    }

    /// Two stories on one page (the next loaded under the first): the
    /// body is the story whose headline the page's title names, though the
    /// other has more prose; with no title naming either, the most prose.
    #[test]
    fn the_story_the_page_is_titled_for() {
        use crate::import::draft::Piece;
        use news_widget::model::plain;
        let story = |h1: &str, tag: &str, n: usize| {
            let text: String = (0..n)
                .map(|i| format!("<p>{tag} {i}: {PROSE}</p>"))
                .collect();
            format!("<article><h1>{h1}</h1><div class=\"text\">{text}</div></article>")
        };
        let table: &[(&str, &str)] = &[
            ("- Angsten vil øke", "First"),
            ("- Angsten vil øke | Dagbladet", "First"),
            ("Something else entirely", "Second"),
        ];
        for (title, expected) in table {
            let html = format!(
                r#"<html><head><meta property="og:title" content="{title}"></head><body>{}{}</body></html>"#,
                story("- Angsten <span>vil øke</span>", "First", 3),
                story("Null tvil: - Nei!", "Second", 6)
            );
            let body: Vec<String> = crate::import::page::read(&html)
                .body
                .iter()
                .filter_map(|p| match p {
                    Piece::Paragraph(t, _) => Some(plain(t)),
                    _ => None,
                })
                .collect();
            assert!(
                body.iter().all(|p| p.starts_with(expected)) && !body.is_empty(),
                "{title}: {body:?}"
            );
        }
    }

    /// A page in, which texts the body holds and which it does not.
    #[test]
    fn what_the_body_is() {
        let long = |tag: &str| format!("<p>{tag} {PROSE} {PROSE}</p>");
        let table: Vec<(String, &[&str], &[&str])> = vec![
            // Chunks of one kind between other boxes are all the body.
            (
                format!(
                    r#"<article><div><div class="body__inner">{}{}</div></div><figure><img src="a.jpg"></figure><div><div class="body__inner">{}</div></div></article>"#,
                    long("one"),
                    long("two"),
                    long("three")
                ),
                &["one", "three"],
                &[],
            ),
            // Chunks known by the wrapper around their classless boxes.
            (
                format!(
                    r#"<article><div class="chunk"><div><div>{}</div></div></div><figure><img src="a.jpg"></figure><div class="chunk"><div><div>{}</div></div></div></article>"#,
                    long("one"),
                    long("two")
                ),
                &["one", "two"],
                &[],
            ),
            // A photo between the standfirst and the text is the article's.
            (
                format!(
                    r#"<article><h1>Headline</h1><p class="excerpt">The standfirst, a sentence long enough to be read as a paragraph of prose, set apart above the photo.</p><figure><img src="a.jpg" alt=""><figcaption>between</figcaption></figure><div class="text">{}{}</div></article>"#,
                    long("one"),
                    long("two")
                ),
                &["standfirst", "between", "one"],
                &[],
            ),
            // What a paywall hides is the article's text.
            (
                format!(
                    r#"<article><div>{}<p class="paywall">hidden {PROSE}</p></div></article>"#,
                    long("one")
                ),
                &["one", "hidden"],
                &[],
            ),
            // A box of that class in another article (a teaser) is not.
            (
                format!(
                    r#"<article><div class="body__inner">{}{}</div></article><article><div class="body__inner">{}</div></article>"#,
                    long("one"),
                    long("two"),
                    long("teaser")
                ),
                &["one", "two"],
                &["teaser"],
            ),
            // A layout named "sidebar" around the named body is no sidebar,
            // though the page's other half of prose lies outside it.
            (
                format!(
                    r#"<div class="sidebar-grid"><div class="sidebar-grid__content article__content">{}{}{}</div></div><div class="more">{}{}{}</div>"#,
                    long("one"),
                    long("two"),
                    long("three"),
                    long("x"),
                    long("y"),
                    long("z")
                ),
                &["one", "two"],
                &[],
            ),
            // A consent dialog is never the body, however long its text.
            (
                format!(
                    r#"<div id="onetrust-consent-sdk"><div>{}{}{}{}</div></div><article><div>{}</div></article>"#,
                    long("policy"),
                    long("policy"),
                    long("policy"),
                    long("policy"),
                    long("story")
                ),
                &["story"],
                &["policy"],
            ),
        ];
        for (html, has, lacks) in &table {
            let found = body(html);
            for h in *has {
                assert!(found.contains(h), "{h} in {html}: {found}");
            }
            for l in *lacks {
                assert!(!found.contains(l), "no {l} in {html}: {found}");
            }
        }
    }

    /// A box in, whether its own markup says it is not the article.
    #[test]
    fn what_a_box_says_it_is() {
        let table: &[(&str, bool)] = &[
            // A teaser of another article, linking to it.
            (
                r#"<div class="teaser"><h2><a href="/other">Another story</a></h2><p>Its blurb</p></div>"#,
                true,
            ),
            // A teaser card that is the link.
            (
                r#"<a class="u-teaser u-inline-teaser" href="/other"><h2>Another story</h2></a>"#,
                true,
            ),
            // A gallery of captioned photos styled like a teaser.
            (
                r#"<div class="ws-gallery typo-teaser-info-medium"><figure><a href="/g"><img src="a.jpg"></a><figcaption>John Paulson at the gala</figcaption></figure></div>"#,
                false,
            ),
            // A standfirst called "teaser": no link away.
            (
                r#"<p class="teaser">The standfirst of the story</p>"#,
                false,
            ),
            // A heading for screen readers only.
            (r#"<h2 class="visually-hidden">Article content</h2>"#, true),
            (r#"<h2 class="article-title">The headline</h2>"#, false),
            // A paywall's offer to register or sign in.
            (
                r#"<div class="article-block article-content__sign-in-group"><p>Register to unlock more articles</p></div>"#,
                true,
            ),
        ];
        for (html, junk) in table {
            let page = Html::parse_fragment(html);
            let first = page
                .root_element()
                .child_elements()
                .next()
                .expect("an element");
            assert_eq!(looks_junk(first) == Verdict::Junk, *junk, "{html}");
        }
    }
}

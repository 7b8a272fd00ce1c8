//! Who wrote the article: a visible byline near it, its JSON-LD authors,
//! or its `<meta>` authors, each name checked not to be the site's.

use scraper::ElementRef;

use super::byline::{is_site, names};
use super::dom::{self, class_and_id, tag, Attribute};
use super::meta::decode;
use super::Page;
use crate::import::vocabulary::{boxes, lines, markup, squash};

/// Who wrote an article, and how sure that is.
pub enum Authors {
    /// Named by the page: a visible byline, or the article's JSON-LD.
    Page(Vec<String>),
    /// Named only in `<meta>` tags, which a byline at the text's end beats
    /// (they often name an editor or the site).
    Tagged(Vec<String>),
    /// Named nowhere.
    Unnamed,
}

impl Authors {
    /// The names found.
    pub fn names(&self) -> Vec<String> {
        match self {
            Authors::Page(n) | Authors::Tagged(n) => n.clone(),
            Authors::Unnamed => Vec::new(),
        }
    }

    /// The authors, given the byline at the text's end (if any).
    pub fn or_trailing(self, trailing: Option<Vec<String>>) -> Vec<String> {
        match (self, trailing) {
            (Authors::Page(names), _) => names,
            (Authors::Tagged(_) | Authors::Unnamed, Some(names)) => names,
            (Authors::Tagged(names), None) => names,
            (Authors::Unnamed, None) => Vec::new(),
        }
    }
}

/// Who wrote it: a visible byline near the article, else the article's
/// JSON-LD authors that are people (or agencies that are not the site),
/// else the `<meta>` authors that are not the site.
pub fn authors(page: &Page, site_names: &[String], host: Option<&str>) -> Authors {
    let meta = &page.meta;
    let candidate = |e: ElementRef| {
        let value = e.value();
        value.has_word("itemprop", "author")
            || value.has_word("rel", "author")
            || value.attribute("class").is_some()
            || value.attribute("id").is_some()
            || tag(e) == "a" && value.attribute("href").is_some()
            || matches!(tag(e), "li" | "p" | "span" | "dd" | "small" | "address")
    };
    let people = |found: Vec<String>| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for name in found {
            if !is_site(&name, site_names, host) && !out.iter().any(|o| squash(o) == squash(&name))
            {
                out.push(name);
            }
        }
        out
    };

    let mut found_in: Vec<(ElementRef, Vec<String>)> = Vec::new();
    for element in dom::elements(page.html, candidate) {
        let value = element.value();
        let itemprop = value.has_word("itemprop", "author");
        let rel = value.has_word("rel", "author");
        let words = class_and_id(element);
        // A dateline that names the writer too ("2/26/2015 7:11 AM PST BY TMZ STAFF").
        let dated_by = || {
            boxes::is_dated(&words)
                && element.child_elements().count() <= 3
                && page.index.get(element).chars <= 150
                && {
                    let t = dom::text(element);
                    t.chars().count() <= 150 && lines::BY_INSIDE.is_match(&t)
                }
        };
        // A link to the writer's page ("/autoren/max-kolter"), not in a
        // teaser of another article.
        let author_link = || dom::links_to_writer(element) && !in_teaser(element);
        // A short line that says it is a byline ("Autorin/Autor Roman
        // Goncharenko", "von Dr. Max Kolter"), not in a teaser.
        let labelled = || {
            page.index.get(element).chars <= MAX_LABELLED
                && !element
                    .child_elements()
                    .any(|c| !dom::is_inline(dom::tag(c)))
                && lines::BYLINE_PREFIX.is_match(&dom::text(element))
                && !in_teaser(element)
        };
        if !(itemprop
            || rel
            || boxes::is_byline(&words)
            || dated_by()
            || author_link()
            || labelled())
            || boxes::is_not_a_name(&words)
        {
            continue;
        }
        // Microdata is the article's own word, even in a box the class names
        // call a share bar; a class alone is not. A byline in a figure is
        // its photo's credit, unless its markup says it names the writer
        // (a figure of the writer's portrait and name).
        if page.junk(element) && !itemprop
            || !page.near(element)
            || in_figure(element) && !names_writer(element)
            || labelled_as_role(element)
        {
            continue;
        }
        let named: Vec<String> = element
            .descendent_elements()
            .filter(|d| d.value().attribute("itemprop") == Some("name"))
            .map(|n| {
                n.value()
                    .attribute("content")
                    .map(decode)
                    .unwrap_or_else(|| dom::text(n))
            })
            .collect();
        let chunks = if !named.is_empty() {
            named
        } else if let Some(content) = value.attribute("content").filter(|_| itemprop) {
            vec![decode(content)]
        } else {
            if page.index.get(element).chars > 200 || dom::text(element).chars().count() > 200 {
                continue;
            }
            chunks(element)
        };
        let found = without_place(people(chunks.iter().flat_map(|c| names(c)).collect()));
        if !found.is_empty() {
            found_in.push((element, found));
        }
    }
    // The smallest box that is a byline: not one around another (of the
    // first few: a page of a thousand bylines is not an article's).
    found_in.truncate(MAX_BYLINES);
    let visible: Vec<Vec<String>> = found_in
        .iter()
        .filter(|(outer, _)| {
            !found_in
                .iter()
                .any(|(inner, _)| inner.id() != outer.id() && page.index.contains(*outer, *inner))
        })
        .map(|(_, names)| names.clone())
        .collect();
    let ld = meta.article().map(|a| {
        people(
            a.authors
                .iter()
                .filter(|p| !p.organization || !is_site(&p.name, site_names, host))
                .flat_map(|p| names(&p.name))
                .collect(),
        )
    });
    // Its people and agencies (not a provider's name, "Good Morning America").
    let ld_people = meta.article().map(|a| {
        people(
            a.authors
                .iter()
                .filter(|p| !p.organization || lines::is_agency(&p.name))
                .flat_map(|p| names(&p.name))
                .collect(),
        )
    });
    let tagged: Vec<String> = markup::AUTHOR_META
        .iter()
        .flat_map(|k| meta.all(k))
        .filter(|a| !a.contains("://"))
        .flat_map(|a| names(&a))
        .collect();
    let tagged = people(tagged);

    // The byline that shares a name with the JSON-LD's; else the one that
    // names the most people, first on the page.
    let same = |a: &String, b: &String| squash(a) == squash(b);
    let shares = |v: &Vec<String>| {
        ld.as_ref()
            .is_some_and(|l| v.iter().any(|n| l.iter().any(|m| same(n, m))))
    };
    let best_visible = visible.iter().find(|v| shares(v)).cloned().or_else(|| {
        visible
            .into_iter()
            .fold(None, |best: Option<Vec<String>>, v| match best {
                Some(b) if b.len() >= v.len() => Some(b),
                _ => Some(v),
            })
    });
    // `<meta>` that names the byline's people and their agency ("Felix
    // Schröder und Jörg Soldwisch, dpa"): the agency too.
    let more = |fewer: &Vec<String>, more: &Vec<String>| {
        more.len() > fewer.len()
            && fewer.iter().all(|n| more.iter().any(|m| same(n, m)))
            && more
                .iter()
                .filter(|m| !fewer.iter().any(|n| same(n, m)))
                .all(|m| lines::is_agency(m))
    };
    let names_more = |v: &Vec<String>| ld_people.as_ref().is_some_and(|l| l.len() > v.len());
    match (best_visible, ld) {
        // The JSON-LD names more people than the byline shows (its first).
        (Some(v), Some(_)) if names_more(&v) => Authors::Page(ld_people.unwrap_or_default()),
        (Some(v), _) if more(&v, &tagged) => Authors::Page(tagged),
        (Some(v), _) => Authors::Page(v),
        (None, Some(l)) if !l.is_empty() => Authors::Page(l),
        _ if !tagged.is_empty() => Authors::Tagged(tagged),
        _ => Authors::Unnamed,
    }
}

/// A byline's names without the place it was written in ("Von Johannes
/// Ritter, Zürich"): a last single word after full names, unless an agency.
fn without_place(mut names: Vec<String>) -> Vec<String> {
    let words = |n: &String| n.split_whitespace().count();
    let place = match names.as_slice() {
        [people @ .., last] if !people.is_empty() => {
            words(last) == 1 && !lines::is_agency(last) && people.iter().all(|p| words(p) >= 2)
        }
        _ => false,
    };
    if place {
        names.pop();
    }
    names
}

/// Whether `element` is in a teaser of another article: a link around
/// it, or a box a few levels up that holds a linked subheading (of the
/// box's first elements only: a teaser is small).
fn in_teaser(element: ElementRef) -> bool {
    const TEASER_ELEMENTS: usize = 400;
    let ancestors = || element.ancestors().filter_map(ElementRef::wrap);
    ancestors().any(|a| dom::tag(a) == "a")
        || ancestors().take(4).any(|a| {
            a.descendent_elements().take(TEASER_ELEMENTS).any(|d| {
                matches!(dom::tag(d), "h2" | "h3" | "h4")
                    && d.descendent_elements().any(|l| dom::tag(l) == "a")
            })
        })
}

/// Whether `element`'s markup says it names the article's writer: HTML's
/// `<address>` (the contact of the article's author), `rel=author`, or a
/// link to the writer's page, on it or inside it. Not `itemprop=author`,
/// which in a figure is its photo's (schema.org's `ImageObject`).
fn names_writer(element: ElementRef) -> bool {
    let says = |e: ElementRef| {
        let value = e.value();
        tag(e) == "address" || value.has_word("rel", "author") || dom::links_to_writer(e)
    };
    says(element) || element.descendent_elements().any(says)
}

/// How many bylines a page is read for.
const MAX_BYLINES: usize = 32;

/// The longest line read as a labelled byline ("Autor: …").
const MAX_LABELLED: usize = 80;

/// Whether `element` is in a figure or its caption (where a byline is the
/// photo's credit).
fn in_figure(element: ElementRef) -> bool {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take(6)
        .any(|a| {
            matches!(dom::tag(a), "figure" | "figcaption") || boxes::is_caption(&class_and_id(a))
        })
}

/// Whether the text right before `element` labels it as someone who did
/// not write the article ("Editor: <a class=author>…</a>").
fn labelled_as_role(element: ElementRef) -> bool {
    let mut before = String::new();
    for sibling in element.prev_siblings().take(3) {
        let piece = match sibling.value() {
            scraper::Node::Text(t) => t.to_string(),
            scraper::Node::Element(_) => {
                ElementRef::wrap(sibling).map(dom::text).unwrap_or_default()
            }
            _ => continue,
        };
        before.insert_str(0, &piece);
        if !piece.trim().is_empty() {
            break;
        }
    }
    let before = before.trim_end();
    before.ends_with([':', '：']) && lines::is_role(before)
}

/// A byline's text in the pieces its markup sets apart ("By", the name's
/// link, the job title), so a name is not run together with a title.
fn chunks(element: ElementRef) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    // A place or a date set in the byline ("São Paulo") is not a name.
    let aside = |node: ego_tree::NodeRef<scraper::Node>| {
        ElementRef::wrap(node).is_some_and(|e| boxes::is_byline_aside(&class_and_id(e)))
    };
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in element.traverse() {
        match (&edge, skipping) {
            (ego_tree::iter::Edge::Close(node), Some(id)) if node.id() == id => {
                skipping = None;
                continue;
            }
            (_, Some(_)) => continue,
            (ego_tree::iter::Edge::Open(node), None)
                if node.id() != element.id() && aside(*node) =>
            {
                skipping = Some(node.id());
                continue;
            }
            _ => {}
        }
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                scraper::Node::Text(t) => {
                    let in_code = node
                        .parent()
                        .and_then(|p| p.value().as_element().map(|e| dom::is_code(e.name())));
                    if in_code != Some(true) {
                        current.push_str(t);
                    }
                }
                scraper::Node::Element(e)
                    if !matches!(e.name(), "b" | "strong" | "i" | "em" | "span" | "font")
                        || !current.trim().is_empty() =>
                {
                    out.push(std::mem::take(&mut current));
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if node.value().is_element() {
                    out.push(std::mem::take(&mut current));
                }
            }
        }
    }
    out.push(current);
    let pieces: Vec<String> = out
        .into_iter()
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|c| !c.is_empty())
        .collect();
    // A label such as "责任编辑：" or "Reviewed by" names what follows: not the writer.
    let mut kept = Vec::new();
    let mut skip = false;
    for piece in pieces {
        if std::mem::take(&mut skip) {
            continue;
        }
        // "By TPN, in News, Business": the sections follow.
        if lines::ends_with_section_word(&piece) {
            kept.push(piece);
            break;
        }
        let label = piece.ends_with([':', '：']) || lines::is_reviewer(&piece);
        if label && (lines::is_role(&piece) || lines::is_reviewer(&piece)) {
            skip = true;
            continue;
        }
        kept.push(piece);
    }
    kept
}

#[cfg(test)]
mod tests {
    use crate::import::page::read;

    const PROSE: &str = "<p>A paragraph of prose, long enough to be the body, with commas, and more words to it.</p>";

    /// What stands between the headline and the text, in; the authors out.
    #[test]
    fn a_byline_in_a_figure() {
        let table: &[(&str, &[&str])] = &[
            // The writer's portrait and name as a figure: `<address>`, `rel=author`.
            (
                r#"<figure><img src="https://news.example/unger.jpg" alt="Christian Unger"><figcaption><address>Von <a rel="author" href="/autoren/christian-unger/">Christian Unger</a>, Redakteur</address></figcaption></figure>"#,
                &["Christian Unger"],
            ),
            // A photo's credit marked as its author (schema.org's
            // ImageObject) names no writer.
            (
                r#"<figure><img src="https://news.example/a.jpg" width="800" height="600"><figcaption><span class="caption">Houseplants in a row.</span><span class="credit" itemprop="author">By Jane Doe</span></figcaption></figure>"#,
                &[],
            ),
        ];
        for (header, expected) in table {
            let html = format!(
                "<html><head><title>A headline long enough</title></head><body><article><h1>A headline long enough</h1>{header}<div class=\"text\">{PROSE}{PROSE}{PROSE}</div></article></body></html>"
            );
            let authors: Vec<String> = read(&html)
                .authors
                .iter()
                .map(|a| a.as_str().to_owned())
                .collect();
            assert_eq!(authors, *expected, "{header}");
        }
    }
}

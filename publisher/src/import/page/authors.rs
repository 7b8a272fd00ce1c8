//! Who wrote the article: a visible byline near it, its JSON-LD authors,
//! or its `<meta>` authors, each name checked not to be the site's.

use std::sync::LazyLock;

use scraper::{ElementRef, Selector};

use super::byline::{is_site, names};
use super::dom::{self, class_and_id, sel};
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
    static CANDIDATES: LazyLock<Selector> =
        LazyLock::new(|| sel("[itemprop~=author], [rel~=author], [class], [id]"));
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

    let mut visible: Vec<Vec<String>> = Vec::new();
    for element in page.html.select(&CANDIDATES) {
        let value = element.value();
        let itemprop = value
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|p| p == "author"));
        let rel = value
            .attr("rel")
            .is_some_and(|r| r.split_whitespace().any(|r| r == "author"));
        let words = class_and_id(element);
        // A dateline that names the writer too ("2/26/2015 7:11 AM PST BY TMZ STAFF").
        let dated_by = || {
            boxes::is_dated(&words) && element.child_elements().count() <= 3 && {
                let t = dom::text(element);
                t.chars().count() <= 150 && lines::BY_INSIDE.is_match(&t)
            }
        };
        if !(itemprop || rel || boxes::is_byline(&words) || dated_by())
            || boxes::is_not_a_name(&words)
        {
            continue;
        }
        // Microdata is the article's own word, even in a box the class names
        // call a share bar; a class alone is not.
        if page.junk(element) && !itemprop || !page.near(element) {
            continue;
        }
        let named: Vec<String> = element
            .descendent_elements()
            .filter(|d| d.value().attr("itemprop") == Some("name"))
            .map(|n| {
                n.value()
                    .attr("content")
                    .map(decode)
                    .unwrap_or_else(|| dom::text(n))
            })
            .collect();
        let chunks = if !named.is_empty() {
            named
        } else if let Some(content) = value.attr("content").filter(|_| itemprop) {
            vec![decode(content)]
        } else {
            if dom::text(element).chars().count() > 200 {
                continue;
            }
            chunks(element)
        };
        let found = people(chunks.iter().flat_map(|c| names(c)).collect());
        if !found.is_empty() {
            visible.push(found);
        }
    }
    // The byline that names the most people, first on the page.
    let best_visible = visible
        .into_iter()
        .fold(None, |best: Option<Vec<String>>, v| match best {
            Some(b) if b.len() >= v.len() => Some(b),
            _ => Some(v),
        });

    let ld = meta.article().map(|a| {
        people(
            a.authors
                .iter()
                .filter(|p| !p.organization || !is_site(&p.name, site_names, host))
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

    match (best_visible, ld) {
        (Some(v), Some(l))
            if !l.is_empty()
                && v.iter().any(|n| !l.iter().any(|m| squash(m) == squash(n)))
                && l.len() > v.len() =>
        {
            Authors::Page(l)
        }
        (Some(v), _) => Authors::Page(v),
        (None, Some(l)) if !l.is_empty() => Authors::Page(l),
        _ if !tagged.is_empty() => Authors::Tagged(tagged),
        _ => Authors::Unnamed,
    }
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
        let label = piece.ends_with([':', '：']) || lines::is_reviewer(&piece);
        if label && (lines::is_role(&piece) || lines::is_reviewer(&piece)) {
            skip = true;
            continue;
        }
        kept.push(piece);
    }
    kept
}

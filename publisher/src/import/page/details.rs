//! The article's section (its breadcrumb, `articleSection`) and its read
//! count ("3.824 lượt xem").

use std::sync::LazyLock;

use scraper::{ElementRef, Selector};

use super::dom::{elements, sel, tag, text};
use super::Page;
use crate::import::vocabulary::{lines, markup, squash};

/// The section: the breadcrumb's first step below the home page, else the
/// article's `articleSection`.
pub fn category(page: &Page) -> Option<String> {
    let meta = &page.meta;
    static CRUMBS: LazyLock<Selector> = LazyLock::new(|| {
        sel("[class*=breadcrumb] a, [id*=breadcrumb] a, [itemtype*=BreadcrumbList] [itemprop=name], nav[aria-label*=readcrumb] a")
    });
    let home = |name: &str| lines::is_home(&squash(name));
    meta.breadcrumbs
        .iter()
        .find(|b| !home(b))
        .cloned()
        // The page's own trail, looked for only when the markup gives none
        // (its selectors look at every link's ancestors).
        .or_else(|| {
            page.html
                .select(&CRUMBS)
                .map(text)
                .find(|b| !b.is_empty() && !home(b) && b.chars().count() <= 60)
        })
        .or_else(|| meta.first(markup::SECTION_META))
        .or_else(|| meta.article().and_then(|a| a.section.clone()))
        .filter(|c| c.chars().count() <= 200)
}

/// The longest line a view count is read from ("Lượt xem: 3.824").
const MAX_VIEW_LINE: usize = 60;

/// "3.824 lượt xem", "Lượt xem: 3824", or the JSON-LD read count.
pub fn view_count(page: &Page) -> Option<u64> {
    let meta = &page.meta;
    if let Some(n) = meta.article().and_then(|a| a.views) {
        return Some(n);
    }
    let candidate = |e: ElementRef| matches!(tag(e), "span" | "div" | "p" | "li" | "small" | "em");
    elements(page.html, candidate)
        .filter(|e| !page.junk(*e))
        .filter(|e| e.child_elements().count() <= 2)
        // Counted before the text is gathered: the count of characters
        // other than spaces is known for every element (MAX_VIEW_LINE).
        .filter(|e| page.index.get(*e).chars <= MAX_VIEW_LINE)
        .find_map(|e| {
            let t = text(e);
            if t.chars().count() > MAX_VIEW_LINE {
                return None;
            }
            let c = lines::VIEW_COUNT.captures(&t)?;
            let digits: String = c
                .get(1)
                .or_else(|| c.get(2))?
                .as_str()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
}

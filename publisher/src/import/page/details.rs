//! The article's section (its breadcrumb, `articleSection`) and its read
//! count ("3.824 lượt xem").

use std::sync::LazyLock;

use scraper::Selector;

use super::dom::{sel, text};
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
    let visible: Vec<String> = page
        .html
        .select(&CRUMBS)
        .map(text)
        .filter(|t| !t.is_empty())
        .collect();
    meta.breadcrumbs
        .iter()
        .find(|b| !home(b))
        .cloned()
        .or_else(|| {
            visible
                .into_iter()
                .find(|b| !home(b) && b.chars().count() <= 60)
        })
        .or_else(|| meta.first(markup::SECTION_META))
        .or_else(|| meta.article().and_then(|a| a.section.clone()))
        .filter(|c| c.chars().count() <= 200)
}

/// "3.824 lượt xem", "Lượt xem: 3824", or the JSON-LD read count.
pub fn view_count(page: &Page) -> Option<u64> {
    let meta = &page.meta;
    static CANDIDATES: LazyLock<Selector> = LazyLock::new(|| sel("span, div, p, li, small, em"));
    if let Some(n) = meta.article().and_then(|a| a.views) {
        return Some(n);
    }
    page.html
        .select(&CANDIDATES)
        .filter(|e| !page.junk(*e))
        .filter(|e| e.child_elements().count() <= 2)
        .find_map(|e| {
            let t = text(e);
            if t.chars().count() > 60 {
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

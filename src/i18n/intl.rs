//! Dates and numbers in the browser: its own `Intl`, with the objects
//! cached, as building one costs far more than using it.

use std::cell::RefCell;

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::{DateStyle, Lang};
use crate::model::{Day, TimeZone, Timestamp};

// Own bindings with `catch`: a time zone name from the JSON that `Intl`
// does not know throws a RangeError, which must not cross into Rust.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    #[derive(Clone)]
    type DateTimeFormat;
    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = DateTimeFormat)]
    fn new(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_class = DateTimeFormat)]
    fn format(this: &DateTimeFormat, date: &Date) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch, js_class = DateTimeFormat, js_name = formatToParts)]
    fn format_to_parts(this: &DateTimeFormat, date: &Date) -> Result<js_sys::Array, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    #[derive(Clone)]
    type NumberFormat;
    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = NumberFormat)]
    fn new(locale: &str) -> Result<NumberFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_class = NumberFormat, js_name = format)]
    fn format_number(this: &NumberFormat, n: f64) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    #[derive(Clone)]
    type PluralRules;
    #[wasm_bindgen(constructor, catch, js_namespace = Intl, js_class = PluralRules)]
    fn new(locale: &str) -> Result<PluralRules, JsValue>;
    #[wasm_bindgen(method, catch, js_class = PluralRules)]
    fn select(this: &PluralRules, n: f64) -> Result<String, JsValue>;
}

/// Formatters made once and kept: a list, as a widget needs a handful.
type Cache<K, V> = RefCell<Vec<(K, V)>>;

thread_local! {
    static DATES: Cache<(Lang, DateStyle, String), DateTimeFormat> = Default::default();
    static NUMBERS: Cache<Lang, (NumberFormat, PluralRules)> = Default::default();
}

/// The value kept under `key`, made by `make` the first time.
fn cached<K: PartialEq, V: Clone>(
    cache: &'static std::thread::LocalKey<Cache<K, V>>,
    key: K,
    make: impl FnOnce() -> Option<V>,
) -> Option<V> {
    cache.with_borrow_mut(|cache| {
        if let Some((_, value)) = cache.iter().find(|(k, _)| *k == key) {
            return Some(value.clone());
        }
        let value = make()?;
        cache.push((key, value.clone()));
        Some(value)
    })
}

fn options(pairs: &[(&str, &str)], zone: &TimeZone) -> Object {
    let object = Object::new();
    for (key, value) in pairs.iter().chain(&[("timeZone", zone.as_str())]) {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

fn style(lang: Lang, style: DateStyle) -> &'static [(&'static str, &'static str)] {
    match (lang, style) {
        // The date of the long style; `Locale` puts the weekday before it.
        (Lang::Vi, DateStyle::Long) => &[
            ("day", "2-digit"),
            ("month", "2-digit"),
            ("year", "numeric"),
        ],
        (Lang::En, DateStyle::Long) => {
            &[("day", "numeric"), ("month", "long"), ("year", "numeric")]
        }
        (Lang::Vi, DateStyle::Short) => &[
            ("day", "2-digit"),
            ("month", "2-digit"),
            ("year", "numeric"),
        ],
        (Lang::En, DateStyle::Short) => {
            &[("day", "numeric"), ("month", "short"), ("year", "numeric")]
        }
        (Lang::Vi, DateStyle::Time) => &[
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
        ],
        (Lang::En, DateStyle::Time) => &[("hour", "numeric"), ("minute", "2-digit")],
        // Read back as parts (see `iso`): any locale does; digits are Latin in `en`.
        (_, DateStyle::Iso) => &[
            ("year", "numeric"),
            ("month", "2-digit"),
            ("day", "2-digit"),
        ],
    }
}

fn formatter(lang: Lang, date_style: DateStyle, zone: &TimeZone) -> Option<DateTimeFormat> {
    cached(&DATES, (lang, date_style, zone.as_str().to_owned()), || {
        DateTimeFormat::new(lang.tag(), &options(style(lang, date_style), zone)).ok()
    })
}

pub fn date(lang: Lang, at: &Timestamp, zone: &TimeZone, style: DateStyle) -> Option<String> {
    let date = Date::new(&at.as_str().into());
    let format = formatter(lang, style, zone)?;
    match style {
        DateStyle::Iso => iso(&format, &date),
        _ => format.format(&date).ok(),
    }
}

/// `date` as `YYYY-MM-DD`, from the parts `format` gives, whatever order and
/// separators a locale's data put them in (they differ between engines).
fn iso(format: &DateTimeFormat, date: &Date) -> Option<String> {
    let parts = format.format_to_parts(date).ok()?;
    let field = |part: &JsValue, name: &str| Reflect::get(part, &name.into()).ok()?.as_string();
    let part = |kind: &str| {
        parts
            .iter()
            .find(|p| field(p, "type").as_deref() == Some(kind))
            .and_then(|p| field(&p, "value"))
    };
    Some(format!(
        "{}-{}-{}",
        part("year")?,
        part("month")?,
        part("day")?
    ))
}

fn with_numbers<T>(
    lang: Lang,
    f: impl FnOnce(&NumberFormat, &PluralRules) -> Option<T>,
) -> Option<T> {
    let (numbers, plurals) = cached(&NUMBERS, lang, || {
        Some((
            NumberFormat::new(lang.tag()).ok()?,
            PluralRules::new(lang.tag()).ok()?,
        ))
    })?;
    f(&numbers, &plurals)
}

pub fn today(zone: &TimeZone) -> Option<Day> {
    Day::parse(&iso(
        &formatter(Lang::En, DateStyle::Iso, zone)?,
        &Date::new_0(),
    )?)
    .ok()
}

pub fn number(lang: Lang, n: u64) -> Option<String> {
    with_numbers(lang, |numbers, _| numbers.format_number(n as f64).ok())
}

pub fn is_plural_one(lang: Lang, n: u64) -> bool {
    with_numbers(lang, |_, plurals| plurals.select(n as f64).ok()).is_some_and(|c| c == "one")
}

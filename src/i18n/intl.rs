//! Dates and numbers in the browser: its own `Intl`, with the objects
//! cached, as building one costs far more than using it; and, without
//! `Intl`, what it would write where that is known (see `WallClock`).

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
}

/// Formatters made once and kept: a list, as a widget needs a handful.
type Cache<K, V> = RefCell<Vec<(K, V)>>;

thread_local! {
    static DATES: Cache<(Lang, DateStyle, String), DateTimeFormat> = Default::default();
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
    if let Some(clock) = WallClock::of(at, zone) {
        return Some(clock.format(lang, style));
    }
    let date = Date::new(&at.as_str().into());
    let format = formatter(lang, style, zone)?;
    match style {
        DateStyle::Iso => iso(&format, &date),
        _ => format.format(&date).ok(),
    }
}

/// Zones whose offset has not changed since the year given, and that offset
/// as a stamp writes it and in minutes: for them the stamp's own wall clock
/// is the zone's.
const FIXED_ZONES: [(&str, &str, i64, u16); 5] = [
    ("Asia/Ho_Chi_Minh", "+07:00", 420, 1976),
    ("Asia/Saigon", "+07:00", 420, 1976),
    ("Asia/Bangkok", "+07:00", 420, 1921),
    ("UTC", "+00:00", 0, 1900),
    ("Etc/UTC", "+00:00", 0, 1900),
];

/// The date and time a stamp reads in a zone, when the stamp says it
/// without `Intl`: the first `Intl` object of a page costs the render
/// ~110 ms at 4x CPU (ICU's first initialisation, `bench/profile.mjs`).
struct WallClock<'a> {
    year: &'a str,
    month: usize,
    day: &'a str,
    hour: u8,
    minute: &'a str,
}

impl<'a> WallClock<'a> {
    /// `at`'s fields, if its own offset is `zone`'s at that time.
    fn of(at: &'a Timestamp, zone: &TimeZone) -> Option<Self> {
        let s = at.as_str();
        // Timestamp checked the form YYYY-MM-DDThh:mm:ss[.f](Z|+hh:mm).
        let offset = match s.strip_suffix(['Z', 'z']) {
            Some(_) => "+00:00",
            None => s.get(s.len().checked_sub(6)?..)?,
        };
        let year = s.get(..4)?;
        let fixed = FIXED_ZONES.iter().any(|&(name, fixed, _, since)| {
            name == zone.as_str() && fixed == offset && year.parse().is_ok_and(|y: u16| y >= since)
        });
        fixed.then_some(())?;
        Some(WallClock {
            year,
            month: s.get(5..7)?.parse().ok()?,
            day: s.get(8..10)?,
            hour: s.get(11..13)?.parse().ok()?,
            minute: s.get(14..16)?,
        })
    }

    /// What `Intl.DateTimeFormat` writes with `style`'s options (see [`style`]).
    fn format(&self, lang: Lang, style: DateStyle) -> String {
        let WallClock {
            year,
            month,
            day,
            hour,
            minute,
        } = *self;
        let name = lang
            .messages()
            .months
            .get(month.wrapping_sub(1))
            .copied()
            .unwrap_or_default();
        // `day: "numeric"` in English.
        let day_numeric = day.trim_start_matches('0');
        match (lang, style) {
            (_, DateStyle::Iso) => format!("{year}-{month:02}-{day}"),
            (Lang::Vi, DateStyle::Long | DateStyle::Short) => format!("{day}/{month:02}/{year}"),
            (Lang::En, DateStyle::Long) => format!("{name} {day_numeric}, {year}"),
            // English short month names are the long ones' first three letters.
            (Lang::En, DateStyle::Short) => {
                format!("{} {day_numeric}, {year}", name.get(..3).unwrap_or(name))
            }
            (Lang::Vi, DateStyle::Time) => format!("{hour:02}:{minute}"),
            (Lang::En, DateStyle::Time) => {
                let (twelve, half) = (hour % 12, if hour < 12 { "AM" } else { "PM" });
                // `Locale` makes the space a no-break space, as for `Intl`'s.
                format!("{}:{minute} {half}", if twelve == 0 { 12 } else { twelve })
            }
        }
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

pub fn today(zone: &TimeZone) -> Option<Day> {
    if let Some(&(.., offset, _)) = FIXED_ZONES.iter().find(|(name, ..)| *name == zone.as_str()) {
        // `as`: whole minutes of any date a clock shows fit an i64.
        let minutes = (Date::now() / 60_000.0).floor() as i64 + offset;
        // 2020-01-01 is day 18,262 of the epoch; stepping from it costs
        // fewer bytes than a calendar conversion.
        let epoch = Day::parse("2020-01-01").ok()?;
        return Some(epoch.add_days(minutes.div_euclid(24 * 60) - 18_262));
    }
    Day::parse(&iso(
        &formatter(Lang::En, DateStyle::Iso, zone)?,
        &Date::new_0(),
    )?)
    .ok()
}

/// Grouped by thousands as `Intl.NumberFormat` groups in `vi` and `en`,
/// without its first use's cost (see [`WallClock`]).
pub fn number(lang: Lang, n: u64) -> Option<String> {
    let separator = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() * 4 / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    Some(grouped)
}

/// CLDR's plural rules for whole numbers: `one` is 1 in English, and
/// Vietnamese has only `other`.
pub fn is_plural_one(lang: Lang, n: u64) -> bool {
    lang == Lang::En && n == 1
}

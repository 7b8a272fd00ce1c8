//! Dates and numbers outside the browser (the publisher's command-line tool,
//! the native tests): ICU4X with its compiled CLDR data, and jiff with its
//! bundled time zone database for the article's zone. Each style is the one
//! that reads as the browser's `Intl` does with the options in `intl.rs`.

use icu::datetime::fieldsets::{self, enums::DateFieldSet};
use icu::datetime::input::{Date, Time};
use icu::datetime::{DateTimeFormatter, NoCalendarFormatter};
use icu::decimal::input::Decimal;
use icu::decimal::DecimalFormatter;
use icu::locale::locale;
use icu::plurals::{PluralCategory, PluralRuleType, PluralRules};

use super::{DateStyle, Lang};
use crate::model::{Day, TimeZone, Timestamp};

fn locale(lang: Lang) -> icu::locale::Locale {
    match lang {
        Lang::Vi => locale!("vi"),
        Lang::En => locale!("en"),
    }
}

/// `at` as a date and a time of day in `zone`.
fn local(at: &Timestamp, zone: &TimeZone) -> Option<jiff::Zoned> {
    let at: jiff::Timestamp = at.as_str().parse().ok()?;
    Some(at.to_zoned(jiff::tz::TimeZone::get(zone.as_str()).ok()?))
}

pub fn date(lang: Lang, at: &Timestamp, zone: &TimeZone, style: DateStyle) -> Option<String> {
    let at = local(at, zone)?;
    let date = Date::try_new_iso(
        at.year().into(),
        at.month().try_into().ok()?,
        at.day().try_into().ok()?,
    )
    .ok()?;
    let prefs = locale(lang).into();
    let fields = match (lang, style) {
        // The date of the long style; `Locale` puts the weekday before it.
        (Lang::Vi, DateStyle::Long | DateStyle::Short) => {
            DateFieldSet::YMD(fieldsets::YMD::short())
        }
        (Lang::En, DateStyle::Long) => DateFieldSet::YMD(fieldsets::YMD::long()),
        (Lang::En, DateStyle::Short) => DateFieldSet::YMD(fieldsets::YMD::medium()),
        (_, DateStyle::Time) => {
            let time = Time::try_new(
                at.hour().try_into().ok()?,
                at.minute().try_into().ok()?,
                0,
                0,
            )
            .ok()?;
            let formatter = NoCalendarFormatter::try_new(prefs, fieldsets::T::hm()).ok()?;
            return Some(formatter.format(&time).to_string());
        }
        (_, DateStyle::Iso) => return Some(at.date().to_string()),
    };
    let formatter = DateTimeFormatter::try_new(prefs, fields).ok()?;
    Some(formatter.format(&date).to_string())
}

pub fn today(zone: &TimeZone) -> Option<Day> {
    let zone = jiff::tz::TimeZone::get(zone.as_str()).ok()?;
    Day::parse(&jiff::Timestamp::now().to_zoned(zone).date().to_string()).ok()
}

pub fn number(lang: Lang, n: u64) -> Option<String> {
    let formatter = DecimalFormatter::try_new(locale(lang).into(), Default::default()).ok()?;
    Some(formatter.format(&Decimal::from(n)).to_string())
}

pub fn is_plural_one(lang: Lang, n: u64) -> bool {
    PluralRules::try_new(locale(lang).into(), PluralRuleType::Cardinal.into())
        .is_ok_and(|rules| rules.category_for(n) == PluralCategory::One)
}

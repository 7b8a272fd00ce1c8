//! In a real browser (headless Chromium via wasm-bindgen-test): the `Intl`
//! formatting, URL resolution, and the mounted app showing errors and
//! telling its host element.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use news_widget::i18n::{DateStyle, Lang, Locale};
use news_widget::model::{resolve, SafeUrl, TimeZone, Timestamp};
use news_widget::mount;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element};

mod common;

use common::{host, until};

wasm_bindgen_test_configure!(run_in_browser);

fn at(stamp: &str) -> Timestamp {
    Timestamp::try_from(stamp.to_owned()).expect("valid stamp")
}

#[wasm_bindgen_test]
fn vietnamese_dates_and_numbers_come_from_intl() {
    let locale = Locale::new(Lang::Vi);
    let (seed, zone) = (at("2022-01-20T19:35:08+07:00"), TimeZone::default());
    assert_eq!(locale.date_time(&seed, &zone), "Thứ 5, 20/01/2022 | 19:35");
    assert_eq!(locale.date(&seed, &zone, DateStyle::Short), "20/01/2022");
    assert_eq!(
        locale.count(3824, &Lang::Vi.messages().views),
        "3.824 lượt xem"
    );
}

#[wasm_bindgen_test]
fn english_dates_numbers_and_plurals_come_from_intl() {
    let locale = Locale::new(Lang::En);
    let (seed, zone) = (at("2022-01-20T19:35:08+07:00"), TimeZone::default());
    assert_eq!(
        locale.date_time(&seed, &zone),
        "Thursday, January 20, 2022, 7:35\u{a0}PM"
    );
    assert_eq!(
        locale.count(3824, &Lang::En.messages().views),
        "3,824 views"
    );
    assert_eq!(locale.count(1, &Lang::En.messages().views), "1 view");
}

/// What the browser's own `Intl.DateTimeFormat` writes for `stamp` in `zone`.
fn intl(lang: Lang, options: &[(&str, &str)], zone: &str, stamp: &str) -> String {
    let object = js_sys::Object::new();
    for (key, value) in options.iter().chain(&[("timeZone", zone)]) {
        js_sys::Reflect::set(&object, &(*key).into(), &(*value).into()).expect("set");
    }
    let locales = js_sys::Array::of1(&lang.tag().into());
    let format = js_sys::Intl::DateTimeFormat::new(&locales, &object).format();
    let date = js_sys::Date::new(&stamp.into());
    format
        .call1(&JsValue::NULL, &date)
        .expect("format")
        .as_string()
        .expect("string")
}

#[wasm_bindgen_test]
fn dates_formatted_without_intl_read_as_intl_writes_them() {
    // Every month, the hours around midnight and noon, one- and two-digit days.
    let stamps = (1..=12).flat_map(|month| {
        ["00:05", "09:30", "11:59", "12:00", "13:07", "23:59"]
            .into_iter()
            .zip(["01", "09", "10", "28", "05", "20"])
            .flat_map(move |(time, day)| {
                [
                    format!("2022-{month:02}-{day}T{time}:08+07:00"),
                    format!("1999-{month:02}-{day}T{time}:00.5Z"),
                ]
            })
    });
    for stamp in stamps {
        let (zone, at) = match stamp.ends_with('Z') {
            true => ("UTC", at(&stamp)),
            false => ("Asia/Ho_Chi_Minh", at(&stamp)),
        };
        let tz = TimeZone::try_from(zone.to_owned()).expect("zone");
        for (lang, short, time) in [
            (
                Lang::Vi,
                &[
                    ("day", "2-digit"),
                    ("month", "2-digit"),
                    ("year", "numeric"),
                ][..],
                &[
                    ("hour", "2-digit"),
                    ("minute", "2-digit"),
                    ("hourCycle", "h23"),
                ][..],
            ),
            (
                Lang::En,
                &[("day", "numeric"), ("month", "short"), ("year", "numeric")],
                &[("hour", "numeric"), ("minute", "2-digit")],
            ),
        ] {
            let locale = Locale::new(lang);
            assert_eq!(
                locale.date(&at, &tz, DateStyle::Short),
                intl(lang, short, zone, &stamp)
            );
            let expected = intl(lang, time, zone, &stamp).replace(['\u{202f}', ' '], "\u{a0}");
            assert_eq!(locale.date(&at, &tz, DateStyle::Time), expected, "{stamp}");
        }
        let long = intl(
            Lang::En,
            &[("day", "numeric"), ("month", "long"), ("year", "numeric")],
            zone,
            &stamp,
        );
        let weekday = at
            .day()
            .map(|d| Lang::En.messages().weekdays[d.weekday()])
            .expect("day");
        assert_eq!(
            Locale::new(Lang::En).date(&at, &tz, DateStyle::Long),
            format!("{weekday}, {long}")
        );
    }
    for zone in ["Asia/Ho_Chi_Minh", "UTC"] {
        let options = [
            ("year", "numeric"),
            ("month", "2-digit"),
            ("day", "2-digit"),
        ];
        let now = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .expect("iso");
        // en: "MM/DD/YYYY".
        let us = intl(Lang::En, &options, zone, &now);
        let (month, rest) = us.split_once('/').expect("month");
        let (day, year) = rest.split_once('/').expect("day");
        let today = Locale::today(&TimeZone::try_from(zone.to_owned()).expect("zone"));
        assert_eq!(
            today.map(|d| d.to_string()),
            Some(format!("{year}-{month}-{day}"))
        );
    }
    for n in [
        0,
        1,
        7,
        999,
        1000,
        3824,
        12_345,
        999_999,
        1_000_000,
        1_234_567_890,
    ] {
        for lang in Lang::ALL {
            let expected = js_sys::Intl::NumberFormat::new(
                &js_sys::Array::of1(&lang.tag().into()),
                &js_sys::Object::new(),
            )
            .format()
            .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
            .expect("format")
            .as_string()
            .expect("string");
            assert_eq!(Locale::new(lang).number(n), expected);
        }
    }
}

#[wasm_bindgen_test]
fn dates_are_shown_in_the_article_time_zone() {
    let locale = Locale::new(Lang::Vi);
    let utc = at("2022-01-20T12:35:08Z");
    assert_eq!(
        locale.date(&utc, &TimeZone::default(), DateStyle::Time),
        "19:35"
    );
    let paris = TimeZone::try_from("Europe/Paris".to_owned()).expect("zone");
    assert_eq!(locale.date(&utc, &paris, DateStyle::Time), "13:35");
}

#[wasm_bindgen_test]
fn an_unknown_time_zone_falls_back_instead_of_throwing() {
    let bogus = TimeZone::try_from("Mars/Olympus_Mons".to_owned()).expect("plausible name");
    let stamp = at("2022-01-20T19:35:08+07:00");
    assert_eq!(
        Locale::new(Lang::Vi).date(&stamp, &bogus, DateStyle::Long),
        stamp.as_str()
    );
}

#[wasm_bindgen_test]
fn relative_urls_resolve_and_unsafe_results_are_refused() {
    let base = "https://news.example/a/articles/20122.json";
    assert_eq!(
        resolve("../media/x.jpg", base)
            .as_ref()
            .map(SafeUrl::as_str),
        Some("https://news.example/a/media/x.jpg")
    );
    assert_eq!(resolve("javascript:alert(1)", base), None);
    assert_eq!(resolve("data:text/html,x", base), None);
}

/// Collects the details of `name` events on `host`.
fn events(host: &Element, name: &str) -> Rc<RefCell<Vec<JsValue>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&seen);
    let listener = Closure::<dyn FnMut(CustomEvent)>::new(move |e: CustomEvent| {
        sink.borrow_mut().push(e.detail())
    });
    host.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
        .expect("listen");
    listener.forget();
    seen
}

fn field(detail: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(detail, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_missing_src_shows_an_alert_and_tells_the_host() {
    let (element, root) = host(&[("lang", "en")]);
    let errors = events(&element, "news-article:error");
    let mut widget = mount(
        element.clone(),
        root.clone(),
        js_sys::Function::new_no_args(""),
        "test".into(),
        None,
    );
    until("the error event", || !errors.borrow().is_empty()).await;
    let alert = root
        .query_selector("[role=alert]")
        .expect("query")
        .expect("an alert is shown");
    assert_eq!(alert.get_attribute("data-code").as_deref(), Some("config"));
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("not set up correctly"));
    let detail = errors.borrow().first().cloned().expect("one error event");
    assert_eq!(field(&detail, "code"), "config");
    assert!(field(&detail, "message").contains("\"src\" is required"));
    widget.unmount();
    // Once Yew has done what the unmount asked for, the widget's DOM is gone.
    yew::scheduler::flush().await;
    assert_eq!(
        root.child_element_count(),
        0,
        "unmount removes the widget's DOM"
    );
    element.remove();
}

#[wasm_bindgen_test]
async fn an_unreachable_server_shows_retry_not_an_endless_spinner() {
    // Port 9 (discard) refuses connections on loopback.
    let (element, root) = host(&[("src", "http://127.0.0.1:9/article.json")]);
    let errors = events(&element, "news-article:error");
    let mut widget = mount(
        element.clone(),
        root.clone(),
        js_sys::Function::new_no_args(""),
        "test".into(),
        None,
    );
    until("an error event", || !errors.borrow().is_empty()).await;
    let detail = errors
        .borrow()
        .first()
        .cloned()
        .expect("an error event within 5 s");
    assert_eq!(field(&detail, "code"), "network");
    assert!(
        root.query_selector(".nw-skeleton, [aria-busy=true]")
            .expect("query")
            .is_none(),
        "the skeleton is gone"
    );
    let retry = root
        .query_selector("button.nw-retry")
        .expect("query")
        .expect("a retry button");
    assert_eq!(retry.text_content().as_deref(), Some("Thử lại"));
    widget.unmount();
    element.remove();
}

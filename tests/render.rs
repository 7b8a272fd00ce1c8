//! Every component rendered natively through Yew SSR, checking what a reader
//! would find in the markup. Dates and numbers come from ICU4X here, as in
//! the publisher's pre-rendered snippets.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use news_widget::components::{
    ArticleView, Calendar, Card, DateBrowser, ErrorNotice, HistoryNav, Skeleton,
};
use news_widget::error::Error;
use news_widget::i18n::{Lang, Locale};
use news_widget::model::{Article, DateIndex, Day, Document, TimeZone};
use news_widget::state::Load;
use yew::prelude::*;
use yew::LocalServerRenderer;

fn seed() -> Rc<Article> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/site/articles/20122.json");
    let bytes = std::fs::read(path).expect("seed file");
    Rc::new(Article::parse(&bytes).expect("seed parses"))
}

#[derive(Properties, PartialEq)]
struct InLocale {
    lang: Lang,
    children: Html,
}

#[component]
fn WithLocale(props: &InLocale) -> Html {
    html! {
        <ContextProvider<Locale> context={Locale::new(props.lang)}>{ props.children.clone() }</ContextProvider<Locale>>
    }
}

async fn render(lang: Lang, content: Html) -> String {
    LocalServerRenderer::<WithLocale>::with_props(InLocale {
        lang,
        children: content,
    })
    .hydratable(false)
    .render()
    .await
}

async fn article(lang: Lang, article: Rc<Article>) -> String {
    render(
        lang,
        html! { <ArticleView {article} onselect={Callback::noop()} /> },
    )
    .await
}

fn position(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the rendered article"))
}

#[tokio::test]
async fn the_seed_renders_everything_in_reading_order() {
    let html = article(Lang::Vi, seed()).await;
    let order = [
        "Thời sự - Chính trị",
        "class=\"nw-headline\"",
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh",
        "<time datetime=\"2022-01-20T19:35:08+07:00\" class=\"nw-published\"",
        "lượt xem",
        "Chiều ngày 20/1, Ban Chấp hành Đảng bộ tỉnh",
        "Đồng chí Ngô Đông Hải, Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy phát biểu tại hội nghị.",
        "<video",
        "Đồng chí Nguyễn Tiến Thành",
        "Năm 2021, các cấp ủy",
        "Tại hội nghị, Ban Chấp hành Đảng bộ tỉnh đã biểu quyết",
        "Tác giả: ",
        "Đào Quyên",
        "Ảnh: Thành Tâm",
        "Tin cùng chuyên mục",
    ];
    let positions: Vec<usize> = order.iter().map(|needle| position(&html, needle)).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "reading order: {positions:?}"
    );
    assert!(html.contains("3.824 lượt xem"), "view count with its label");
    assert!(
        html.contains(">Thứ 5, 20/01/2022 | 19:35</time>"),
        "the dateline as the original portal writes it"
    );
}

#[tokio::test]
async fn photos_are_sized_lazy_and_described() {
    let html = article(Lang::Vi, seed()).await;
    assert_eq!(
        html.matches(r#"<figure part="figure" class="nw-figure">"#)
            .count(),
        3
    );
    assert!(html.contains(r#"alt="Đồng chí Ngô Đông Hải phát biểu tại hội nghị (ảnh mẫu)""#));
    assert!(html.contains(r#"width="960" height="640" loading="lazy""#));
    assert_eq!(
        html.matches("<figcaption>").count(),
        4,
        "three photos and the video"
    );
}

#[tokio::test]
async fn the_video_is_a_native_player_with_sources_tracks_and_fallback() {
    let html = article(Lang::Vi, seed()).await;
    let start = position(&html, "<video");
    let end = position(&html, "</video>");
    let video = &html[start..end];
    assert!(video.contains(r#"controls="controls""#));
    assert!(video.contains(r#"preload="metadata""#));
    assert!(video.contains(r#"poster="../media/20122-poster.jpg""#));
    assert!(video.contains(r#"<source src="../media/20122.webm" type="video/webm">"#));
    assert!(video.contains(r#"<source src="../media/20122.mp4" type="video/mp4">"#));
    assert!(
        video.contains(r#"kind="captions" srclang="vi" label="Tiếng Việt" default="default""#),
        "vi captions on in vi"
    );
    assert!(!video.contains(r#"label="English" default"#));
    assert!(video.contains("Trình duyệt của bạn không phát được video này."));
    assert!(video.contains(r#"<a href="../media/20122.webm" download="">Tải video về</a>"#));
    let after = &html[end..];
    assert!(
        after.contains("<summary>Nội dung video</summary>"),
        "the transcript, labelled"
    );
    assert!(after.contains("Hội nghị Ban Chấp hành Đảng bộ tỉnh.<br>(Video mẫu"));
}

#[tokio::test]
async fn english_interface_words_and_default_track() {
    let html = article(Lang::En, seed()).await;
    assert!(html.contains("3,824 views"));
    assert!(html.contains(">Thursday, January 20, 2022, 7:35\u{a0}PM</time>"));
    assert!(
        html.contains(">Jan 21, 2022</time>"),
        "related items' dates"
    );
    assert!(html.contains("By: "));
    assert!(html.contains("Photo: Thành Tâm"));
    assert!(html.contains("Related news"));
    assert!(html.contains(r#"srclang="en" label="English" default="default""#));
    assert!(html.contains("Your browser cannot play this video."));
    assert!(
        html.contains(r#"<article part="article" lang="vi" class="nw-article">"#),
        "content keeps its own language"
    );
}

#[tokio::test]
async fn related_items_are_real_links_with_date_and_thumbnail() {
    let html = article(Lang::Vi, seed()).await;
    let related = &html[position(&html, "class=\"nw-related\"")..];
    assert_eq!(related.matches("<li class=\"nw-summary\">").count(), 6);
    assert!(related.contains(r#"<a href="https://news.example/tin-tuc/20125">"#));
    assert!(
        related.contains(r#"<img src="../media/20125-thumb.jpg" alt="" width="240" height="160""#)
    );
    assert!(related.contains("Tỉnh ủy gặp mặt cán bộ lão thành nhân dịp Tết Nguyên đán Nhâm Dần"));
    assert!(related.contains(r#"<time datetime="2022-01-21T14:00:00+07:00">"#));
}

#[tokio::test]
async fn rich_text_renders_only_allowed_elements() {
    let mut seed = (*seed()).clone();
    let json = serde_json::json!([
        "line one\nline two ",
        {"em": ["soft"]},
        {"strong": ["<script>alert(1)</script>"]},
        {"link": {"href": "https://a.example/x", "text": ["out"]}},
        {"link": {"href": "mailto:desk@a.example", "text": ["mail"]}}
    ]);
    seed.lead = serde_json::from_value(json).expect("rich text");
    let html = article(Lang::Vi, Rc::new(seed)).await;
    assert!(html.contains(
        "line one<br>line two <em>soft</em><strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>"
    ));
    assert!(html.contains(
        r#"<a href="https://a.example/x" target="_blank" rel="noopener noreferrer">out</a>"#
    ));
    assert!(html.contains(r#"<a href="mailto:desk@a.example">mail</a>"#));
    assert!(!html.contains("<script>"));
}

#[tokio::test]
async fn the_skeleton_announces_loading() {
    let html = render(Lang::En, html! { <Skeleton /> }).await;
    assert!(html.contains(r#"role="status""#));
    assert!(html.contains("Loading the article…"));
}

#[tokio::test]
async fn errors_show_a_readable_alert_and_retry_only_when_useful() {
    let offline = Error::Network {
        url: "https://a.example/x.json".into(),
        reason: "Failed to fetch".into(),
    };
    let onretry = Some(Callback::noop());
    let html = render(
        Lang::Vi,
        html! { <ErrorNotice error={offline} {onretry} onback={Some(Callback::noop())} /> },
    )
    .await;
    assert!(html.contains(r#"role="alert""#));
    assert!(html.contains(r#"data-code="network""#));
    assert!(html.contains("Không tải được bài viết. Vui lòng thử lại sau."));
    assert!(html.contains("Thử lại</button>"));
    assert!(
        html.contains("Quay lại</button>"),
        "a way back after a failed move"
    );
    assert!(
        !html.contains("Failed to fetch"),
        "the technical detail goes to the event, not the reader"
    );

    let broken = Error::Invalid {
        path: "body[1].video.width".into(),
        reason: "invalid type".into(),
    };
    let html = render(Lang::En, html! { <ErrorNotice error={broken} /> }).await;
    assert!(html.contains("The article data is broken and cannot be shown."));
    assert!(!html.contains("<button"));
}

#[tokio::test]
async fn a_stale_article_is_dimmed_and_marked_busy() {
    let html = render(
        Lang::Vi,
        html! { <ArticleView article={seed()} stale=true onselect={Callback::noop()} /> },
    )
    .await;
    assert!(
        html.contains(r#"aria-busy="true" class="nw-content nw-stale""#),
        "{}",
        &html[..200]
    );
}

#[tokio::test]
async fn history_buttons_show_once_the_reader_moved() {
    let none = render(Lang::Vi, html! {
        <HistoryNav can_back=false can_forward=false onback={Callback::noop()} onforward={Callback::noop()} />
    })
    .await;
    assert!(!none.contains("<button"));
    let back = render(Lang::En, html! {
        <HistoryNav can_back=true can_forward=false onback={Callback::noop()} onforward={Callback::noop()} />
    })
    .await;
    assert!(back.contains("← Back</button>"));
    assert!(
        back.contains(r#"<button type="button" disabled="disabled" class="nw-forward">"#),
        "{back}"
    );
}

fn day(s: &str) -> Day {
    Day::parse(s).expect("day")
}

async fn dates(list: Load<Rc<DateIndex>>, today: Option<Day>) -> String {
    render(
        Lang::Vi,
        html! {
            <DateBrowser day={day("2022-01-20")} {today} {list} onday={Callback::noop()}
                         onselect={Callback::noop()} onprefetch={Callback::noop()} />
        },
    )
    .await
}

#[tokio::test]
async fn the_date_browser_offers_a_picker_and_the_days_around() {
    let html = dates(Load::Idle, Some(day("2026-11-25"))).await;
    assert!(html.contains("Xem tin theo ngày"));
    assert!(
        html.contains(r#"aria-haspopup="dialog" aria-expanded="false""#),
        "{html}"
    );
    assert!(
        html.contains(r#"<time datetime="2022-01-20">Thứ 5, 20/01/2022</time>"#),
        "the chosen day in the widget's language: {html}"
    );
    assert!(!html.contains("<input"), "no browser-language date input");
    assert!(
        !html.contains("nw-calendar"),
        "the calendar opens on demand"
    );
    assert!(html.contains(r#"aria-label="Ngày trước""#));
    assert!(!html.contains("<ul"), "no list before a day is chosen");
}

#[tokio::test]
async fn no_day_after_today_can_be_chosen() {
    let html = dates(Load::Idle, Some(day("2022-01-20"))).await;
    let next = &html[position(&html, r#"aria-label="Ngày sau""#)..];
    let tag = &next[..next.find('>').unwrap_or(next.len())];
    assert!(tag.contains("disabled"), "{tag}");
}

#[tokio::test]
async fn a_day_lists_its_articles_or_says_it_has_none() {
    let empty = DateIndex {
        date: day("2022-01-16"),
        time_zone: TimeZone::default(),
        items: Vec::new(),
    };
    let html = dates(Load::Ready(Rc::new(empty)), None).await;
    assert!(html.contains("Không có tin nào trong ngày này"));

    let items = seed().related.to_vec();
    let index = DateIndex {
        date: day("2022-01-19"),
        time_zone: TimeZone::default(),
        items,
    };
    let html = dates(Load::Ready(Rc::new(index)), None).await;
    assert_eq!(html.matches(r#"<li class="nw-summary">"#).count(), 6);
    assert!(html.contains("Ban Thường vụ Tỉnh ủy cho ý kiến về công tác cán bộ"));
}

#[tokio::test]
async fn the_calendar_is_a_month_grid_in_the_widgets_language() {
    let html = render(
        Lang::Vi,
        html! {
            <Calendar chosen={day("2022-01-15")} today={Some(day("2022-01-20"))}
                      onchoose={Callback::noop()} onclose={Callback::noop()} />
        },
    )
    .await;
    assert!(
        html.contains(r#"role="dialog" aria-label="Chọn ngày""#),
        "{html}"
    );
    assert!(html.contains(">Tháng 1, 2022</h4>"));
    assert!(html.contains(r#"<th scope="col" abbr="Thứ 2">T2</th>"#));
    assert_eq!(
        html.matches("data-day=").count(),
        31,
        "every day of January"
    );
    // 2022-01-01 is a Saturday: five empty cells before it, Monday first.
    let first_row =
        &html[position(&html, "<tbody><tr>")..position(&html, r#"data-day="2022-01-01""#)];
    assert_eq!(first_row.matches("<td></td>").count(), 5);
    assert!(
        html.contains(
            r#"<td aria-selected="true"><button type="button" data-day="2022-01-15" tabindex="0""#
        ),
        "{html}"
    );
    assert!(html.contains(r#"<span aria-hidden="true">15</span><span class="nw-visually-hidden">Thứ 7, 15/01/2022, đang chọn</span>"#));
    assert!(html.contains(
        r#"<span aria-hidden="true">14</span><span class="nw-visually-hidden">Thứ 6, 14/01/2022</span>"#
    ));
    assert_eq!(
        html.matches("<tr>").count(),
        1 + 6,
        "the weekday row, and six full weeks"
    );
    assert_eq!(
        html.matches("<td></td>").count(),
        5 + 6,
        "empty cells before the 1st and after the 31st"
    );
    assert_eq!(
        html.matches(r#"tabindex="0""#).count(),
        1,
        "one day in the tab order"
    );
    assert_eq!(
        html.matches(r#"disabled="disabled""#).count(),
        11 + 1,
        "the 21st to the 31st, and next month"
    );
}

#[tokio::test]
async fn the_card_shows_the_head_of_the_article_and_one_link_to_the_whole() {
    let mut linked = (*seed()).clone();
    let mut category = linked.category.clone().expect("a category");
    category.url = serde_json::from_str("\"https://news.example/thoi-su\"").ok();
    linked.category = Some(category);
    let href = "https://news.example/embed/share/20122.en.html";
    let html = render(
        Lang::En,
        html! { <Card lang={Lang::En} article={Rc::new(linked)} href={href} /> },
    )
    .await;
    let order = [
        r#"<img src="../media/20122-1.jpg""#,
        r#"<span part="category" class="nw-category">Thời sự - Chính trị</span>"#,
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh",
        "Thursday, January 20, 2022, 7:35",
        "3,824 views",
        "Chiều ngày 20/1",
        r#"<a href="https://news.example/embed/share/20122.en.html" target="_top" class="nw-card-link">Read the whole article</a>"#,
    ];
    let positions: Vec<usize> = order.iter().map(|needle| position(&html, needle)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{html}");
    assert_eq!(html.matches("<a ").count(), 1, "the one link: {html}");
    assert_eq!(html.matches("<img").count(), 1, "the first photo only");
    assert!(!html.contains("<video"));
}

/// The seed with a body of `blocks` blocks (its paragraphs and photos over
/// and over), the last a paragraph saying `last`.
fn long(blocks: usize, last: &str) -> Rc<Article> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/site/articles/20122.json");
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).expect("seed file")).expect("seed JSON");
    let pool: Vec<serde_json::Value> = json["body"]
        .as_array()
        .expect("a body")
        .iter()
        .filter(|block| block.get("video").is_none())
        .cloned()
        .collect();
    let mut body: Vec<serde_json::Value> = pool.iter().cycle().take(blocks - 1).cloned().collect();
    body.push(serde_json::json!({ "paragraph": { "text": [last] } }));
    json["body"] = serde_json::Value::Array(body);
    let bytes = serde_json::to_vec(&json).expect("JSON");
    Rc::new(Article::parse(&bytes).expect("the long article parses"))
}

#[tokio::test]
async fn a_long_article_renders_every_block_in_ssr() {
    // The live widget renders a long body in parts, after effects that SSR
    // never runs: a snippet must hold the whole body at once.
    let article = long(300, "The last block of the long article");
    let photos = article
        .body
        .iter()
        .filter(|block| matches!(block, news_widget::model::Block::Image(_)))
        .count();
    let html = LocalServerRenderer::<news_widget::components::Prerendered>::with_props(
        news_widget::components::PrerenderedProps {
            lang: Lang::Vi,
            src: "https://news.example/articles/20122.json".into(),
            article,
            dates: false,
        },
    )
    .hydratable(false)
    .render()
    .await;
    assert_eq!(
        html.matches(r#"<figure part="figure" class="nw-figure">"#)
            .count(),
        photos,
        "every photo of the body"
    );
    let order = [
        "The last block of the long article",
        "Tác giả: ",
        "Tin cùng chuyên mục",
    ];
    let positions: Vec<usize> = order.iter().map(|needle| position(&html, needle)).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "the last block, then the credits and related news: {positions:?}"
    );
}

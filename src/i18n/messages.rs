//! The message catalogues, one per language.

use crate::error::Error;

/// One language's words. `{n}` in a template is replaced by a formatted number.
#[derive(Debug, PartialEq)]
pub struct Messages {
    /// View count, singular and plural (plural rules from `Intl.PluralRules`).
    pub views: Plural,
    /// Joins the date and the time of the dateline.
    pub date_time_separator: &'static str,
    /// The days of the week, Monday first, as the dateline names them.
    pub weekdays: [&'static str; 7],
    /// The same, short, for the calendar's columns.
    pub weekdays_short: [&'static str; 7],
    /// The months, January first, as the calendar names them.
    pub months: [&'static str; 12],
    /// A month of a year: `{month}` and `{year}`.
    pub month_year: &'static str,
    /// Before the byline's names.
    pub author: &'static str,
    /// Before the photographers' names.
    pub photo: &'static str,
    /// Heading of the related-news list.
    pub related: &'static str,
    /// Announced and shown while an article loads.
    pub loading: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// Shown inside `<video>` by browsers that cannot play it.
    pub video_unsupported: &'static str,
    /// The download link of that fallback.
    pub video_download: &'static str,
    /// Heading of the video transcript.
    pub transcript: &'static str,
    /// Back to the previous article in the widget.
    pub back: &'static str,
    /// Forward again.
    pub forward: &'static str,
    /// Heading of the date browser.
    pub browse_by_date: &'static str,
    /// The previous-day button.
    pub previous_day: &'static str,
    /// The next-day button.
    pub next_day: &'static str,
    /// The calendar, and what the chosen-day button opens.
    pub choose_day: &'static str,
    /// The calendar's previous-month button.
    pub previous_month: &'static str,
    /// The calendar's next-month button.
    pub next_month: &'static str,
    /// Said of the chosen day in the calendar.
    pub selected: &'static str,
    /// A day without articles.
    pub no_news_on_day: &'static str,
    /// The widget itself failed (shown by the loader).
    pub crashed: &'static str,
    /// Error messages, by error code.
    pub errors: ErrorMessages,
}

/// A message that depends on a count.
#[derive(Debug, PartialEq)]
pub struct Plural {
    /// For the `one` plural category.
    pub one: &'static str,
    /// For every other category.
    pub other: &'static str,
}

/// What the reader is told for each kind of [`Error`].
#[derive(Debug, PartialEq)]
pub struct ErrorMessages {
    /// The article does not exist.
    pub not_found: &'static str,
    /// Network or server trouble.
    pub unavailable: &'static str,
    /// The server did not answer in time.
    pub timeout: &'static str,
    /// The data is broken or too large.
    pub invalid: &'static str,
    /// The embed is set up wrong.
    pub config: &'static str,
}

impl Messages {
    /// The reader-facing message for `error`.
    pub fn error(&self, error: &Error) -> &'static str {
        let e = &self.errors;
        match error {
            Error::NotFound { .. } => e.not_found,
            Error::Network { .. } | Error::Http { .. } => e.unavailable,
            Error::Timeout { .. } => e.timeout,
            Error::Invalid { .. } | Error::TooLarge { .. } => e.invalid,
            Error::Config(_) => e.config,
        }
    }
}

pub(super) const VI: Messages = Messages {
    views: Plural {
        one: "{n} lượt xem",
        other: "{n} lượt xem",
    },
    date_time_separator: " | ",
    // The original portal's style: "Thứ 5, 20/01/2022".
    weekdays: [
        "Thứ 2",
        "Thứ 3",
        "Thứ 4",
        "Thứ 5",
        "Thứ 6",
        "Thứ 7",
        "Chủ nhật",
    ],
    weekdays_short: ["T2", "T3", "T4", "T5", "T6", "T7", "CN"],
    months: [
        "Tháng 1",
        "Tháng 2",
        "Tháng 3",
        "Tháng 4",
        "Tháng 5",
        "Tháng 6",
        "Tháng 7",
        "Tháng 8",
        "Tháng 9",
        "Tháng 10",
        "Tháng 11",
        "Tháng 12",
    ],
    month_year: "{month}, {year}",
    author: "Tác giả",
    photo: "Ảnh",
    related: "Tin cùng chuyên mục",
    loading: "Đang tải bài viết…",
    retry: "Thử lại",
    video_unsupported: "Trình duyệt của bạn không phát được video này.",
    video_download: "Tải video về",
    transcript: "Nội dung video",
    back: "Quay lại",
    forward: "Tiếp theo",
    browse_by_date: "Xem tin theo ngày",
    previous_day: "Ngày trước",
    next_day: "Ngày sau",
    choose_day: "Chọn ngày",
    previous_month: "Tháng trước",
    next_month: "Tháng sau",
    selected: "đang chọn",
    no_news_on_day: "Không có tin nào trong ngày này",
    crashed: "Đã xảy ra lỗi khi hiển thị bài viết.",
    errors: ErrorMessages {
        not_found: "Không tìm thấy bài viết này.",
        unavailable: "Không tải được bài viết. Vui lòng thử lại sau.",
        timeout: "Máy chủ không phản hồi. Vui lòng thử lại.",
        invalid: "Dữ liệu bài viết bị lỗi, không thể hiển thị.",
        config: "Tiện ích tin tức chưa được cấu hình đúng.",
    },
};

pub(super) const EN: Messages = Messages {
    views: Plural {
        one: "{n} view",
        other: "{n} views",
    },
    date_time_separator: ", ",
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    weekdays_short: ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    month_year: "{month} {year}",
    author: "By",
    photo: "Photo",
    related: "Related news",
    loading: "Loading the article…",
    retry: "Try again",
    video_unsupported: "Your browser cannot play this video.",
    video_download: "Download the video",
    transcript: "Video transcript",
    back: "Back",
    forward: "Forward",
    browse_by_date: "Browse news by date",
    previous_day: "Previous day",
    next_day: "Next day",
    choose_day: "Choose a day",
    previous_month: "Previous month",
    next_month: "Next month",
    selected: "selected",
    no_news_on_day: "No news on this day",
    crashed: "Something went wrong while showing the article.",
    errors: ErrorMessages {
        not_found: "This article could not be found.",
        unavailable: "The article could not be loaded. Please try again later.",
        timeout: "The server did not answer. Please try again.",
        invalid: "The article data is broken and cannot be shown.",
        config: "This news widget is not set up correctly.",
    },
};

/// The words of the pages `news-widget build` writes around the widget (the
/// card of an oEmbed frame, the share page): apart from [`Messages`], so the
/// widget's module, which never shows them, does not carry them.
#[derive(Debug, PartialEq)]
pub struct PageMessages {
    /// The card's link to the whole article.
    pub read_whole: &'static str,
    /// The share page's link to the embed-code page.
    pub embed_this: &'static str,
}

pub(super) const VI_PAGES: PageMessages = PageMessages {
    read_whole: "Đọc toàn bài",
    embed_this: "Nhúng bài này vào trang của bạn",
};

pub(super) const EN_PAGES: PageMessages = PageMessages {
    read_whole: "Read the whole article",
    embed_this: "Embed this article on your site",
};

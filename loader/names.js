// Generated from the Rust side by `make names` (src/bin/names.rs): do not edit.
// The names the loader and the frame pages' script share with the module, each written once, in Rust.

// The events on <news-article> (src/embed/host.rs, `Event`).
export const EVENT_RENDERED = "news-article:rendered";
export const EVENT_ERROR = "news-article:error";
export const EVENT_NAVIGATE = "news-article:navigate";
export const EVENT_VIDEO_PLAY = "news-article:video-play";

// The keys of an error event's detail (src/embed/host.rs, `ERROR_DETAIL`).
export const DETAIL_CODE = "code";
export const DETAIL_MESSAGE = "message";
export const DETAIL_VERSION = "version";

// Every error code (src/error.rs, `Code`); the loader itself reports `unsupported` and `internal`.
export const CODE_CONFIG = "config";
export const CODE_NETWORK = "network";
export const CODE_NOT_FOUND = "not-found";
export const CODE_HTTP = "http";
export const CODE_TIMEOUT = "timeout";
export const CODE_TOO_LARGE = "too-large";
export const CODE_INVALID = "invalid";
export const CODE_UNSUPPORTED = "unsupported";
export const CODE_INTERNAL = "internal";

// The error notice's markup, a div around a p (src/components/error_notice.rs, `NOTICE`).
export const NOTICE_CLASS = "nw-error";
export const NOTICE_PART = "error";
export const NOTICE_ROLE = "alert";

// The class of a snippet's pre-rendered article (src/components/widget.rs).
export const PRERENDERED_CLASS = "nw-prerendered";

// The class of a card page's card host, which takes the page's theme (src/components/card.rs).
export const CARD_HOST_CLASS = "nw-card-host";

// The key of the current article in the host URL's fragment (src/embed/history.rs).
export const FRAGMENT_KEY = "news-article=";

//! The HTML5 video player.

use std::rc::Rc;

use yew::prelude::*;

use super::{counted, rich_text, use_locale};
use crate::model::Video;

/// Props of [`VideoPlayer`].
#[derive(Properties, PartialEq)]
pub struct VideoPlayerProps {
    /// The video.
    pub video: Rc<Video>,
    /// The reader started it (carries the source the browser chose).
    #[prop_or_default]
    pub onplay: Callback<String>,
}

/// A native `<video>` with every source and caption track, a poster, and a
/// download link for browsers that cannot play any source. Fetched with
/// CORS (`crossorigin`): a browser loads caption tracks from another origin
/// only so, and to a partner's page, or a sandboxed frame's null origin, the
/// publisher's media are always another origin's.
#[component]
pub fn VideoPlayer(props: &VideoPlayerProps) -> Html {
    counted("VideoPlayer");
    let locale = use_locale();
    let messages = locale.lang.messages();
    let video = &props.video;
    let sources = video.sources.items();
    // Captions in the reader's language are on by default.
    let default_track = video
        .tracks
        .iter()
        .position(|t| Some(locale.lang) == crate::i18n::Lang::from_tag(t.srclang.as_str()));
    let download = sources.first().map(|s| s.src.to_string());
    let onplay = props.onplay.reform(|event: Event| {
        let video: web_sys::HtmlMediaElement = event.target_unchecked_into();
        video.current_src()
    });
    html! {
        <figure class="nw-figure nw-video" part="video">
            <video controls=true preload="metadata" playsinline=true crossorigin="anonymous" {onplay}
                   poster={video.poster.as_ref().map(|p| p.to_string())}
                   width={video.width.to_string()} height={video.height.to_string()}>
                { for sources.iter().map(|s| html! {
                    <source src={s.src.to_string()} type={s.media_type.to_string()} />
                }) }
                { for video.tracks.iter().enumerate().map(|(i, t)| html! {
                    <track src={t.src.to_string()} kind={t.kind.as_str()} srclang={t.srclang.to_string()}
                           label={t.label.to_string()} default={Some(i) == default_track} />
                }) }
                <p class="nw-video-fallback">
                    { messages.video_unsupported }{ " " }
                    <a href={download} download="">{ messages.video_download }</a>
                </p>
            </video>
            if !video.caption.is_empty() {
                <figcaption>{ rich_text(&video.caption) }</figcaption>
            }
            if !video.transcript.is_empty() {
                <details class="nw-transcript">
                    <summary>{ messages.transcript }</summary>
                    <p>{ rich_text(&video.transcript) }</p>
                </details>
            }
        </figure>
    }
}

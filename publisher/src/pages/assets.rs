//! The partner pages' own files, compiled into the tool and written beside
//! the pages, so a build's output folder is complete wherever it is served:
//! the frame pages' script and styles, the card's styles, and the
//! embed-code page; and the names the frame pages' script shares with the
//! widget, generated from the Rust side (`loader/names.js`), which it imports.
//! None of them is downloaded by a partner page that embeds the widget.

/// `(file name, contents)` of every asset.
pub const ASSETS: [(&str, &str); 8] = [
    ("frame.js", include_str!("../../assets/frame.js")),
    ("names.js", include_str!("../../../loader/names.js")),
    ("page.css", include_str!("../../assets/page.css")),
    ("card.css", include_str!("../../assets/card.css")),
    ("index.html", include_str!("../../assets/index.html")),
    ("code.js", include_str!("../../assets/code.js")),
    ("code.css", include_str!("../../assets/code.css")),
    ("frame-host.js", include_str!("../../assets/frame-host.js")),
];

//! What the command-line tests share: running the `news-widget` binary
//! and reading what it printed.

use std::process::{Command, Output};

/// Runs the built `news-widget` with `args`.
pub fn news_widget(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_news-widget"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// What it printed on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What it printed on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

//! User timing for `make bench`'s trace of one load (feature `bench-marks`,
//! never in a release build): the parts of a load that run inside the module,
//! where the browser's own trace sees one long call. Each part is a
//! `performance.measure` named `nw:<part>`, which the bench reads back.
//! Without the feature every function here is empty and compiled out.

/// A part of a load that the bench times.
#[derive(Clone, Copy)]
pub enum Part {
    /// `mount`: the app created and its first render run.
    Mount,
    /// A fetched document parsed (serde_json) and its URLs resolved.
    Parse,
    /// The app rendered a ready article until its whole body was in the DOM
    /// (the rendered event; a long body renders in parts).
    Render,
}

#[cfg(feature = "bench-marks")]
mod user_timing {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        // performance.mark / measure, without web-sys's Performance feature,
        // which would rebuild every crate that depends on web-sys.
        #[wasm_bindgen(js_namespace = performance, js_name = mark)]
        pub fn mark(name: &str);
        #[wasm_bindgen(js_namespace = performance, js_name = measure)]
        pub fn measure(name: &str, start: &str);
    }
}

impl Part {
    #[cfg(feature = "bench-marks")]
    const fn name(self) -> (&'static str, &'static str) {
        match self {
            Part::Mount => ("nw:mount", "nw:mount:start"),
            Part::Parse => ("nw:parse", "nw:parse:start"),
            Part::Render => ("nw:render", "nw:render:start"),
        }
    }

    /// The part starts now (a later start replaces an earlier one).
    #[inline]
    pub fn start(self) {
        #[cfg(feature = "bench-marks")]
        user_timing::mark(self.name().1);
    }

    /// The part that started last ends now.
    #[inline]
    pub fn end(self) {
        #[cfg(feature = "bench-marks")]
        {
            let (name, start) = self.name();
            user_timing::measure(name, start);
        }
    }

    /// Runs `f` as this part.
    #[inline]
    pub fn timed<T>(self, f: impl FnOnce() -> T) -> T {
        self.start();
        let value = f();
        self.end();
        value
    }
}

//! A list's query string (`filter`, `fields`, `exclude_fields`, `all_fields`, paging).
#![no_main]
use libfuzzer_sys::fuzz_target;
use netweave::http::query::Selectors;

fuzz_target!(|raw: &str| {
    let _ = Selectors::parse(raw);
});

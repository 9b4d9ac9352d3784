//! The TMF688 hub query (`eventType=…&field.op=value`): never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use netweave::tmf::query::TmfQuery;

fuzz_target!(|text: &str| {
    let _ = TmfQuery::parse(text);
});

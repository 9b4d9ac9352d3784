//! Event cursors as `Last-Event-ID` and `after` carry them: parse or refuse, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use netweave::service::events::parse_cursor;

fuzz_target!(|text: &str| {
    if let Ok(cursor) = parse_cursor(text) {
        assert_eq!(parse_cursor(&cursor.to_string()).ok(), Some(cursor));
    }
});

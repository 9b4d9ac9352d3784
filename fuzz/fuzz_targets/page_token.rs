//! Page markers: any text decodes or is refused, never panics; what the server issues
//! decodes to what it encoded.
#![no_main]
use libfuzzer_sys::fuzz_target;
use netweave::domain::list::token;

fuzz_target!(|text: &str| {
    let _ = token::decode(text);
    assert_eq!(token::decode(&token::encode(text)).as_deref(), Ok(text));
});

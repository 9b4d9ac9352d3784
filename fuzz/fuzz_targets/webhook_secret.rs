//! Standard Webhooks secrets (`whsec_<base64>`): parse or refuse, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use netweave::webhook::Secret;

fuzz_target!(|text: &str| {
    let _ = Secret::parse(text);
});

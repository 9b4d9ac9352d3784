//! `fuzz_cases::page_token` (cases.rs) under libFuzzer and the sanitizer.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_cases::page_token(data));

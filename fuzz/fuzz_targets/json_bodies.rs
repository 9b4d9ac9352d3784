//! `fuzz_cases::json_bodies` (cases.rs) under libFuzzer and the sanitizer.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_cases::json_bodies(data));

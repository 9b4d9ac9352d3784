//! `fuzz_cases::oran_filter` (cases.rs) under libFuzzer and the sanitizer.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_cases::oran_filter(data));

//! `fuzz_cases::tmf_query` (cases.rs) under libFuzzer and the sanitizer.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_cases::tmf_query(data));

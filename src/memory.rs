//! Giving memory back after the large, short-lived allocations of a start-up or a complete
//! view (generating or loading an inventory, recording or diffing its published state).
//! glibc keeps freed memory in its arenas, where a 100,000-resource start-up would leave over
//! 100 MiB resident for the life of the process; `malloc_trim` returns the free pages.
#![allow(unsafe_code)]

/// Returns free heap pages to the operating system (glibc only; elsewhere a no-op).
pub fn release_free() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; it takes no pointers
    // and is thread-safe (it locks each arena).
    unsafe {
        libc::malloc_trim(0);
    }
}

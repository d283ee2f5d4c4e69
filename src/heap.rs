//! Keeping the app's memory near what it holds. Reading thousands of
//! sessions allocates and frees far more than it keeps; glibc holds on to
//! what was freed, so the resident size creeps towards the busiest moment's.
//! Elsewhere these do nothing.

/// One heap for every thread. glibc gives each thread that allocates its own
/// heap ("arena") and keeps what it freed there: reading sessions on several
/// threads left every arena at its own high-water mark (at 10,000 sessions,
/// 334 MB with the default arenas against 233 MB with one). The threads then
/// wait on each other to allocate: `list` with no cache took 20% longer, so
/// only the app, which stays open and reads in the background, asks for it.
/// Call before any thread starts.
pub fn one_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes the allocator's settings.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Hands memory freed by a large read back to the system, so what the next
/// screen reads is added to what is held, not to the read's peak. A few
/// milliseconds; call after a read of the whole archive, never per frame.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory.
    unsafe {
        libc::malloc_trim(0);
    }
}

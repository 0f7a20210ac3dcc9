//! The `arogya` binary: everything lives in the library, so tests drive the same code.

fn main() -> std::process::ExitCode {
    tune_allocator();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: starting the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(arogya_api::cli::run()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Password hashing allocates 19 MiB per hash on whichever blocking thread runs it.
/// glibc would keep those blocks in per-thread arenas (and raise its mmap threshold
/// after the first free), so resident memory would only ever grow under logins. A
/// fixed mmap threshold returns large blocks to the OS on free, and two arenas bound
/// fragmentation.
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only adjusts allocator parameters; called once before any thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

//! Who is running Roundtable, on which computer, and whether a process there
//! is still the one that took a lock: what a session lock records and how a
//! stale one is told. Portable through the `whoami` crate and the system's
//! own process calls; the Linux-only details (process start times, the boot
//! id) are extras that catch a process number reused after a restart.

/// The person's name: the full name from the account's details when there
/// is one, else the login name, else "someone".
pub(super) fn user() -> String {
    let found =
        |r: Result<String, whoami::Error>| r.ok().map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    found(whoami::realname())
        .or_else(|| found(whoami::username()))
        .unwrap_or_else(|| "someone".into())
}

/// This computer's name, or empty when it cannot be found out. "localhost"
/// counts as unknown: many computers share it, and a lock from another one
/// must never be judged by the processes running here.
pub(super) fn host() -> String {
    whoami::hostname()
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.eq_ignore_ascii_case("localhost"))
        .unwrap_or_default()
}

/// A pid no Linux process can have, for tests of stale locks.
#[cfg(test)]
pub(super) const DEAD_PID: u32 = 4_194_305;

/// Whether process `pid` on this computer is running. A zombie (ended but
/// not yet collected by its parent) counts as ended. Where the system
/// cannot be asked, assume it is running, so a lock is never taken from
/// someone still working.
pub(super) fn is_alive(pid: u32) -> bool {
    // 0 and numbers past i32 would address process groups, not a process.
    let Ok(id) = i32::try_from(pid) else {
        return false;
    };
    id > 0 && running(id) && !is_zombie(pid)
}

#[cfg(unix)]
fn running(pid: i32) -> bool {
    // Signal 0 checks without sending anything; "not allowed" means it exists.
    // SAFETY: kill with signal 0 has no effect beyond the check.
    let found = unsafe { libc::kill(pid, 0) } == 0;
    found || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(windows)]
fn running(pid: i32) -> bool {
    use windows_sys::Win32::Foundation::{CloseHandle, STILL_ACTIVE};
    use windows_sys::Win32::System::Threading::{
        GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
    };
    // SAFETY: the handle is checked before use and closed after.
    unsafe {
        let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid as u32);
        if handle.is_null() {
            // Gone, or not ours to look at: "access denied" means it exists.
            return std::io::Error::last_os_error().raw_os_error() == Some(5);
        }
        let mut code = 0u32;
        let ok = GetExitCodeProcess(handle, &mut code) != 0;
        CloseHandle(handle);
        !ok || code == STILL_ACTIVE as u32
    }
}

#[cfg(not(any(unix, windows)))]
fn running(_pid: i32) -> bool {
    true
}

/// The fields of `/proc/PID/stat` after the command name (which may hold
/// spaces and brackets): the state first.
#[cfg(target_os = "linux")]
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    Some(rest.split_whitespace().map(str::to_string).collect())
}

fn is_zombie(pid: u32) -> bool {
    #[cfg(target_os = "linux")]
    if let Some(fields) = stat_fields(pid) {
        return fields.first().is_some_and(|state| state == "Z" || state == "X");
    }
    let _ = pid;
    false
}

/// When process `pid` started, in the system's own units, if it can be
/// found out: a process with the same number but another start time is a
/// different one that reused the number.
pub(super) fn started(pid: u32) -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        // Field 22 of stat, the 20th after the command name.
        stat_fields(pid)?.get(19)?.parse().ok()
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pid;
        None
    }
}

/// What tells this run of the computer from the last: after a restart no
/// process from before is running, whatever numbers the new ones got.
pub(super) fn boot_id() -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        let id = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
        Some(id.trim().to_string()).filter(|id| !id.is_empty())
    }
    #[cfg(not(target_os = "linux"))]
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_alive() {
        assert!(is_alive(std::process::id()));
    }

    #[test]
    fn a_finished_process_is_not() {
        // Above the largest pid Linux can hand out (2^22).
        assert!(!is_alive(DEAD_PID));
        assert!(!is_alive(0), "0 would ask about our own process group");
        assert!(!is_alive(u32::MAX), "-1 would ask about every process");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_zombie_counts_as_ended() {
        // A child that has exited but was not waited for stays a zombie.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while is_alive(pid) && std::time::Instant::now() < deadline {
            std::thread::yield_now();
        }
        let alive = is_alive(pid);
        child.wait().unwrap();
        assert!(!alive, "an exited child not yet waited for is not running");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn start_times_and_the_boot_tell_a_reused_pid_apart() {
        let me = started(std::process::id()).unwrap();
        assert_eq!(started(std::process::id()), Some(me));
        assert_eq!(started(DEAD_PID), None);
        let boot = boot_id().unwrap();
        assert_eq!(boot_id(), Some(boot));
    }

    #[test]
    fn there_is_always_someone() {
        assert!(!user().is_empty());
    }
}

//! Who is running Roundtable, on which computer, and whether a process there
//! is still alive: what a session lock records and how a stale one is told.

/// The person's name: the full name from the account's details when there
/// is one, else the login name, else "someone".
pub(super) fn user() -> String {
    let login = ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()));
    let Some(login) = login else {
        return "someone".into();
    };
    full_name(&login).unwrap_or(login)
}

/// The name in `/etc/passwd` (`amira:x:1000:1000:Amira Khan,,,:…`).
fn full_name(login: &str) -> Option<String> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    let fields: Vec<&str> = passwd
        .lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .find(|f| f.first() == Some(&login))?;
    let name = fields.get(4)?.split(',').next()?.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// This computer's name, or empty when it cannot be found out.
pub(super) fn host() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok().map(|h| h.trim().to_string()))
        .or_else(|| std::env::var("COMPUTERNAME").ok().map(|h| h.trim().to_string()))
        .unwrap_or_default()
}

/// A pid no Linux process can have, for tests of stale locks.
#[cfg(test)]
pub(super) const DEAD_PID: u32 = 4_194_305;

/// Whether process `pid` on this computer is running. Only Linux can be
/// asked cheaply (through /proc); anywhere else, and if /proc is missing,
/// assume it is, so a lock is never taken from someone still working.
pub(super) fn is_alive(pid: u32) -> bool {
    #[cfg(target_os = "linux")]
    {
        let proc = std::path::Path::new("/proc");
        if proc.join("self").exists() {
            return proc.join(pid.to_string()).exists();
        }
    }
    let _ = pid;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_alive() {
        assert!(is_alive(std::process::id()));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_finished_process_is_not() {
        // Above the largest pid Linux can hand out (2^22).
        assert!(!is_alive(DEAD_PID));
    }

    #[test]
    fn there_is_always_someone() {
        assert!(!user().is_empty());
    }
}

fn rss() -> String {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    s.lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        .collect::<Vec<_>>()
        .join(" ")
}
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mode = std::env::args().nth(2).unwrap();
    let archive = roundtable::storage::Archive::open(dir.into()).unwrap();
    let mut lib = if mode == "now" {
        roundtable::app::library::Library::now(&archive)
    } else {
        roundtable::app::library::Library::remembered(&archive)
    };
    while lib.checking.is_some() {
        lib.poll();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    println!("library {} gen {}", rss(), lib.generation);
    if mode == "thread" {
        loop {
            lib.poll();
            let r = lib.across();
            if r.progress.is_none() && r.loaded.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        println!("across {}", rss());
    } else {
        let l = lib.sessions();
        println!("sessions {} {}", rss(), l.sessions.len());
    }
}

#!/usr/bin/env python3
"""Time from starting the real binary to its first frame on screen, in a
pseudo-terminal, for an empty archive and for archives of N sessions: warm
(the archive remembered by an earlier run that finished checking it) and
cold (nothing remembered: the first frame says the folder is being checked).

    cargo build --release
    python3 benches/first_frame.py target/release/roundtable EMPTY_DIR DIR_1000 DIR_10000

Archives can be made with the seeded generator (`roundtable::storage::sample::write`).
Prints the median of 15 warm and 7 cold starts for each, and the ratio of
each to the empty archive's. The starts are taken round by round, one per
archive in each round, so all the archives are measured over the same
minutes.
"""
import fcntl, os, pty, select, statistics, struct, subprocess, sys, tempfile, termios, time

def start(binary, archive, cache):
    env = dict(os.environ, TERM="xterm-256color", NO_COLOR="1", ROUNDTABLE_CACHE_DIR=cache,
               ROUNDTABLE_STATE_DIR=cache)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    os.set_blocking(leader, False)
    began = time.perf_counter()
    proc = subprocess.Popen([binary, "--dir", archive], stdin=follower, stdout=follower,
                            stderr=follower, env=env, close_fds=True)
    return proc, leader, follower, began

def read(leader, timeout):
    ready, _, _ = select.select([leader], [], [], timeout)
    return os.read(leader, 65536) if ready else None

def stop(proc, leader, follower):
    os.write(leader, b"q")
    proc.wait(timeout=60)
    os.close(leader); os.close(follower)

def first_frame(binary, archive, cache):
    proc, leader, follower, began = start(binary, archive, cache)
    seen = b""
    while b"Sessions" not in seen and b"Welcome" not in seen:
        chunk = read(leader, 10)
        if chunk is None:
            raise SystemExit(f"no frame from {archive}")
        seen += chunk
    elapsed = time.perf_counter() - began
    stop(proc, leader, follower)
    return elapsed

def checked(binary, archive, cache):
    """Runs until the check of the folder has finished (nothing drawn for a
    second after the last "Checking"), so the archive is remembered."""
    proc, leader, follower, began = start(binary, archive, cache)
    while time.perf_counter() - began < 600:
        chunk = read(leader, 1)
        if chunk is None:
            break
    stop(proc, leader, follower)

def main():
    binary, dirs = sys.argv[1], sys.argv[2:]
    # Round by round, one run per archive in each, so every archive's runs
    # (the empty one's too) are spread over the same minutes of a machine
    # whose speed drifts.
    warm_caches = [tempfile.TemporaryDirectory() for _ in dirs]
    for archive, cache in zip(dirs, warm_caches):
        checked(binary, archive, cache.name)
    warms = [[] for _ in dirs]
    for _ in range(15):
        for i, archive in enumerate(dirs):
            warms[i].append(first_frame(binary, archive, warm_caches[i].name))
    colds = [[] for _ in dirs]
    for _ in range(7):
        for i, archive in enumerate(dirs):
            with tempfile.TemporaryDirectory() as cache:
                colds[i].append(first_frame(binary, archive, cache))
    for cache in warm_caches:
        cache.cleanup()
    warm0, cold0 = statistics.median(warms[0]), statistics.median(colds[0])
    for archive, warm, cold in zip(dirs, map(statistics.median, warms), map(statistics.median, colds)):
        print(f"{archive}: first frame warm {warm*1000:.1f} ms ({warm/warm0:.2f}x the first), "
              f"cold {cold*1000:.1f} ms ({cold/cold0:.2f}x)")

if __name__ == "__main__":
    main()

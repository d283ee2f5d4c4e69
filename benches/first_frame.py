#!/usr/bin/env python3
"""Time from starting the real binary to its first frame on screen, in a
pseudo-terminal, for an empty archive and for archives of N sessions, with
the remembered cards warm (a second start) and cold (none remembered).

    cargo build --release
    python3 benches/first_frame.py target/release/roundtable EMPTY_DIR DIR_1000 DIR_10000

Archives can be made with the seeded generator (`roundtable::storage::sample::write`).
Prints the median of 15 starts for each, and its ratio to the empty archive.
"""
import fcntl, os, pty, select, statistics, struct, subprocess, sys, tempfile, termios, time

def first_frame(binary, archive, cache):
    env = dict(os.environ, TERM="xterm-256color", NO_COLOR="1", ROUNDTABLE_CACHE_DIR=cache,
               ROUNDTABLE_STATE_DIR=cache)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    os.set_blocking(leader, False)
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "--dir", archive], stdin=follower, stdout=follower,
                            stderr=follower, env=env, close_fds=True)
    seen = b""
    while b"Sessions" not in seen and b"Welcome" not in seen:
        ready, _, _ = select.select([leader], [], [], 10)
        if not ready:
            raise SystemExit(f"no frame from {archive}")
        seen += os.read(leader, 65536)
    elapsed = time.perf_counter() - start
    os.write(leader, b"q")
    proc.wait(timeout=30)
    os.close(leader); os.close(follower)
    return elapsed

def main():
    binary, dirs = sys.argv[1], sys.argv[2:]
    results = []
    with tempfile.TemporaryDirectory() as cache:
        for archive in dirs:
            first_frame(binary, archive, cache)  # warm the remembered cards
            warm = statistics.median(first_frame(binary, archive, cache) for _ in range(15))
            results.append((archive, warm))
    base = results[0][1]
    for archive, warm in results:
        print(f"{archive}: first frame {warm*1000:.1f} ms, {warm/base:.2f}x the first")

main()

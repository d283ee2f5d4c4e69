#!/usr/bin/env python3
"""Peak memory of the real binary (VmHWM, Linux) after opening every screen
that looks across the archive: search, actions and measures, each left to
finish reading. Cold means nothing remembered (the folder is checked
first); warm means an earlier run remembered the archive.

    cargo build --release
    python3 benches/peak_memory.py target/release/roundtable EMPTY_DIR DIR_1000 DIR_10000

Prints megabytes for each archive, cold and warm, and the goal's ratio.
"""
import os, sys, tempfile, time

from first_frame import read, start

def settle(leader, quiet=1.5, limit=300):
    """Reads the screen until nothing has been drawn for `quiet` seconds."""
    began = time.perf_counter()
    while time.perf_counter() - began < limit:
        if read(leader, quiet) is None:
            return

def peak(binary, archive, cache):
    proc, leader, follower, _ = start(binary, archive, cache)
    settle(leader)
    for key in [b"/", b"\x1b", b"A", b"\x1b", b"M"]:
        os.write(leader, key)
        settle(leader)
    with open(f"/proc/{proc.pid}/status") as status:
        hwm = next(line for line in status if line.startswith("VmHWM"))
    proc.kill()
    proc.wait()
    os.close(leader)
    os.close(follower)
    return int(hwm.split()[1]) / 1024

def main():
    binary, dirs = sys.argv[1], sys.argv[2:]
    for archive in dirs:
        with tempfile.TemporaryDirectory() as cache:
            cold = peak(binary, archive, cache)
            warm = peak(binary, archive, cache)
        files = sum(1 for n in os.listdir(archive) if n.endswith(".ron"))
        print(f"{files:>6} sessions: cold {cold:6.1f} MB, warm {warm:6.1f} MB")

if __name__ == "__main__":
    main()

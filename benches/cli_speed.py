#!/usr/bin/env python3
"""The command line against `cat` of the same files, as ratios: each command
cold (nothing remembered: a fresh cache folder) and warm (run twice before,
nothing changed since), medians of several runs.

    cargo build --release
    python3 benches/cli_speed.py target/release/roundtable DIR [DIR…]

Archives can be made with the seeded generator (`roundtable::storage::sample::write`).
"""
import glob, os, resource, shutil, statistics, subprocess, sys, tempfile, time

COMMANDS = [["list"], ["list", "--json"], ["search", "carers"], ["actions", "--json"]]
RUNS = 7

def timed(argv, env):
    began = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - began

def median(argv, env, prepare=None):
    times = []
    for _ in range(RUNS):
        if prepare:
            prepare()
        times.append(timed(argv, env))
    return statistics.median(times)

def main():
    binary, dirs = sys.argv[1], sys.argv[2:]
    for archive in dirs:
        files = sorted(glob.glob(os.path.join(archive, "*.ron")))
        cat = median(["cat", *files], os.environ.copy())
        print(f"{archive}: {len(files)} sessions, cat {cat * 1000:.1f} ms, {os.cpu_count()} cores")
        for command in COMMANDS:
            cache = tempfile.mkdtemp(prefix="rt-bench-cache-")
            env = dict(os.environ, ROUNDTABLE_CACHE_DIR=cache, ROUNDTABLE_CONFIG=os.path.join(cache, "none.ron"))
            argv = [binary, "--dir", archive, *command]
            fresh = lambda: (shutil.rmtree(cache, ignore_errors=True), os.makedirs(cache))
            cold = median(argv, env, fresh)
            for _ in range(2):
                timed(argv, env)
            warm = median(argv, env)
            shutil.rmtree(cache, ignore_errors=True)
            name = " ".join(command)
            print(f"  {name:<16} cold {cold / cat:5.1f}× ({cold * 1000:6.1f} ms)   warm {warm / cat:5.1f}× ({warm * 1000:6.1f} ms)")

if __name__ == "__main__":
    main()

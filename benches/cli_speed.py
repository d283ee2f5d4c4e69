#!/usr/bin/env python3
"""The command line against `cat` of the same files, as ratios: each command
cold (nothing remembered: a fresh cache folder) and warm (run twice before,
nothing changed since), medians of several runs. `cat` runs (twice, the
second timed) just before each run of a command, and each ratio is to the
median `cat` of those same runs, so a machine that speeds up or slows down
during the script moves both.

    cargo build --release
    python3 benches/cli_speed.py target/release/roundtable DIR [DIR…]

Archives can be made with the seeded generator (`roundtable::storage::sample::write`).
"""
import glob, os, resource, shutil, statistics, subprocess, sys, tempfile, time

COMMANDS = [["list"], ["list", "--json"], ["search", "carers"], ["actions", "--json"]]
RUNS = 9

def timed(argv, env):
    began = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - began

def paired(cat, argv, env, prepare=None):
    """Medians of `cat` and of `argv`, each run of `argv` just after one of `cat`."""
    cats, times = [], []
    for _ in range(RUNS):
        if prepare:
            prepare()
        # Twice, keeping the second: `cat` at its quickest, caches warm
        # from its own run rather than from the command's.
        timed(cat, os.environ.copy())
        cats.append(timed(cat, os.environ.copy()))
        times.append(timed(argv, env))
    return statistics.median(cats), statistics.median(times)

def main():
    binary, dirs = sys.argv[1], sys.argv[2:]
    for archive in dirs:
        files = sorted(glob.glob(os.path.join(archive, "*.ron")))
        cat = ["cat", *files]
        print(f"{archive}: {len(files)} sessions, {os.cpu_count()} cores")
        for command in COMMANDS:
            cache = tempfile.mkdtemp(prefix="rt-bench-cache-")
            env = dict(os.environ, ROUNDTABLE_CACHE_DIR=cache, ROUNDTABLE_CONFIG=os.path.join(cache, "none.ron"))
            argv = [binary, "--dir", archive, *command]
            fresh = lambda: (shutil.rmtree(cache, ignore_errors=True), os.makedirs(cache))
            cat_cold, cold = paired(cat, argv, env, fresh)
            for _ in range(2):
                timed(argv, env)
            cat_warm, warm = paired(cat, argv, env)
            shutil.rmtree(cache, ignore_errors=True)
            name = " ".join(command)
            print(
                f"  {name:<16} cold {cold / cat_cold:4.1f}× ({cold * 1000:5.1f} ms, cat {cat_cold * 1000:4.1f})"
                f"   warm {warm / cat_warm:4.1f}× ({warm * 1000:5.1f} ms, cat {cat_warm * 1000:4.1f})"
            )

if __name__ == "__main__":
    main()

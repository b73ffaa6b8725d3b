#!/usr/bin/env python3
"""Runs the same Csound workloads in three hosts, interleaved, and prints one table.

Hosts: C over libcsound (built here with the system C compiler: the floor for any host), our C# runtime
(bench/CsoundBindings.Benchmarks `compare` mode) and Python ctcsound from Debian's python3-csound.
Every host runs the same orchestras, options (-n -d -m0), counts and durations and times its own loop, so
process start-up is not measured. Usage: compare.py [repetitions] (default 7).
"""
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BENCH_DLL = os.path.join(ROOT, "bench", "CsoundBindings.Benchmarks", "bin", "Release", "net10.0", "CsoundBindings.Benchmarks.dll")
ORDER = ["ksmps1", "render16", "event", "message", "channel", "channel_cached", "spout", "lifecycle"]
LABELS = {
    "ksmps1": "PerformKsmps, ksmps=1 (ns/call)",
    "render16": "render 16 voices, 2 s, ksmps=64 (ms)",
    "event": "score event, 5 p-fields (ns)",
    "message": "input message (ns)",
    "channel": "control channel set+get by name (ns)",
    "channel_cached": "control channel set+get, cached (ns)",
    "spout": "PerformKsmps + copy all of Spout, ksmps=64 (ns)",
    "lifecycle": "create, compile, start, destroy (ms)",
}
MILLIS = {"render16", "lifecycle"}


def build_c(out_dir):
    exe = os.path.join(out_dir, "host_c")
    subprocess.run(["cc", "-O2", os.path.join(HERE, "host.c"), "-o", exe, "-lcsound64"], check=True)
    return [exe]


def run(command, env=None):
    result = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    values = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in LABELS:
            values[parts[0]] = float(parts[1])
    missing = [w for w in ORDER if w not in values]
    if missing:
        raise SystemExit(f"{command[0]} reported nothing for {missing}:\n{result.stdout}\n{result.stderr}")
    return values


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    if not os.path.exists(BENCH_DLL):
        raise SystemExit(f"{BENCH_DLL} is missing: dotnet build -c Release bench/CsoundBindings.Benchmarks")
    with tempfile.TemporaryDirectory() as tmp:
        # The C# host runs fully optimised code from the first call, as a long-running host would after tiering.
        dotnet_env = dict(os.environ, DOTNET_TieredCompilation="0", CSOUND7_ROOT="")
        hosts = {
            "C": (build_c(tmp), None),
            "C#": (["dotnet", BENCH_DLL, "compare"], dotnet_env),
            "ctcsound": (["/usr/bin/python3", os.path.join(HERE, "host_ctcsound.py")], None),
        }
        samples = {h: {w: [] for w in ORDER} for h in hosts}
        names = list(hosts)
        for r in range(reps):
            # Rotate the order each repetition so no host always runs first or last.
            for h in names[r % 3:] + names[:r % 3]:
                command, env = hosts[h]
                for w, v in run(command, env).items():
                    samples[h][w].append(v)
            print(f"repetition {r + 1}/{reps} done", file=sys.stderr)

    def cell(h, w):
        values = samples[h][w]
        scale = 1e-6 if w in MILLIS else 1
        return statistics.median(values) * scale, min(values) * scale

    print(f"\n{reps} interleaved repetitions; median (min) per host\n")
    print("| workload | C | C# | ctcsound | C#/C | ctcsound/C# |")
    print("|---|---:|---:|---:|---:|---:|")
    for w in ORDER:
        c, cs, py = cell("C", w), cell("C#", w), cell("ctcsound", w)
        print(f"| {LABELS[w]} | {c[0]:.1f} ({c[1]:.1f}) | {cs[0]:.1f} ({cs[1]:.1f}) | {py[0]:.1f} ({py[1]:.1f}) "
              f"| {cs[0] / c[0]:.2f} | {py[0] / cs[0]:.1f} |")


if __name__ == "__main__":
    main()

"""The ctcsound host of bench/compare (Debian's python3-csound for Csound 6.18): same workloads, counts and
orchestras as host.c and Compare.cs. Prints "workload ns-per-operation"."""
import time
import ctcsound

TRIVIAL = "sr=44100\nksmps=1\nnchnls=1\n0dbfs=1\ninstr 1\nendin\ninstr 2\nendin\n"
GUIDE = ("sr=44100\nksmps=64\nnchnls=2\n0dbfs=1\n"
         "instr 1\n  pset 0, 0, 0, 0.1, 60, 0.01, 0.2\n"
         "  a0 = vco2(p4, mtof(p5)) * linsegr:a(0, p6, 1, p7, 0)\n  outs a0, a0\nendin\n"
         "instr 2\nendin\n")


def create(orc):
    cs = ctcsound.Csound()
    cs.createMessageBuffer(False)
    for option in ("-n", "-d", "-m0"):
        cs.setOption(option)
    cs.compileOrc(orc)
    cs.start()
    return cs


PRINT = False


def report(name, start, ops):
    ns = (time.perf_counter_ns() - start) / ops
    if PRINT:
        print(f"{name} {ns:.1f}", flush=True)


def run_once():
    cs = create(TRIVIAL)
    n = 200000
    t = time.perf_counter_ns()
    for _ in range(n):
        cs.performKsmps()
    report("ksmps1", t, n)
    del cs

    t = time.perf_counter_ns()
    cs = create(GUIDE)
    for v in range(16):
        cs.scoreEvent('i', (1, 0, 2, 0.05, 48 + v))
    cs.scoreEvent('e', (0, 2))
    while cs.performKsmps() == 0:
        pass
    report("render16", t, 1)
    del cs

    cs = create(GUIDE)
    n = 50000
    fields = (2, 0, 0.001, 0.1, 60)
    t = time.perf_counter_ns()
    for i in range(1, n + 1):
        cs.scoreEvent('i', fields)
        if i & 63 == 0:
            cs.performKsmps()
    report("event", t, n)
    del cs

    cs = create(GUIDE)
    n = 20000
    t = time.perf_counter_ns()
    for i in range(1, n + 1):
        cs.inputMessage("i 2 0 0.001")
        if i & 63 == 0:
            cs.performKsmps()
    report("message", t, n)
    del cs

    cs = create(GUIDE)
    n = 200000
    total = 0.0
    t = time.perf_counter_ns()
    for i in range(n):
        cs.setControlChannel("gain", i)
        total += cs.controlChannel("gain")[0]
    report("channel", t, n)
    view, _ = cs.channelPtr("gain", ctcsound.CSOUND_CONTROL_CHANNEL | ctcsound.CSOUND_INPUT_CHANNEL | ctcsound.CSOUND_OUTPUT_CHANNEL)
    t = time.perf_counter_ns()
    for i in range(n):
        view[0] = i
        total += view[0]
    report("channel_cached", t, n)
    del cs

    cs = create(GUIDE)
    n = 50000
    buffer = cs.spout().copy()
    t = time.perf_counter_ns()
    for _ in range(n):
        cs.performKsmps()
        buffer[:] = cs.spout()
    report("spout", t, n)
    del cs

    n = 20
    t = time.perf_counter_ns()
    for _ in range(n):
        cs = create(TRIVIAL)
        del cs
    report("lifecycle", t, n)


def main():
    """Every workload runs twice; the second pass is printed, as in the other hosts."""
    global PRINT
    ctcsound.csoundInitialize(ctcsound.CSOUNDINIT_NO_SIGNAL_HANDLER | ctcsound.CSOUNDINIT_NO_ATEXIT)
    run_once()
    PRINT = True
    run_once()


main()

/* The C host of bench/compare: the floor any host can reach. Same workloads, counts and orchestras as
   the C# (Compare.cs) and ctcsound (host_ctcsound.py) hosts. Prints "workload ns-per-operation". */
#include <csound/csound.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *TRIVIAL = "sr=44100\nksmps=1\nnchnls=1\n0dbfs=1\ninstr 1\nendin\ninstr 2\nendin\n";
static const char *GUIDE =
    "sr=44100\nksmps=64\nnchnls=2\n0dbfs=1\n"
    "instr 1\n  pset 0, 0, 0, 0.1, 60, 0.01, 0.2\n"
    "  a0 = vco2(p4, mtof(p5)) * linsegr:a(0, p6, 1, p7, 0)\n  outs a0, a0\nendin\n"
    "instr 2\nendin\n";

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static void silent(CSOUND *cs, int attr, const char *text) { (void)cs; (void)attr; (void)text; }

static CSOUND *create(const char *orc) {
  CSOUND *cs = csoundCreate(NULL);
  csoundSetMessageStringCallback(cs, silent);
  csoundSetOption(cs, "-n");
  csoundSetOption(cs, "-d");
  csoundSetOption(cs, "-m0");
  csoundCompileOrc(cs, orc);
  csoundStart(cs);
  return cs;
}

static int print_results;

static void report(const char *name, double start, long ops) {
  double ns = (now_ns() - start) / ops;
  if (print_results) printf("%s %.1f\n", name, ns);
}

static void run_once(void) {
  { CSOUND *cs = create(TRIVIAL); const long n = 200000; double t = now_ns();
    for (long i = 0; i < n; i++) csoundPerformKsmps(cs);
    report("ksmps1", t, n); csoundDestroy(cs); }
  { double t = now_ns(); CSOUND *cs = create(GUIDE);
    for (int v = 0; v < 16; v++) { MYFLT p[5] = {1, 0, 2, 0.05, 48 + v}; csoundScoreEvent(cs, 'i', p, 5); }
    MYFLT e[2] = {0, 2}; csoundScoreEvent(cs, 'e', e, 2);
    while (csoundPerformKsmps(cs) == 0) {}
    report("render16", t, 1); csoundDestroy(cs); }
  { CSOUND *cs = create(GUIDE); const long n = 50000; MYFLT p[5] = {2, 0, 0.001, 0.1, 60}; double t = now_ns();
    for (long i = 1; i <= n; i++) { csoundScoreEvent(cs, 'i', p, 5); if ((i & 63) == 0) csoundPerformKsmps(cs); }
    report("event", t, n); csoundDestroy(cs); }
  { CSOUND *cs = create(GUIDE); const long n = 20000; double t = now_ns();
    for (long i = 1; i <= n; i++) { csoundInputMessage(cs, "i 2 0 0.001"); if ((i & 63) == 0) csoundPerformKsmps(cs); }
    report("message", t, n); csoundDestroy(cs); }
  { CSOUND *cs = create(GUIDE); const long n = 200000; volatile double sum = 0; int err; double t = now_ns();
    for (long i = 0; i < n; i++) { csoundSetControlChannel(cs, "gain", i); sum += csoundGetControlChannel(cs, "gain", &err); }
    report("channel", t, n);
    MYFLT *p; csoundGetChannelPtr(cs, &p, "gain", CSOUND_CONTROL_CHANNEL | CSOUND_INPUT_CHANNEL | CSOUND_OUTPUT_CHANNEL);
    volatile MYFLT *vp = p; t = now_ns();
    for (long i = 0; i < n; i++) { *vp = i; sum += *vp; }
    report("channel_cached", t, n); csoundDestroy(cs); }
  { CSOUND *cs = create(GUIDE); const long n = 50000; MYFLT buffer[64 * 2]; double t = now_ns();
    for (long i = 0; i < n; i++) {
      csoundPerformKsmps(cs);
      memcpy(buffer, csoundGetSpout(cs), sizeof(MYFLT) * csoundGetKsmps(cs) * csoundGetNchnls(cs)); }
    report("spout", t, n); csoundDestroy(cs); }
  { const long n = 20; double t = now_ns();
    for (long i = 0; i < n; i++) { CSOUND *cs = create(TRIVIAL); csoundDestroy(cs); }
    report("lifecycle", t, n); }
}

/* Every workload runs twice; the second pass is printed, as in the other hosts. */
int main(void) {
  csoundInitialize(CSOUNDINIT_NO_SIGNAL_HANDLER | CSOUNDINIT_NO_ATEXIT);
  print_results = 0;
  run_once();
  print_results = 1;
  run_once();
  return 0;
}

/*
 * CsoundBindings: declarations for the C entry points of Csound 6's performance thread.
 *
 * libcsnd6 (Debian package libcsnd6.1, dev link from libcsnd-dev) exports these 18 functions as a C
 * wrapper around its C++ CsoundPerformanceThread class, but no installed header declares them.
 * They were written for this project from `nm -D libcsnd6.so` and the documented behaviour of the
 * performance thread; the handle is an opaque pointer to the C++ object.
 */
#ifndef CSOUNDBINDINGS_CSND6_PERFORMANCE_THREAD_H
#define CSOUNDBINDINGS_CSND6_PERFORMANCE_THREAD_H

#include "csound.h"

/* Opaque: the C++ performance-thread object behind every handle. */
typedef struct CsoundPerformanceThread_ CsoundPerformanceThread;

/* Called once per ksmps cycle on the performance thread, with the user pointer given at registration. */
typedef void (*CsoundPTprocessCallback)(void *userData);

/* Creates a paused performance thread for an instance; NULL on failure. */
CsoundPerformanceThread *NewCsoundPT(CSOUND *csound);
/* Stops (if needed), joins and frees the thread object. */
void DeleteCsoundPT(CsoundPerformanceThread *thread);
/* Non-zero while the native thread exists. */
int CsoundPTisRunning(CsoundPerformanceThread *thread);
/* The process callback currently registered, or NULL. */
CsoundPTprocessCallback CsoundPTgetProcessCB(CsoundPerformanceThread *thread);
/* Registers the per-cycle callback and its user pointer. */
void CsoundPTsetProcessCB(CsoundPerformanceThread *thread, CsoundPTprocessCallback callback, void *userData);
/* The instance the thread performs. */
CSOUND *CsoundPTgetCsound(CsoundPerformanceThread *thread);
/* 0 while playing or paused, positive once the score ended or stop was called, negative on error. */
int CsoundPTgetStatus(CsoundPerformanceThread *thread);
/* Transport: run, pause, toggle, and the final stop. */
void CsoundPTplay(CsoundPerformanceThread *thread);
void CsoundPTpause(CsoundPerformanceThread *thread);
void CsoundPTtogglePause(CsoundPerformanceThread *thread);
void CsoundPTstop(CsoundPerformanceThread *thread);
/* Starts writing the output to a sound file with the given sample bits and number of buffers. */
void CsoundPTrecord(CsoundPerformanceThread *thread, const char *fileName, int sampleBits, int numberOfBuffers);
void CsoundPTstopRecord(CsoundPerformanceThread *thread);
/* Queues a score event; absoluteTime non-zero means p2 counts from the start of the performance. */
void CsoundPTscoreEvent(CsoundPerformanceThread *thread, int absoluteTime, char type, int fieldCount, MYFLT *fields);
/* Queues score text to be read as if typed at the console. */
void CsoundPTinputMessage(CsoundPerformanceThread *thread, const char *text);
/* Moves the score clock to the given time in seconds. */
void CsoundPTsetScoreOffsetSeconds(CsoundPerformanceThread *thread, double seconds);
/* Waits for the thread to end; returns its final status. */
int CsoundPTjoin(CsoundPerformanceThread *thread);
/* Waits until every queued message has been consumed by the thread. */
void CsoundPTflushMessageQueue(CsoundPerformanceThread *thread);

#endif

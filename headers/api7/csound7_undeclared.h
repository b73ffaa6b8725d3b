/*
 * CsoundBindings: declarations for C entry points that this Csound 7 exports but no installed header declares.
 *
 * `nm -D libcsound64.so` of the Csound 7.0 snapshot lists csoundSetOutput and csoundSetInput (Top/main.c keeps
 * them); its csound.h no longer declares them. Their signatures are those Csound 6.18 declares. They set the
 * output and input file or device by name, so a name with spaces stays one name (an option string would be split).
 *
 * csound.h leaves STRINGDAT incomplete, yet a string array channel (csoundInitArrayChannel with type "S") is a
 * contiguous run of them: a host needs the element size to reach element i before it calls csoundGetStringData.
 * The completion below is the layout the engine is built with (csoundCore.h, which hosts may not include).
 */
#ifndef CSOUNDBINDINGS_CSOUND7_UNDECLARED_H
#define CSOUNDBINDINGS_CSOUND7_UNDECLARED_H

#include "csound.h"

/* Output file or device name; type (e.g. "wav") and format (e.g. "float") may be NULL. */
void csoundSetOutput(CSOUND *csound, const char *name, const char *type, const char *format);
/* Input file or device name. */
void csoundSetInput(CSOUND *csound, const char *name);

/* One string value: its text, the bytes allocated for it, and the engine's update stamp. */
struct stringdat {
    char *data;
    size_t size;
    int64_t timestamp;
};

#endif

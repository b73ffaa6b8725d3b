/* A header written for the generator's tests: one of each construct the IR must capture. */
#ifndef FIXTURE_H
#define FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#define FX_INT 42
#define FX_NEGATIVE (-7)
#define FX_HEX 0x1000
#define FX_SHIFTED (1 << 4)
#define FX_COMBINED (FX_HEX | FX_SHIFTED)
#define FX_UNSIGNED 4000000000u
#define FX_LONGLONG 1234567890123LL
#define FX_FLOAT 0.5
#define FX_FLOATF 2.5f
#define FX_STRING "hello \"fixture\""
#define FX_FLAG
#define FX_MAX(a, b) ((a) > (b) ? (a) : (b))
#define FX_ATTRIBUTE __attribute__((visibility("default")))

typedef double SAMPLE;

typedef enum { FX_RED, FX_GREEN = 5, FX_BLUE } fx_color;
enum fx_tagged { FX_TAG_A = -1, FX_TAG_B = 0x7fffffff };
enum { FX_ANON_ONE = 1, FX_ANON_TWO };

typedef struct fx_opaque_s fx_opaque;

typedef void (*fx_callback)(fx_opaque *owner, const char *text, void *user);
typedef int (*fx_variadic_callback)(const char *format, ...);

typedef struct fx_point {
    SAMPLE x;
    SAMPLE y;
} fx_point;

typedef struct {
    char name[16];
    fx_point points[3];
    int matrix[2][3];
    union {
        int as_int;
        float as_float;
    } value;
    struct {
        uint8_t tag;
        int64_t wide;
    };
    fx_callback on_event;
    int (*inline_pointer)(int, double);
    const char *label;
} fx_record;

typedef union fx_number {
    int64_t i;
    double d;
} fx_number;

fx_opaque *fx_create(void *host);
void fx_destroy(fx_opaque *);
int fx_set_callback(fx_opaque *owner, fx_callback callback, void *user);
const char *fx_name(const fx_opaque *owner, fx_color color, enum fx_tagged tag);
SAMPLE fx_sum(const SAMPLE *values, size_t count);
void fx_fill(fx_record *record, fx_number number);
int fx_printf(fx_opaque *owner, const char *format, ...);
void *fx_no_prototype();

/* The version the manifest expects (as Csound's version.h spells it). */
#define CS_VERSION 0
#define CS_SUBVER 1
#define CS_PATCHLEVEL 0

/* Types C# has no blittable form for: skipped with their location, and the run goes on. */
long double fx_long_double(void);
typedef struct fx_wide { int before; __int128 wide; } fx_wide;
long fx_clong(unsigned long count);

#endif

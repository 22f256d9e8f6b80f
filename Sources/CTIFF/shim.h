#include <tiffio.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/// Where libtiff's error and warning handlers put their messages for one open handle, so Swift can turn them
/// into errors instead of letting libtiff print to stderr. `message` keeps the first error since the last reset.
typedef struct {
    char message[512];
    int error_count;
    char warning[256];
    int warning_count;
} arbiter_tiff_diagnostics;

static inline void arbiter_tiff_diagnostics_reset(arbiter_tiff_diagnostics *diagnostics) {
    diagnostics->message[0] = 0;
    diagnostics->error_count = 0;
    diagnostics->warning[0] = 0;
    diagnostics->warning_count = 0;
}

static int arbiter_tiff_error_handler(TIFF *tiff, void *user, const char *module, const char *format, va_list ap) {
    (void)tiff;
    arbiter_tiff_diagnostics *diagnostics = (arbiter_tiff_diagnostics *)user;
    if (diagnostics == NULL) return 1;
    if (diagnostics->error_count++ == 0) {
        int used = snprintf(diagnostics->message, sizeof diagnostics->message, "%s: ", module ? module : "libtiff");
        if (used < 0 || (size_t)used >= sizeof diagnostics->message) used = 0;
        vsnprintf(diagnostics->message + used, sizeof diagnostics->message - (size_t)used, format, ap);
    }
    return 1;
}

static int arbiter_tiff_warning_handler(TIFF *tiff, void *user, const char *module, const char *format, va_list ap) {
    (void)tiff;
    (void)module;
    arbiter_tiff_diagnostics *diagnostics = (arbiter_tiff_diagnostics *)user;
    if (diagnostics == NULL) return 1;
    if (diagnostics->warning_count++ == 0) vsnprintf(diagnostics->warning, sizeof diagnostics->warning, format, ap);
    return 1;
}

/// Messages libtiff reports without a handle go to the process-wide handlers: silence those once.
static inline void arbiter_tiff_silence_global_handlers(void) {
    TIFFSetErrorHandler(NULL);
    TIFFSetWarningHandler(NULL);
}

/// Opens read-only without memory mapping (a truncated file must fail a read, not raise SIGBUS), with handlers that
/// fill `diagnostics` and a cap on any single allocation libtiff makes from header values.
static inline TIFF *arbiter_tiff_open(const char *path, arbiter_tiff_diagnostics *diagnostics, tmsize_t max_allocation) {
    TIFFOpenOptions *options = TIFFOpenOptionsAlloc();
    if (options == NULL) return NULL;
    TIFFOpenOptionsSetErrorHandlerExtR(options, arbiter_tiff_error_handler, diagnostics);
    TIFFOpenOptionsSetWarningHandlerExtR(options, arbiter_tiff_warning_handler, diagnostics);
    TIFFOpenOptionsSetMaxSingleMemAlloc(options, max_allocation);
    TIFF *tiff = TIFFOpenExt(path, "rm", options);
    TIFFOpenOptionsFree(options);
    return tiff;
}

// Fixed-arity wrappers for the variadic TIFFGetField. Each returns 1 when the tag is present.

static inline int arbiter_tiff_get_u16(TIFF *tiff, uint32_t tag, uint16_t *value) {
    return TIFFGetField(tiff, tag, value);
}

static inline int arbiter_tiff_get_u16_defaulted(TIFF *tiff, uint32_t tag, uint16_t *value) {
    return TIFFGetFieldDefaulted(tiff, tag, value);
}

static inline int arbiter_tiff_get_u32(TIFF *tiff, uint32_t tag, uint32_t *value) {
    return TIFFGetField(tiff, tag, value);
}

static inline int arbiter_tiff_get_float(TIFF *tiff, uint32_t tag, float *value) {
    return TIFFGetField(tiff, tag, value);
}

static inline int arbiter_tiff_get_string(TIFF *tiff, uint32_t tag, const char **value) {
    return TIFFGetField(tiff, tag, value);
}

/// Tags stored as a count and a pointer (JPEGTables, ICCProfile).
static inline int arbiter_tiff_get_blob(TIFF *tiff, uint32_t tag, uint32_t *count, const void **data) {
    return TIFFGetField(tiff, tag, count, data);
}

static inline int arbiter_tiff_get_u16_pair(TIFF *tiff, uint32_t tag, uint16_t *first, uint16_t *second) {
    return TIFFGetFieldDefaulted(tiff, tag, first, second);
}

static inline int arbiter_tiff_get_extra_samples(TIFF *tiff, uint16_t *count, const uint16_t **values) {
    return TIFFGetField(tiff, TIFFTAG_EXTRASAMPLES, count, values);
}

static inline int arbiter_tiff_get_subifds(TIFF *tiff, uint16_t *count, const uint64_t **offsets) {
    return TIFFGetField(tiff, TIFFTAG_SUBIFD, count, offsets);
}

/// TileOffsets, TileByteCounts, StripOffsets, StripByteCounts.
static inline int arbiter_tiff_get_u64_array(TIFF *tiff, uint32_t tag, const uint64_t **values) {
    return TIFFGetField(tiff, tag, values);
}

/// Reads a rectangle of the current directory through libtiff's RGBA interface, as OpenSlide's slow path does:
/// top-left orientation, packed 0xAABBGGRR words (R, G, B, A bytes on little-endian), alpha premultiplied.
static inline int arbiter_tiff_read_rgba(TIFF *tiff, uint32_t *dest, uint32_t x, uint32_t y, uint32_t width,
                                         uint32_t height, char *message /* 1024 bytes */) {
    TIFFRGBAImage image;
    if (!TIFFRGBAImageOK(tiff, message)) return 0;
    if (!TIFFRGBAImageBegin(&image, tiff, 1, message)) return 0;
    image.req_orientation = ORIENTATION_TOPLEFT;
    image.col_offset = (int)x;
    image.row_offset = (int)y;
    int ok = TIFFRGBAImageGet(&image, dest, width, height);
    if (!ok) strcpy(message, "TIFFRGBAImageGet failed");
    TIFFRGBAImageEnd(&image);
    return ok;
}

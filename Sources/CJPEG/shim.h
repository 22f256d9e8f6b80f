#include <stdio.h>
#include <stddef.h>
#include <jpeglib.h>

/// The libjpeg version the headers describe (JPEG_LIB_VERSION is a macro Swift cannot import as a value).
static inline int arbiter_jpeg_lib_version(void) { return JPEG_LIB_VERSION; }

/// libjpeg-turbo's own version, e.g. 2001005 for 2.1.5.
static inline int arbiter_jpeg_turbo_version_number(void) {
#ifdef LIBJPEG_TURBO_VERSION_NUMBER
    return LIBJPEG_TURBO_VERSION_NUMBER;
#else
    return 0;
#endif
}

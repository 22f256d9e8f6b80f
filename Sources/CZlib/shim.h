#include <zlib.h>

/// inflateInit2 is a macro; this wrapper accepts zlib and gzip streams alike (windowBits 15 + 32).
static inline int arbiter_inflate_init_any(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}

/// inflateInit2 is a macro; this wrapper reads raw DEFLATE data with no header or trailer (windowBits -15),
/// as zip members hold it.
static inline int arbiter_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -15);
}

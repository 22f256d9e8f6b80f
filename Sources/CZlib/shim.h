#include <zlib.h>

/// inflateInit2 is a macro; this wrapper accepts zlib and gzip streams alike (windowBits 15 + 32).
static inline int arbiter_inflate_init_any(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}

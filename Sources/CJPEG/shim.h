#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
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

#include <setjmp.h>
#include <string.h>

/// libjpeg's default error handler calls exit(); this one jumps back to arbiter_jpeg_decode with the message.
typedef struct {
    struct jpeg_error_mgr manager;
    jmp_buf recovery;
    char message[JMSG_LENGTH_MAX];
} arbiter_jpeg_error;

static void arbiter_jpeg_error_exit(j_common_ptr info) {
    arbiter_jpeg_error *error = (arbiter_jpeg_error *)info->err;
    (*info->err->format_message)(info, error->message);
    longjmp(error->recovery, 1);
}

static void arbiter_jpeg_output_message(j_common_ptr info) { (void)info; }

/// The error manager every decoder and encoder here installs: failures jump back with the message, warnings stay silent.
static inline struct jpeg_error_mgr *arbiter_jpeg_errors(arbiter_jpeg_error *error) {
    struct jpeg_error_mgr *manager = jpeg_std_error(&error->manager);
    error->manager.error_exit = arbiter_jpeg_error_exit;
    error->manager.output_message = arbiter_jpeg_output_message;
    error->message[0] = 0;
    return manager;
}

/// Creates the decompressor and reads the shared JPEGTables (if any), then the tile's own header.
/// Called after the caller's setjmp, so a libjpeg error longjmps back to the caller's frame.
static int arbiter_jpeg_read_headers(struct jpeg_decompress_struct *info, arbiter_jpeg_error *error,
                                     const unsigned char *tables, unsigned long tables_length,
                                     const unsigned char *data, unsigned long length, int color_space) {
    jpeg_create_decompress(info);
    if (tables != NULL && tables_length > 0) {
        jpeg_mem_src(info, tables, tables_length);
        if (jpeg_read_header(info, FALSE) != JPEG_HEADER_TABLES_ONLY) {
            strcpy(error->message, "JPEGTables do not hold tables only");
            return 0;
        }
    }
    jpeg_mem_src(info, data, length);
    if (jpeg_read_header(info, TRUE) != JPEG_HEADER_OK) {
        strcpy(error->message, "no JPEG header");
        return 0;
    }
    if (color_space >= 0) info->jpeg_color_space = (J_COLOR_SPACE)color_space;
    return 1;
}

static int arbiter_jpeg_run(struct jpeg_decompress_struct *info, arbiter_jpeg_error *error,
                            const unsigned char *tables, unsigned long tables_length,
                            const unsigned char *data, unsigned long length, int color_space, int grey,
                            unsigned char *dest, int width, int height) {
    if (setjmp(error->recovery)) return 0;
    if (!arbiter_jpeg_read_headers(info, error, tables, tables_length, data, length, color_space)) return 0;
    info->out_color_space = grey ? JCS_GRAYSCALE : JCS_EXT_RGBA;
    jpeg_start_decompress(info);
    if ((int)info->output_width != width || (int)info->output_height != height) {
        snprintf(error->message, sizeof error->message, "JPEG is %ux%u, the tile is %dx%d",
                 info->output_width, info->output_height, width, height);
        return 0;
    }
    size_t row_bytes = (size_t)width * (grey ? 1 : 4);
    while (info->output_scanline < info->output_height) {
        JSAMPROW rows[16];
        int count = 0;
        for (; count < info->rec_outbuf_height && count < 16 &&
               info->output_scanline + (unsigned)count < info->output_height; count++) {
            rows[count] = dest + (size_t)(info->output_scanline + (unsigned)count) * row_bytes;
        }
        if (jpeg_read_scanlines(info, rows, (JDIMENSION)count) == 0) {
            strcpy(error->message, "JPEG data ended early");
            return 0;
        }
    }
    jpeg_finish_decompress(info);
    return 1;
}

/// Decodes one JPEG (a TIFF tile, with the directory's JPEGTables if any) to RGBA (or grey) with libjpeg's
/// defaults (ISLOW DCT, fancy upsampling), as OpenSlide does. `color_space` overrides the colour space libjpeg
/// guesses (JCS_YCbCr or JCS_RGB from the TIFF Photometric tag; -1 keeps the guess).
/// Returns 1 on success; otherwise 0 with the reason in `message` (JMSG_LENGTH_MAX bytes).
static inline int arbiter_jpeg_decode(const unsigned char *tables, unsigned long tables_length,
                                      const unsigned char *data, unsigned long length, int color_space, int grey,
                                      unsigned char *dest, int width, int height, char *message) {
    struct jpeg_decompress_struct info;
    arbiter_jpeg_error error;
    memset(&info, 0, sizeof info);
    info.err = arbiter_jpeg_errors(&error);
    int ok = arbiter_jpeg_run(&info, &error, tables, tables_length, data, length, color_space, grey, dest, width,
                              height);
    jpeg_destroy_decompress(&info);
    if (!ok) memcpy(message, error.message, JMSG_LENGTH_MAX);
    return ok;
}

static inline int arbiter_jpeg_message_length(void) { return JMSG_LENGTH_MAX; }
static inline int arbiter_jcs_ycbcr(void) { return JCS_YCbCr; }
static inline int arbiter_jcs_rgb(void) { return JCS_RGB; }

static int arbiter_jpeg_run_window(struct jpeg_decompress_struct *info, arbiter_jpeg_error *error,
                                   const unsigned char *tables, unsigned long tables_length,
                                   const unsigned char *data, unsigned long length, int color_space,
                                   unsigned char *dest, size_t dest_stride, int width, int height,
                                   int window_x, int window_y, int window_width, int window_height) {
    if (setjmp(error->recovery)) return 0;
    if (!arbiter_jpeg_read_headers(info, error, tables, tables_length, data, length, color_space)) return 0;
    info->out_color_space = JCS_EXT_RGBA;
    jpeg_start_decompress(info);
    if ((int)info->output_width != width || (int)info->output_height != height) {
        snprintf(error->message, sizeof error->message, "JPEG is %ux%u, the tile is %dx%d",
                 info->output_width, info->output_height, width, height);
        return 0;
    }
    /* One iMCU of margin on each side keeps fancy upsampling's neighbours, so kept pixels equal a full decode. */
    int unit_x = info->max_h_samp_factor * DCTSIZE, unit_y = info->max_v_samp_factor * DCTSIZE;
    JDIMENSION crop_x = (JDIMENSION)(window_x > unit_x ? window_x - unit_x : 0);
    int crop_end = window_x + window_width + unit_x < width ? window_x + window_width + unit_x : width;
    JDIMENSION crop_width = (JDIMENSION)crop_end - crop_x;
    jpeg_crop_scanline(info, &crop_x, &crop_width);
    int first_row = window_y > 2 * unit_y ? (window_y - 2 * unit_y) / unit_y * unit_y : 0;
    if (first_row > 0 && (int)jpeg_skip_scanlines(info, (JDIMENSION)first_row) != first_row) {
        strcpy(error->message, "cannot skip JPEG scanlines");
        return 0;
    }
    unsigned char row[4 * 16384];
    if (info->output_width > 16384) { strcpy(error->message, "JPEG too wide"); return 0; }
    int column = window_x - (int)crop_x;
    while ((int)info->output_scanline < window_y + window_height) {
        int y = (int)info->output_scanline;
        JSAMPROW rows[1] = { row };
        if (jpeg_read_scanlines(info, rows, 1) != 1) {
            strcpy(error->message, "JPEG data ended early");
            return 0;
        }
        if (y >= window_y) memcpy(dest + (size_t)(y - window_y) * dest_stride, row + column * 4,
                                  (size_t)window_width * 4);
    }
    jpeg_abort_decompress(info);
    return 1;
}

/// Decodes only the `window_width` x `window_height` pixels at (`window_x`, `window_y`) of a `width` x `height`
/// JPEG into `dest` (RGBA rows `dest_stride` bytes apart), with libjpeg-turbo's crop and skip: the same pixels a
/// full decode gives there, for less work. Returns 1, or 0 with the reason in `message`.
static inline int arbiter_jpeg_decode_window(const unsigned char *tables, unsigned long tables_length,
                                             const unsigned char *data, unsigned long length, int color_space,
                                             unsigned char *dest, size_t dest_stride, int width, int height,
                                             int window_x, int window_y, int window_width, int window_height,
                                             char *message) {
    struct jpeg_decompress_struct info;
    arbiter_jpeg_error error;
    memset(&info, 0, sizeof info);
    info.err = arbiter_jpeg_errors(&error);
    int ok = arbiter_jpeg_run_window(&info, &error, tables, tables_length, data, length, color_space, dest,
                                     dest_stride, width, height, window_x, window_y, window_width, window_height);
    jpeg_destroy_decompress(&info);
    if (!ok) memcpy(message, error.message, JMSG_LENGTH_MAX);
    return ok;
}

static int arbiter_jpeg_run_encode_rows(struct jpeg_compress_struct *info, arbiter_jpeg_error *error,
                                        const unsigned char *const *rows, int width, int height, int channels,
                                        int quality, unsigned char **out, unsigned long *out_size) {
    if (setjmp(error->recovery)) return 0;
    jpeg_create_compress(info);
    jpeg_mem_dest(info, out, out_size);
    info->image_width = (JDIMENSION)width;
    info->image_height = (JDIMENSION)height;
    info->input_components = channels == 1 ? 1 : channels == 3 ? 3 : 4;
    info->in_color_space = channels == 1 ? JCS_GRAYSCALE : channels == 3 ? JCS_RGB : JCS_EXT_RGBX;
    jpeg_set_defaults(info);
    jpeg_set_quality(info, quality, TRUE);
    jpeg_start_compress(info, TRUE);
    while (info->next_scanline < info->image_height) {
        JDIMENSION left = info->image_height - info->next_scanline;
        jpeg_write_scanlines(info, (JSAMPARRAY)(rows + info->next_scanline), left < 16 ? left : 16);
    }
    jpeg_finish_compress(info);
    return 1;
}

/// Encodes `width` x `height` 8-bit pixels, each row given by its own pointer (a tile's rows may lie in different
/// buffers; `channels` 1 grey, 3 RGB, or 4 RGBX whose fourth byte is ignored), as a baseline JPEG with libjpeg's
/// defaults at `quality` (4:2:0 below 90, ISLOW DCT), as libvips and Pillow write them. The output is malloc'ed by
/// libjpeg; the caller frees it. Returns 1, or 0 with the reason in `message` (JMSG_LENGTH_MAX bytes).
static inline int arbiter_jpeg_encode_rows(const unsigned char *const *rows, int width, int height, int channels,
                                           int quality, unsigned char **out, unsigned long *out_size, char *message) {
    struct jpeg_compress_struct info;
    arbiter_jpeg_error error;
    memset(&info, 0, sizeof info);
    info.err = arbiter_jpeg_errors(&error);
    *out = NULL;
    *out_size = 0;
    int ok = arbiter_jpeg_run_encode_rows(&info, &error, rows, width, height, channels, quality, out, out_size);
    jpeg_destroy_compress(&info);
    if (!ok) {
        memcpy(message, error.message, JMSG_LENGTH_MAX);
        free(*out);
        *out = NULL;
    }
    return ok;
}

#include <openjpeg.h>
#include <stdio.h>
#include <string.h>

/// A codestream held in memory, read by OpenJPEG through the callbacks below.
typedef struct {
    const unsigned char *data;
    OPJ_SIZE_T length;
    OPJ_SIZE_T offset;
    char message[256];
} arbiter_opj_source;

static OPJ_SIZE_T arbiter_opj_read(void *buffer, OPJ_SIZE_T count, void *user) {
    arbiter_opj_source *source = (arbiter_opj_source *)user;
    OPJ_SIZE_T left = source->length - source->offset;
    if (count > left) count = left;
    if (count == 0) return (OPJ_SIZE_T)-1;
    memcpy(buffer, source->data + source->offset, count);
    source->offset += count;
    return count;
}

static OPJ_OFF_T arbiter_opj_skip(OPJ_OFF_T count, void *user) {
    arbiter_opj_source *source = (arbiter_opj_source *)user;
    OPJ_OFF_T target = (OPJ_OFF_T)source->offset + count;
    if (target < 0) target = 0;
    if (target > (OPJ_OFF_T)source->length) target = (OPJ_OFF_T)source->length;
    OPJ_OFF_T moved = target - (OPJ_OFF_T)source->offset;
    if (count != 0 && moved == 0) return -1;
    source->offset = (OPJ_SIZE_T)target;
    return moved;
}

static OPJ_BOOL arbiter_opj_seek(OPJ_OFF_T offset, void *user) {
    arbiter_opj_source *source = (arbiter_opj_source *)user;
    if (offset < 0 || (OPJ_SIZE_T)offset > source->length) return OPJ_FALSE;
    source->offset = (OPJ_SIZE_T)offset;
    return OPJ_TRUE;
}

static void arbiter_opj_error(const char *message, void *user) {
    arbiter_opj_source *source = (arbiter_opj_source *)user;
    if (source->message[0] == 0) {
        strncpy(source->message, message, sizeof source->message - 1);
        source->message[sizeof source->message - 1] = 0;
        size_t length = strlen(source->message);
        while (length > 0 && (source->message[length - 1] == '\n' || source->message[length - 1] == ' '))
            source->message[--length] = 0;
    }
}

static void arbiter_opj_quiet(const char *message, void *user) { (void)message; (void)user; }

/// Decodes a JPEG 2000 codestream (or a JP2 file, when `jp2` is 1) held in memory with `threads` worker threads.
/// On success returns the image (free it with opj_image_destroy) after checking it is `width` x `height` with
/// 3 or more 8-bit components none larger than the image; otherwise NULL with the reason in `source->message`.
/// With `area` (x0, y0, x1, y1), only that rectangle is decoded (component planes then start at comps[c].x0, y0);
/// when the subsampling does not divide the tile, area[0] is set to -1 and NULL returned, to decode in full instead.
static inline opj_image_t *arbiter_opj_decode(arbiter_opj_source *source, int jp2, int threads,
                                              OPJ_UINT32 width, OPJ_UINT32 height, OPJ_INT32 *area) {
    opj_stream_t *stream = opj_stream_create(source->length < 65536 ? source->length : 65536, OPJ_TRUE);
    if (stream == NULL) { strcpy(source->message, "out of memory"); return NULL; }
    opj_stream_set_user_data(stream, source, NULL);
    opj_stream_set_user_data_length(stream, source->length);
    opj_stream_set_read_function(stream, arbiter_opj_read);
    opj_stream_set_skip_function(stream, arbiter_opj_skip);
    opj_stream_set_seek_function(stream, arbiter_opj_seek);
    opj_codec_t *codec = opj_create_decompress(jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    opj_setup_decoder(codec, &parameters);
    opj_set_error_handler(codec, arbiter_opj_error, source);
    opj_set_warning_handler(codec, arbiter_opj_quiet, source);
    opj_set_info_handler(codec, arbiter_opj_quiet, source);
    if (threads > 1) opj_codec_set_threads(codec, threads);
    opj_image_t *image = NULL;
    int ok = opj_read_header(stream, codec, &image);
    if (!ok && source->message[0] == 0) strcpy(source->message, "cannot read the JPEG 2000 header");
    if (ok && (image->x1 - image->x0 != width || image->y1 - image->y0 != height)) {
        snprintf(source->message, sizeof source->message, "JPEG 2000 image is %ux%u, the tile is %ux%u",
                 image->x1 - image->x0, image->y1 - image->y0, width, height);
        ok = 0;
    }
    if (ok && image->numcomps < 3 && image->numcomps != 1) {
        snprintf(source->message, sizeof source->message, "expected 1, 3 or 4 components, found %u", image->numcomps);
        ok = 0;
    }
    for (OPJ_UINT32 c = 0; ok && c < image->numcomps; c++) {
        if (image->comps[c].prec != 8 || image->comps[c].dx == 0 || image->comps[c].dy == 0) {
            snprintf(source->message, sizeof source->message, "component %u has precision %u (only 8 is read)",
                     c, image->comps[c].prec);
            ok = 0;
        }
    }
    if (ok && area != NULL) {
        for (OPJ_UINT32 c = 0; ok && c < image->numcomps; c++) {
            if (width % image->comps[c].dx != 0 || height % image->comps[c].dy != 0 || image->x0 != 0 || image->y0 != 0) {
                strcpy(source->message, "subsampling does not divide the tile: no area decoding");
                ok = 0;
                *area = -1;
            }
        }
        if (ok && !opj_set_decode_area(codec, image, area[0], area[1], area[2], area[3])) {
            if (source->message[0] == 0) strcpy(source->message, "cannot set the JPEG 2000 decode area");
            ok = 0;
        }
    }
    if (ok) {
        ok = opj_decode(codec, stream, image);
        if (!ok && source->message[0] == 0) strcpy(source->message, "cannot decode the JPEG 2000 codestream");
    }
    for (OPJ_UINT32 c = 0; ok && c < image->numcomps; c++) {
        opj_image_comp_t *comp = &image->comps[c];
        if (comp->data == NULL || comp->w == 0 || comp->h == 0 || comp->w > width || comp->h > height ||
            comp->x0 > width || comp->y0 > height) {
            snprintf(source->message, sizeof source->message, "component %u decoded to %ux%u", c, comp->w, comp->h);
            ok = 0;
        }
    }
    opj_destroy_codec(codec);
    opj_stream_destroy(stream);
    if (!ok) {
        if (image != NULL) opj_image_destroy(image);
        return NULL;
    }
    return image;
}

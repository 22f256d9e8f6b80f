/* How much decoding a window of a tile costs against decoding the whole tile, through Arbiter's own C shims
   (OpenJPEG decode area; libjpeg-turbo crop and skip), on 200 tiles of a benchmark slide. Windows are anchored at
   the tile's top-left (leading) or bottom-right (trailing) corner; each cost is the mean over the tiles, divided
   by the whole-tile decode measured in the same pass. For JPEG it also prints what creating, starting and
   destroying a decompressor costs, without decoding anything. */
#include <stdlib.h>
#include <time.h>
#ifdef JPEG2000
#include "shim_openjpeg.h"
#else
#include "shim_jpeg.h"
#endif

static unsigned char *tiles[200], *tables;
static unsigned lengths[200], tables_length;
static unsigned char pixels[1024 * 1024 * 4];

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

static void decode(int i, int size, int x0, int y0, int x1, int y1, int whole) {
#ifdef JPEG2000
    arbiter_opj_source source = {0};
    source.data = tiles[i];
    source.length = lengths[i];
    int area[4] = {x0, y0, x1, y1};
    opj_image_t *image = arbiter_opj_decode(&source, 0, 1, size, size, whole ? NULL : area);
    if (image == NULL) { fprintf(stderr, "tile %d: %s\n", i, source.message); exit(1); }
    opj_image_destroy(image);
#else
    char message[JMSG_LENGTH_MAX];
    int ok = whole ? arbiter_jpeg_decode(tables, tables_length, tiles[i], lengths[i], JCS_YCbCr, 0, pixels, size, size, message)
                   : arbiter_jpeg_decode_window(tables, tables_length, tiles[i], lengths[i], JCS_YCbCr, pixels, (size_t)size * 4,
                                                size, size, x0, y0, x1 - x0, y1 - y0, message);
    if (!ok) { fprintf(stderr, "tile %d: %s\n", i, message); exit(1); }
#endif
}

static double cost(int size, int x0, int y0, int x1, int y1, int whole) {
    double start = now();
    for (int i = 0; i < 200; i++) decode(i, size, x0, y0, x1, y1, whole);
    return (now() - start) / 200;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: window-cost TILES TILE_SIZE\n"); return 2; }
    FILE *file = fopen(argv[1], "rb");
    int size = atoi(argv[2]);
    if (file == NULL || fread(&tables_length, 4, 1, file) != 1) return 1;
    tables = malloc(tables_length + 1);
    if (fread(tables, 1, tables_length, file) != tables_length) return 1;
    for (int i = 0; i < 200; i++) {
        if (fread(&lengths[i], 4, 1, file) != 1) return 1;
        tiles[i] = malloc(lengths[i]);
        if (fread(tiles[i], 1, lengths[i], file) != lengths[i]) return 1;
    }
    int sides[] = {16, size / 4, size / 2, size * 3 / 4, size - 8};
    for (int trailing = 0; trailing < 2; trailing++) {
        printf("%s windows, cost / whole tile (rows: height, columns: width %d %d %d %d %d)\n",
               trailing ? "trailing (bottom-right)" : "leading (top-left)", sides[0], sides[1], sides[2], sides[3], sides[4]);
        for (int h = 0; h < 5; h++) {
            printf("  %4d:", sides[h]);
            for (int w = 0; w < 5; w++) {
                double whole = cost(size, 0, 0, size, size, 1);
                double part = trailing ? cost(size, size - sides[w], size - sides[h], size, size, 0)
                                       : cost(size, 0, 0, sides[w], sides[h], 0);
                printf(" %5.2f", part / whole);
            }
            printf("\n");
        }
    }
    printf("whole tile: %.1f us\n", cost(size, 0, 0, size, size, 1) * 1e6);
#ifndef JPEG2000
    double start = now();
    for (int i = 0; i < 200; i++) {
        struct jpeg_decompress_struct info;
        arbiter_jpeg_error error;
        memset(&info, 0, sizeof info);
        info.err = arbiter_jpeg_errors(&error);
        if (setjmp(error.recovery)) return 1;
        arbiter_jpeg_read_headers(&info, &error, tables, tables_length, tiles[i], lengths[i], JCS_YCbCr);
        info.out_color_space = JCS_EXT_RGBA;
        jpeg_start_decompress(&info);
        jpeg_abort_decompress(&info);
        jpeg_destroy_decompress(&info);
    }
    printf("decompressor create, headers, start, destroy (no decoding): %.1f us\n", (now() - start) / 200 * 1e6);
#endif
    return 0;
}

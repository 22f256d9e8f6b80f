#include <png.h>
#include <stdio.h>
#include <string.h>

/// libpng's simplified write API, wrapped because its format and version constants are composite macros.
/// Writes 8-bit pixels with 1 (grey), 3 (RGB) or 4 (RGBA) channels into a malloc'ed buffer the caller frees.
/// Returns 0 and fills `message` (at least 64 bytes) on failure.
static inline int arbiter_png_encode(const void *pixels, unsigned width, unsigned height, int channels,
                                     void **out, size_t *out_size, char *message) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = width;
    image.height = height;
    image.format = channels == 4 ? PNG_FORMAT_RGBA : channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&image, NULL, &size, 0, pixels, 0, NULL)) {
        strncpy(message, image.message, 63); message[63] = 0;
        return 0;
    }
    void *buffer = malloc(size);
    if (buffer == NULL) { strcpy(message, "out of memory"); return 0; }
    if (!png_image_write_to_memory(&image, buffer, &size, 0, pixels, 0, NULL)) {
        strncpy(message, image.message, 63); message[63] = 0;
        free(buffer);
        return 0;
    }
    *out = buffer;
    *out_size = size;
    return 1;
}

/// Decodes a PNG held in memory to 8-bit pixels (1, 3 or 4 channels, as asked) into a buffer the caller frees.
/// Images of more than `max_pixels` are refused from their header, before anything is allocated. Transparency is
/// composited onto black: libpng's simplified API blends onto what the buffer holds, so the buffer starts zeroed.
static inline int arbiter_png_decode(const void *data, size_t size, int channels, unsigned long long max_pixels,
                                     void **out, unsigned *width, unsigned *height, char *message) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, size)) {
        strncpy(message, image.message, 63); message[63] = 0;
        return 0;
    }
    if ((unsigned long long)image.width * image.height > max_pixels) {
        snprintf(message, 64, "%ux%u pixels, over the limit of %llu", image.width, image.height, max_pixels);
        png_image_free(&image);
        return 0;
    }
    image.format = channels == 4 ? PNG_FORMAT_RGBA : channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
    size_t bytes = PNG_IMAGE_SIZE(image);
    void *buffer = calloc(bytes, 1);
    if (buffer == NULL) { png_image_free(&image); strcpy(message, "out of memory"); return 0; }
    if (!png_image_finish_read(&image, NULL, buffer, 0, NULL)) {
        strncpy(message, image.message, 63); message[63] = 0;
        free(buffer);
        return 0;
    }
    *out = buffer;
    *width = image.width;
    *height = image.height;
    return 1;
}

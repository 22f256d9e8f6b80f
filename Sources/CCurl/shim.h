#include <stddef.h>
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: these fixed-arity wrappers give each
   option's argument type a name. The caller picks the wrapper that matches the option (see curl_easy_setopt(3)). */

static inline CURLcode arbiter_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode arbiter_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode arbiter_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode arbiter_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode arbiter_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// CURLOPT_READFUNCTION: libcurl asks for up to `size * count` bytes of the upload into `buffer`.
typedef size_t (*arbiter_curl_read_callback)(char *buffer, size_t size, size_t count, void *context);

static inline CURLcode arbiter_curl_setopt_read_function(CURL *handle, arbiter_curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

/// CURLOPT_XFERINFOFUNCTION: called about once a second (and while connecting); nonzero aborts the transfer.
typedef int (*arbiter_curl_progress_callback)(void *context, curl_off_t download_total, curl_off_t download_now,
                                              curl_off_t upload_total, curl_off_t upload_now);

static inline CURLcode arbiter_curl_setopt_progress_function(CURL *handle, arbiter_curl_progress_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

static inline CURLcode arbiter_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Limits the handle to SMTP and SMTPS: CURLOPT_PROTOCOLS_STR from curl 7.85, the deprecated bit mask before it.
/// Chosen here at compile time, so Swift sees neither the version macro nor the deprecated option.
static inline CURLcode arbiter_curl_allow_smtp_only(CURL *handle) {
#if LIBCURL_VERSION_NUM >= 0x075500
    return curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
    return curl_easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
}

/* Macros Swift does not import as values. */
static inline long arbiter_curl_global_default(void) { return CURL_GLOBAL_DEFAULT; }
static inline size_t arbiter_curl_error_size(void) { return CURL_ERROR_SIZE; }
static inline size_t arbiter_curl_read_abort(void) { return CURL_READFUNC_ABORT; }

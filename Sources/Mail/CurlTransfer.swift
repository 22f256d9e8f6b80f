import Foundation
internal import CCurl

/// One SMTP delivery through libcurl's easy interface. `perform()` blocks for up to the timeout, so it runs on a
/// thread of its own (see `SMTPMailSender`), never on Swift's cooperative pool. libcurl speaks SMTP (EHLO, STARTTLS,
/// AUTH, MAIL/RCPT/DATA and the dot-stuffing of the body); this type only sets options and maps failures.
struct CurlTransfer: Sendable {
    let settings: SMTPSettings
    let recipient: String
    let upload: CurlUpload

    /// libcurl's process-wide set-up, done before the first handle. `curl_easy_init` would otherwise do it implicitly,
    /// and that call is not thread-safe; a static `let` is initialised exactly once whichever thread gets here first.
    private static let globalSetup: UInt32 = curl_global_init(arbiter_curl_global_default()).rawValue

    /// Sends the upload to the recipient; throws `MailError`, or `CancellationError` if `upload` was cancelled.
    func perform() throws {
        guard Self.globalSetup == CURLE_OK.rawValue else {
            throw failure(Int(Self.globalSetup), "curl_global_init failed (code \(Self.globalSetup))")
        }
        // The buffer, the list and the context outlive the handle: libcurl may write an error or call back while
        // `curl_easy_cleanup` closes the connection, and the handle's `defer`, declared last, runs first.
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: arbiter_curl_error_size())
        errorBuffer.initialize(repeating: 0, count: arbiter_curl_error_size())
        defer { errorBuffer.deallocate() }
        guard let recipients = curl_slist_append(nil, "<\(recipient)>") else {
            throw failure(nil, "curl_slist_append returned no list")
        }
        defer { curl_slist_free_all(recipients) }
        let context = Unmanaged.passRetained(upload)
        defer { context.release() }
        guard let handle = curl_easy_init() else { throw failure(nil, "curl_easy_init returned no handle") }
        defer { curl_easy_cleanup(handle) }
        try configure(handle, errorBuffer: errorBuffer, recipients: recipients, context: context.toOpaque())
        let code = curl_easy_perform(handle)
        if code == CURLE_ABORTED_BY_CALLBACK && upload.isCancelled { throw CancellationError() }
        guard code == CURLE_OK else { throw failure(code, handle: handle, errorBuffer: errorBuffer) }
    }

    private func configure(
        _ handle: UnsafeMutableRawPointer, errorBuffer: UnsafeMutablePointer<CChar>,
        recipients: UnsafeMutablePointer<curl_slist>, context: UnsafeMutableRawPointer
    ) throws(MailError) {
        try check(arbiter_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
        try check(arbiter_curl_allow_smtp_only(handle), "CURLOPT_PROTOCOLS_STR")
        try check(arbiter_curl_setopt_string(handle, CURLOPT_URL, settings.url), "CURLOPT_URL")
        try check(arbiter_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(settings.from)>"), "CURLOPT_MAIL_FROM")
        try check(arbiter_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients), "CURLOPT_MAIL_RCPT")
        let tls = settings.requiresSTARTTLS ? CURLUSESSL_ALL : CURLUSESSL_TRY
        try check(arbiter_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(tls.rawValue)), "CURLOPT_USE_SSL")
        if let username = settings.username {
            try check(arbiter_curl_setopt_string(handle, CURLOPT_USERNAME, username), "CURLOPT_USERNAME")
        }
        if let password = settings.password {
            try check(arbiter_curl_setopt_string(handle, CURLOPT_PASSWORD, password), "CURLOPT_PASSWORD")
        }
        try check(arbiter_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, settings.timeoutSeconds), "CURLOPT_CONNECTTIMEOUT")
        try check(arbiter_curl_setopt_long(handle, CURLOPT_TIMEOUT, settings.timeoutSeconds), "CURLOPT_TIMEOUT")
        // Timeouts without SIGALRM, which would hit an arbitrary thread of this process.
        try check(arbiter_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "CURLOPT_NOSIGNAL")
        try configureUpload(handle, context: context)
    }

    /// The body comes from `upload` through the read callback; the progress callback lets a cancelled task stop a
    /// transfer that is still connecting or waiting on the server.
    private func configureUpload(_ handle: UnsafeMutableRawPointer, context: UnsafeMutableRawPointer) throws(MailError) {
        try check(arbiter_curl_setopt_long(handle, CURLOPT_UPLOAD, 1), "CURLOPT_UPLOAD")
        let size = curl_off_t(upload.count)
        try check(arbiter_curl_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, size), "CURLOPT_INFILESIZE_LARGE")
        try check(arbiter_curl_setopt_pointer(handle, CURLOPT_READDATA, context), "CURLOPT_READDATA")
        let read = arbiter_curl_setopt_read_function(handle) { buffer, size, count, context in
            guard let buffer, let context else { return arbiter_curl_read_abort() }
            let upload = Unmanaged<CurlUpload>.fromOpaque(context).takeUnretainedValue()
            if upload.isCancelled { return arbiter_curl_read_abort() }
            return upload.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
        }
        try check(read, "CURLOPT_READFUNCTION")
        try check(arbiter_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context), "CURLOPT_XFERINFODATA")
        let progress = arbiter_curl_setopt_progress_function(handle) { context, _, _, _, _ in
            guard let context else { return 0 }
            return Unmanaged<CurlUpload>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
        }
        try check(progress, "CURLOPT_XFERINFOFUNCTION")
        try check(arbiter_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0), "CURLOPT_NOPROGRESS")
    }

    /// Throws unless libcurl accepted `option` (an older libcurl may lack one, or have been built without SMTP).
    private func check(_ code: CURLcode, _ option: String) throws(MailError) {
        guard code != CURLE_OK else { return }
        throw failure(Int(code.rawValue), "libcurl refused \(option): \(String(cString: curl_easy_strerror(code)))")
    }

    /// A failed `curl_easy_perform`: libcurl's detailed message, its summary of the code and the server's last reply.
    private func failure(
        _ code: CURLcode, handle: UnsafeMutableRawPointer, errorBuffer: UnsafeMutablePointer<CChar>
    ) -> MailError {
        let detail = String(cString: errorBuffer)
        let summary = String(cString: curl_easy_strerror(code))
        var reply = 0
        _ = arbiter_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply)
        var reason = detail.isEmpty ? summary : "\(detail) (\(summary))"
        if reply != 0 { reason += "; the server's last reply was \(reply)" }
        return failure(Int(code.rawValue), reason)
    }

    /// A `MailError` for this transfer. libcurl does not echo the password, but a message is checked anyway.
    private func failure(_ code: Int?, _ reason: String) -> MailError {
        var reason = reason
        if let password = settings.password, !password.isEmpty {
            reason = reason.replacingOccurrences(of: password, with: "(password)")
        }
        let codeText = code.map { " [CURLcode \($0)]" } ?? ""
        return .transfer(recipient: recipient, server: settings.url, curlCode: code, reason + codeText)
    }
}

/// What a new password must be, wherever one is chosen (the sign-up and reset pages, `arbiter account create`).
public enum PasswordPolicy {
    public static let minimumCharacters = 10

    /// Why a password cannot be used, or nil. `email`, when known, must not be the password.
    public static func problem(with password: String, email: EmailAddress?) -> String? {
        if password.count < minimumCharacters { return "a password needs at least \(minimumCharacters) characters" }
        if password.utf8.count > PasswordHash.maximumPasswordBytes { return "a password may have at most \(PasswordHash.maximumPasswordBytes) bytes" }
        if let email, password.lowercased() == email.key || password.lowercased() == email.key.split(separator: "@").first.map(String.init) {
            return "a password must not be your e-mail address"
        }
        return nil
    }
}

/// What a single-use link mailed to an account's address does when it comes back.
public enum AccountLinkPurpose: String, Sendable, CaseIterable {
    /// Proves the address: the account is verified.
    case verify
    /// Lets the holder choose a new password.
    case reset
}

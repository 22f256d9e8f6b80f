import Mail
import Store

/// The mails an account receives, in plain words, each with the one link it is about. No mail says more than its
/// recipient could learn by signing in.
enum AccountMail {
    static func verification(to email: EmailAddress, link: String) -> MailMessage {
        MailMessage(to: email.text, subject: "Confirm your e-mail address for Arbiter", text: """
            Someone, we hope you, signed up to Arbiter with this address.

            To confirm it, open this link within 48 hours:

            \(link)

            If it was not you, ignore this mail: no account is used without this confirmation.
            """)
    }

    /// Sent instead of a verification when the address already has an account, so that signing up tells the person
    /// at the form nothing, and the owner learns of the attempt.
    static func alreadyRegistered(to email: EmailAddress, signIn: String, reset: String) -> MailMessage {
        MailMessage(to: email.text, subject: "You already have an Arbiter account", text: """
            Someone, perhaps you, tried to sign up to Arbiter with this address, which already has an account.

            Sign in: \(signIn)
            Forgotten your password? Choose a new one: \(reset)

            If it was not you, ignore this mail: nothing has changed.
            """)
    }

    static func reset(to email: EmailAddress, link: String) -> MailMessage {
        MailMessage(to: email.text, subject: "Choose a new Arbiter password", text: """
            Someone, we hope you, asked to choose a new password for the Arbiter account of this address.

            Open this link within an hour to choose one:

            \(link)

            Choosing a new password signs you out everywhere. If it was not you, ignore this mail: your password stays as it is.
            """)
    }
}

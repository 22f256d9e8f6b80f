extension EmailAddress {
    /// An address read back from the database, where only valid ones are written: one that no longer parses is a
    /// damaged row, reported as such rather than shown as some other address.
    static func stored(_ text: String, table: String, key: Int64) throws -> EmailAddress {
        guard let address = EmailAddress(text) else {
            throw StoreError.corruptValue(table: table, column: "email", key: "#\(key)", reason: "\"\(text)\" is not an e-mail address")
        }
        return address
    }
}

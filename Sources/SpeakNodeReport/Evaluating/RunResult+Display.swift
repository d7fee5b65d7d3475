extension RunResult {
    /// The first 8 characters of the run id, enough to tell runs apart in a summary.
    public var shortID: String { String(id.prefix(8)) }

    /// `campaign (short id)` when the run had a campaign name, else the short id.
    public var displayName: String {
        if let campaignName { return "\(campaignName) (\(shortID))" }
        return shortID
    }

    /// Whether no test of the run failed or errored.
    public var isSuccessful: Bool { counts.unsuccessful == 0 }
}

/// The version `--version` prints and the reports name. Change it here only.
public enum ToolVersion {
    public static let current = "0.1.0"
}

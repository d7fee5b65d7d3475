/// ANSI colours for standard error, or plain text when colour is off.
struct TerminalStyle: Sendable {
    var isEnabled: Bool

    enum Color: String, Sendable {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case bold = "1"
    }

    /// `text` in `color`, or `text` unchanged when colour is off.
    func paint(_ text: String, _ color: Color) -> String {
        isEnabled ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}

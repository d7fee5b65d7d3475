/// Writes compact JSON text into a byte buffer, escaping strings the way a webhook sender does.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next member or element needs a comma before it, one flag per open container.
    private var needsComma: [Bool] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    mutating func endObject() { needsComma.removeLast(); bytes.append(UInt8(ascii: "}")) }
    mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    mutating func endArray() { needsComma.removeLast(); bytes.append(UInt8(ascii: "]")) }

    mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        // The value that follows belongs to this key: no comma before it.
        needsComma[needsComma.count - 1] = false
        pendingValueAfterKey = true
    }

    private var pendingValueAfterKey = false

    mutating func string(_ text: String) { separate(); writeString(text) }
    mutating func number(_ value: Double) { separate(); bytes.append(contentsOf: Array(Self.text(of: value).utf8)) }
    mutating func bool(_ flag: Bool) { separate(); bytes.append(contentsOf: Array((flag ? "true" : "false").utf8)) }
    mutating func null() { separate(); bytes.append(contentsOf: Array("null".utf8)) }

    mutating func field(_ name: String, _ text: String?) {
        key(name)
        if let text { string(text) } else { null() }
    }

    mutating func field(_ name: String, _ value: Double) {
        key(name)
        number(value)
    }

    mutating func field(_ name: String, _ flag: Bool) {
        key(name)
        bool(flag)
    }

    private mutating func separate() {
        if pendingValueAfterKey {
            pendingValueAfterKey = false
        } else if let last = needsComma.last, last {
            bytes.append(UInt8(ascii: ","))
        }
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true }
    }

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 15)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Numbers as a JSON sender writes them: integers without a fraction, else up to 3 decimals.
    private static func text(of value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let thousandths = (value * 1000).rounded()
        let whole = Int64(thousandths / 1000)
        var fraction = String(Int64(abs(thousandths)) % 1000)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && whole == 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}

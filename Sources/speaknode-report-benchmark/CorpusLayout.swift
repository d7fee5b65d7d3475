import Foundation

/// How the generated deliveries are laid out on disk, as a webhook receiver might store them.
enum CorpusLayout: String, CaseIterable {
    /// One `.json` file per delivery.
    case files
    /// Four `.ndjson` files, one delivery per line.
    case ndjson
    /// Four `.json` files, each a JSON array of deliveries.
    case array

    /// Writes `deliveries` into `folder` (created if needed) and returns the paths written, sorted.
    func write(_ deliveries: [[UInt8]], into folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        switch self {
        case .files:
            let digits = String(deliveries.count).count
            for (index, delivery) in deliveries.enumerated() {
                let number = String(index)
                let name = String(repeating: "0", count: digits - number.count) + number
                let path = "\(folder)/delivery-\(name).json"
                try Self.write(delivery, to: path)
                paths.append(path)
            }
        case .ndjson, .array:
            let fileCount = min(4, max(1, deliveries.count))
            let perFile = (deliveries.count + fileCount - 1) / fileCount
            for file in 0..<fileCount {
                let part = deliveries[min(file * perFile, deliveries.count)..<min((file + 1) * perFile, deliveries.count)]
                var bytes: [UInt8] = []
                bytes.reserveCapacity(part.reduce(0) { $0 + $1.count + 2 } + 2)
                if self == .array { bytes.append(UInt8(ascii: "[")) }
                for (index, delivery) in part.enumerated() {
                    if self == .array && index > 0 { bytes.append(contentsOf: Array(",\n".utf8)) }
                    bytes.append(contentsOf: delivery)
                    if self == .ndjson { bytes.append(UInt8(ascii: "\n")) }
                }
                if self == .array { bytes.append(UInt8(ascii: "]")) }
                let path = "\(folder)/part-\(file).\(self == .array ? "json" : "ndjson")"
                try Self.write(bytes, to: path)
                paths.append(path)
            }
        }
        return paths
    }

    private static func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw BenchmarkError("cannot write \(path)")
        }
    }
}

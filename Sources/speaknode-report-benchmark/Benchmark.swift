import Dispatch
import Foundation
import SpeakNodeReport

/// The measurements, in the order they are printed.
struct Benchmark {
    var options: Options

    func run() throws {
        let folder: String
        var removeAfterwards = false
        if let corpus = options.corpus {
            folder = corpus
        } else {
            folder = options.keep ?? NSTemporaryDirectory() + "speaknode-benchmark-\(getpid())"
            removeAfterwards = options.keep == nil
            let start = ContinuousClock.now
            let deliveries = CorpusGenerator(deliveryCount: options.deliveries).deliveries()
            _ = try options.layout.write(deliveries, into: folder)
            print("Generated \(deliveries.count) deliveries (\(options.layout.rawValue)) in \(folder) "
                + "in \(Statistics.milliseconds(start.duration(to: .now).seconds))")
        }
        defer { if removeAfterwards { try? FileManager.default.removeItem(atPath: folder) } }

        let paths = try Self.deliveryFiles(in: folder)
        let inputBytes = try paths.reduce(0) { total, path in
            total + ((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        print("Input: \(paths.count) files, \(Statistics.megabytes(inputBytes)); "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores; medians of \(options.runs) runs\n")

        try measureStages(paths: paths, inputBytes: inputBytes)
        if options.timesProcesses {
            try measureProcesses(folder: folder, paths: paths, inputBytes: inputBytes)
        }
    }

    // MARK: In-process stages

    /// Renders every format into sinks that count the bytes and drop them; the total.
    private static func renderStreamed(
        _ report: Report, _ formats: [ReportFormat], _ renderer: ReportRenderer, _ options: RenderOptions
    ) throws -> Int {
        let counters = formats.map { _ in ByteCounter() }
        let results = renderer.render(report, as: formats, options: options, into: counters.map { counter in { counter.add($0) } })
        for result in results { try result.get() }
        return counters.reduce(0) { $0 + $1.count }
    }

    private func measureStages(paths: [String], inputBytes: Int) throws {
        let renderer = ReportRenderer(templates: try TemplateSet())
        let renderOptions = RenderOptions()
        let formats = ReportFormat.allCases
        var times: [String: [Double]] = [:]
        var memoryPeak: [String: Int] = [:]
        var deliveryCount = 0, problemCount = 0, testCount = 0

        func stage<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            PeakMemory.reset()
            let start = ContinuousClock.now
            let result = try body()
            times[name, default: []].append(start.duration(to: .now).seconds)
            memoryPeak[name] = max(memoryPeak[name] ?? 0, PeakMemory.current())
            return result
        }

        for _ in 0..<options.runs {
            let contents = try stage("read") { try Self.readAll(paths) }
            let batch = stage("decode") { Self.decodeAll(contents, paths: paths) }
            let collection = stage("collect") { Collector().collect(batch.deliveries) }
            let report = stage("evaluate") { Evaluator().evaluate(collection, problems: batch.problems) }
            _ = stage("build template context") { ReportContext(report: report, options: renderOptions).value }
            // Each format alone, as `render --junit/--markdown/--html` would: its context included.
            for format in formats {
                _ = try stage("render \(format.rawValue)") { try renderer.render(report, as: format, options: renderOptions) }
            }
            // As the command does: every report streamed piece by piece (here, counted and dropped).
            _ = try stage("context + all renders, concurrently") {
                try Self.renderStreamed(report, formats, renderer, renderOptions)
            }
            _ = try stage("whole pipeline (reader → reports)") {
                let (report, _) = ReportPipeline().makeReport(from: paths)
                return try Self.renderStreamed(report, formats, renderer, renderOptions)
            }
            deliveryCount = batch.deliveries.count
            problemCount = batch.problems.count
            testCount = report.runs.reduce(0) { $0 + $1.tests.count }
        }

        print("Decoded \(deliveryCount) deliveries (\(problemCount) problems) into \(testCount) tests\n")
        print(Statistics.padded("Stage", 36) + Statistics.padded("median", 12, right: true)
            + Statistics.padded("throughput", 14, right: true) + Statistics.padded("peak RSS", 14, right: true))
        let order = ["read", "decode", "collect", "evaluate", "build template context"]
            + formats.map { "render \($0.rawValue)" }
            + ["context + all renders, concurrently", "whole pipeline (reader → reports)"]
        for name in order {
            let median = Statistics.median(times[name] ?? [])
            let perInput = ["read", "decode", "whole pipeline (reader → reports)"].contains(name)
            print(Statistics.padded(name, 36)
                + Statistics.padded(Statistics.milliseconds(median), 12, right: true)
                + Statistics.padded(perInput ? Statistics.throughput(bytes: inputBytes, seconds: median) : "", 14, right: true)
                + Statistics.padded(Statistics.megabytes(memoryPeak[name] ?? 0), 14, right: true))
        }
        print("(peak RSS: this process's resident memory high-water mark during the stage, including what\n"
            + " earlier stages still hold; the whole pipeline's peak is the one to compare with the input size)\n")
    }

    static func readAll(_ paths: [String]) throws -> [[UInt8]] {
        try paths.map { path in try FileReading.readFile(atPath: path) }
    }

    /// Decodes every file's bytes, files in parallel as ``DeliveryReader`` does.
    static func decodeAll(_ contents: [[UInt8]], paths: [String]) -> InputBatch {
        let decoder = DeliveryContentsDecoder()
        let batches = LockedSlots<InputBatch>(count: contents.count)
        DispatchQueue.concurrentPerform(iterations: contents.count) { index in
            batches[index] = decoder.decode(contents[index], file: paths[index], format: InputFormat(path: paths[index]))
        }
        var all = InputBatch()
        for batch in batches.values { all.append(contentsOf: batch ?? InputBatch()) }
        return all
    }

    // MARK: Whole processes

    private func measureProcesses(folder: String, paths: [String], inputBytes: Int) throws {
        let tool = Self.siblingExecutable("speaknode-report")
        let output = NSTemporaryDirectory() + "speaknode-benchmark-out-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: output) }
        var commands: [(name: String, process: ChildProcess)] = [
            ("speaknode-report render", ChildProcess(executable: tool, arguments: ["render", folder, "--out", output, "--fail-on", "never"]))
        ]
        if let cat = ChildProcess.find("cat") {
            commands.append(("cat > /dev/null", ChildProcess(executable: cat, arguments: paths)))
        }
        if let jq = ChildProcess.find("jq") {
            // Files holding JSON arrays need `.[]` first.
            let filter = (Self.holdsArrays(paths.first) ? ".[] | " : "") + "[.data.test_run_id,.data.test_id]"
            commands.append(("jq -c '\(filter)'", ChildProcess(executable: jq, arguments: ["-c", filter] + paths)))
        }
        var medians: [String: Double] = [:]
        print(Statistics.padded("Process (warm cache)", 44) + Statistics.padded("median", 12, right: true)
            + Statistics.padded("throughput", 14, right: true) + Statistics.padded("peak RSS", 14, right: true)
            + Statistics.padded("CPU time", 12, right: true))
        for (name, process) in commands {
            _ = try process.run()  // warm-up, and the file cache
            var costs: [ChildProcess.Cost] = []
            for _ in 0..<options.runs { costs.append(try process.run()) }
            if let failed = costs.first(where: { $0.exitStatus != 0 && !name.hasPrefix("speaknode") }) {
                print("  (\(name) exited with status \(failed.exitStatus))")
            }
            let median = Statistics.median(costs.map(\.seconds))
            medians[name] = median
            print(Statistics.padded(name, 44)
                + Statistics.padded(Statistics.milliseconds(median), 12, right: true)
                + Statistics.padded(Statistics.throughput(bytes: inputBytes, seconds: median), 14, right: true)
                + Statistics.padded(Statistics.megabytes(costs.map(\.peakMemory).max() ?? 0), 14, right: true)
                + Statistics.padded(Statistics.milliseconds(Statistics.median(costs.map(\.cpuSeconds))), 12, right: true))
        }
        if let ours = medians["speaknode-report render"] {
            for (name, _) in commands.dropFirst() {
                if let other = medians[name], other > 0 {
                    print(String(format: "speaknode-report / %@: %.2f×", name, ours / other))
                }
            }
        }
    }

    /// Whether the file's JSON starts with `[`.
    static func holdsArrays(_ path: String?) -> Bool {
        guard let path, let bytes = try? FileReading.readFile(atPath: path) else { return false }
        return bytes.first { !asciiWhitespace.contains($0) } == UInt8(ascii: "[")
    }

    private static let asciiWhitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]

    /// An executable built next to this one (`.build/release/speaknode-report`).
    static func siblingExecutable(_ name: String) -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// The delivery files below `folder`, sorted, as the tool would find them.
    static func deliveryFiles(in folder: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw BenchmarkError("cannot read the folder \(folder)")
        }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard !name.hasPrefix("."), ["json", "ndjson", "jsonl"].contains((name as NSString).pathExtension.lowercased())
            else { continue }
            paths.append(folder + "/" + relative)
        }
        guard !paths.isEmpty else { throw BenchmarkError("no delivery files in \(folder)") }
        return paths.sorted()
    }
}

/// Slots filled concurrently, one per index, read once all are filled.
final class LockedSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { storage } }
}

/// Counts the UTF-8 bytes of the text a report is rendered into.
private final class ByteCounter: @unchecked Sendable {
    // Written by one rendering thread, read after it finished.
    private(set) var count = 0
    func add(_ piece: [UInt8]) { count += piece.count }
}

import Dispatch
import Foundation
import SpeakNodeReport

// speaknode-report-benchmark: generates a corpus of deliveries, runs every stage of the
// pipeline on it in process, then times the whole `speaknode-report` process against `cat`
// and `jq` over the same files. Run it from a release build:
//
//     swift run -c release speaknode-report-benchmark --deliveries 12000

let usage = """
    usage: speaknode-report-benchmark [--deliveries N] [--layout files|ndjson|array] [--runs N]
                                      [--keep DIR] [--corpus DIR] [--no-processes]

      --deliveries N   deliveries to generate (default 12000)
      --layout L       one file per delivery (files, default), 4 NDJSON files, or 4 JSON arrays
      --runs N         timed repetitions of every measurement; medians are shown (default 5)
      --keep DIR       write the corpus into DIR and keep it (default: a temporary folder, removed)
      --corpus DIR     measure an existing folder of deliveries instead of generating one
      --no-processes   skip timing the speaknode-report, cat and jq processes
    """

struct Options {
    var deliveries = 12_000
    var layout = CorpusLayout.files
    var runs = 5
    var keep: String?
    var corpus: String?
    var timesProcesses = true

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = remaining.popFirst() else { throw BenchmarkError("\(name) needs a value\n\n\(usage)") }
            return next
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--deliveries":
                guard let count = Int(try value(argument)), count > 0 else { throw BenchmarkError("--deliveries needs a positive number") }
                deliveries = count
            case "--layout":
                let name = try value(argument)
                guard let chosen = CorpusLayout(rawValue: name) else { throw BenchmarkError("unknown layout \(name)\n\n\(usage)") }
                layout = chosen
            case "--runs":
                guard let count = Int(try value(argument)), count > 0 else { throw BenchmarkError("--runs needs a positive number") }
                runs = count
            case "--keep": keep = try value(argument)
            case "--corpus": corpus = try value(argument)
            case "--no-processes": timesProcesses = false
            case "-h", "--help": throw BenchmarkError(usage)
            default: throw BenchmarkError("unknown argument \(argument)\n\n\(usage)")
            }
        }
    }
}

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    try Benchmark(options: options).run()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}

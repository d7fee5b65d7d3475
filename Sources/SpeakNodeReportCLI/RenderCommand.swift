#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SpeakNodeReport
import Synchronization

/// `speaknode-report render INPUT...`: reads deliveries and writes the reports.
///
/// Every path is checked before any input is read, so a typo in `--names` does not cost a
/// long read. Input that cannot be read is reported and left out; the reports are still
/// written for the rest.
struct RenderCommand {
    var arguments: ParsedArguments
    var console: Console

    func run() -> ExitCode {
        let setup: RenderSetup
        do {
            setup = try RenderSetup(arguments)
        } catch {
            console.writeErrorLine(error.message)
            return .usageOrInputError
        }

        if setup.inputs.contains("-"), console.standardInputIsTerminal {
            console.writeError("Reading deliveries from standard input; end with Ctrl-D.\n")
        }
        let reader = DeliveryReader(readStandardInput: console.readStandardInput)
        var pipeline = ReportPipeline(policy: setup.policy, names: setup.names, reader: reader)
        pipeline.budget = setup.insights.budget
        pipeline.latencyGate = setup.insights.latencyGate
        let (report, batch) = pipeline.makeReport(from: setup.inputs)
        // The deliveries as read are no longer needed: letting them go here, on the thread that
        // goes on to build the template context, held up the reports for every delivery freed.
        BackgroundRelease.release(consume batch)
        // With --ignore-invalid the problems are only warned about, in the summary below.
        let reported: Report = {
            var reported = report
            if setup.ignoresInvalidInput { reported.problems = [] }
            return reported
        }()
        let renderOptions: RenderOptions = {
            var options = setup.renderOptions
            options.baseline = setup.insights.comparison(with: report)
            return options
        }()

        let renderer = ReportRenderer(templates: setup.templates)
        var written: [WrittenFile] = []
        var errors: [String] = []
        // The template context is built once and the reports render concurrently, each written
        // to its file while it renders: a report of a hundred megabytes is never held whole.
        // The JSON summary is encoded and written to its still-unnamed file meanwhile.
        let files = setup.outputs.files
        let destinations = files.map(ReportDestination.init)
        let formats = files.map(\.format)
        let sinks = destinations.map(\.sink)
        let summaryFile = setup.outputs.summaryPath.map(SummaryFile.init)
        // Each file is put in place as soon as its report is done, while the others still
        // render: flushing the rest of a file and renaming it over a report of tens of megabytes
        // (which frees that one's pages) took tens of milliseconds a file, one after another,
        // once the slowest report was done. What comes out, and in which order it is told, is
        // the same: the results are read in order below.
        let commits = CommitResults(count: files.count)
        let (results, preparedSummary) = concurrently(
            {
                renderer.render(reported, as: formats, options: renderOptions, into: sinks) { index, rendered in
                    guard case .file(let file) = destinations[index] else { return }
                    commits.store(Result { () throws(CommandFailure) in try Self.commit(file, rendered, files[index]) }, at: index)
                }
            },
            { summaryFile.map { $0.prepareAndCommit(report) } })
        for (index, (file, destination)) in zip(files, destinations).enumerated() {
            do {
                if let committed = commits.result(at: index) {
                    try committed.get()
                } else {
                    try finish(destination, results[index], file)
                }
                written.append(file)
            } catch {
                errors.append(error.message)
            }
        }

        var summaryLines: [String] = []
        if let summaryFile, let preparedSummary {
            do {
                try summaryFile.finish(preparedSummary, console: console)
                summaryLines.append(summaryFile.writtenLine)
            } catch {
                errors.append(error.message)
            }
        }
        if let baseline = renderOptions.baseline {
            summaryLines.append(InsightsSummaryLine.baseline(baseline))
        }

        // Only the lines are kept: a `RunSummary` held to the end of this function would hold the
        // report, and the last reference, freeing every transcript, would go here rather than
        // on the background thread below.
        let lines = RunSummary(report: report, written: written, style: console.style).lines
        var text = (lines + summaryLines).map { $0 + "\n" }.joined()
        for message in errors {
            text += console.errorLine(message)
        }
        console.writeError(text)
        let exitCode = ExitCode(report: reported, failurePolicy: setup.failurePolicy, couldWriteEverything: errors.isEmpty)
        // Freeing every delivery, transcript and figure takes a good part of a second for ten
        // thousand conversations: it happens on another thread, so the command (and the process)
        // ends without waiting for it.
        BackgroundRelease.release([consume report, consume reported])
        return exitCode
    }

    /// Puts a rendered report in place: commits its file, or prints it; throws what went wrong.
    private func finish(
        _ destination: ReportDestination, _ rendered: Result<Void, any Error>, _ file: WrittenFile
    ) throws(CommandFailure) {
        if case .file(let written) = destination {
            try Self.commit(written, rendered, file)
            return
        }
        if case .failure(let error) = rendered { throw Self.renderFailure(error, file) }
        switch destination {
        case .unwritable(let failure):
            throw failure
        case .file:
            break
        case .standardOutput(let buffer):
            do {
                try console.writeOutput(buffer.text)
            } catch {
                throw CommandFailure("cannot write the \(file.format.displayName) to standard output: \(error)")
            }
        }
    }

    /// Puts a report rendered into `written` at its path, or throws what went wrong: a report
    /// that failed to render is thrown away, and the file at its path stays as it was.
    private static func commit(
        _ written: AtomicFile, _ rendered: Result<Void, any Error>, _ file: WrittenFile
    ) throws(CommandFailure) {
        if case .failure(let error) = rendered {
            written.discard()
            throw renderFailure(error, file)
        }
        try written.commit()
    }

    private static func renderFailure(_ error: any Error, _ file: WrittenFile) -> CommandFailure {
        CommandFailure("cannot render the \(file.format.displayName): \(error)")
    }
}

/// What putting each report file in place gave, stored from the thread that rendered it and
/// read once every report is done; no result for a report that is not written to a file.
private final class CommitResults: @unchecked Sendable {
    // Guarded by `lock`.
    private var results: [Result<Void, CommandFailure>?]
    private let lock = Mutex(())

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func store(_ result: Result<Void, CommandFailure>, at index: Int) {
        lock.withLock { _ in results[index] = result }
    }

    func result(at index: Int) -> Result<Void, CommandFailure>? {
        lock.withLock { _ in results[index] }
    }
}

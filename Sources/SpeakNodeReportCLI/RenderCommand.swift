#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SpeakNodeReport

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
        let (report, _) = pipeline.makeReport(from: setup.inputs)
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
        let destinations = setup.outputs.files.map(ReportDestination.init)
        let formats = setup.outputs.files.map(\.format)
        let sinks = destinations.map(\.sink)
        let summaryFile = setup.outputs.summaryPath.map(SummaryFile.init)
        let (results, preparedSummary) = concurrently(
            { renderer.render(reported, as: formats, options: renderOptions, into: sinks) },
            { summaryFile.map { $0.prepare(report) } })
        for ((file, destination), result) in zip(zip(setup.outputs.files, destinations), results) {
            do {
                try finish(destination, result, file)
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
        if case .failure(let error) = rendered {
            if case .file(let partial) = destination { partial.discard() }
            throw CommandFailure("cannot render the \(file.format.displayName): \(error)")
        }
        switch destination {
        case .unwritable(let failure):
            throw failure
        case .file(let complete):
            try complete.commit()
        case .standardOutput(let buffer):
            do {
                try console.writeOutput(buffer.text)
            } catch {
                throw CommandFailure("cannot write the \(file.format.displayName) to standard output: \(error)")
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SpeakNodeReportCLI

// A closed pipe (`speaknode-report --help | head -1`) should end output quietly, not kill
// the process with SIGPIPE: writes then fail with EPIPE and are dropped.
signal(SIGPIPE, SIG_IGN)
// A file size limit (`ulimit -f`) should fail the write with "File too large" and exit 2,
// like a full disk, not kill the process.
signal(SIGXFSZ, SIG_IGN)

let status = SpeakNodeReportCommandLine().run(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)

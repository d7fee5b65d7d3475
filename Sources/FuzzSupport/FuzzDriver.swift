import Foundation

/// The `main` shared by the fuzz targets.
///
/// Built with `-sanitize=fuzzer -D LIBFUZZER`, it hands the command line to libFuzzer, which
/// calls `testOneInput` with generated inputs. Built normally, it calls `testOneInput` once for
/// every file named on the command line (folders are read file by file, sorted), to replay a
/// corpus or a crash without the sanitizer.
public enum FuzzDriver {
    /// libFuzzer's `LLVMFuzzerTestOneInput` signature.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    public static func run(name: String, testOneInput: TestOneInput) -> Never {
        #if LIBFUZZER
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, testOneInput))
        #else
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            for file in filesToReplay(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("\(name): cannot read \(file)\n".utf8))
                    exit(2)
                }
                _ = data.withUnsafeBytes { bytes in
                    testOneInput(bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count)
                }
                count += 1
            }
        }
        print("\(name): replayed \(count) inputs without a crash")
        exit(0)
        #endif
    }

    /// `path` itself, or the regular files directly inside it, sorted.
    static func filesToReplay(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }
}

#if LIBFUZZER
/// libFuzzer's entry point for programs that have their own `main`, as SwiftPM executables do.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: FuzzDriver.TestOneInput
) -> Int32
#endif

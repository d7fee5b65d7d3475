#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file operation failed, in the system's words (`No such file or directory`), for
/// messages that name the file themselves.
public enum SystemErrorText {
    /// The reason of a Foundation file error: its POSIX error's when it has one, as every error
    /// of reading, listing or creating files does; otherwise the error as it describes itself.
    public static func reason(of error: any Error) -> String {
        if let posix = error as? POSIXError { return text(of: posix.code.rawValue) }
        if let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError {
            return text(of: posix.code.rawValue)
        }
        return String(describing: error)
    }

    /// The system's text for an `errno` value.
    public static func text(of code: Int32) -> String {
        String(cString: strerror(code))
    }
}

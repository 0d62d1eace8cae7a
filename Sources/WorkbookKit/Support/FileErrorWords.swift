#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Plain words for a file-system error: never an `NSError` dump or a Cocoa error number.
public enum FileErrorWords {
    /// A short phrase such as "permission denied" or "the disk is full".
    public static func describe(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return words(errno: posix.code.rawValue) }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return words(errno: Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return words(errno: Int32(underlying.code))
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
            case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "the disk is full"
            case .fileWriteFileExists: return "a file of that name already exists"
            case .fileWriteVolumeReadOnly: return "the disk is read-only"
            case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: return "the file cannot be read as text"
            case .fileReadTooLarge: return "the file is too large"
            default: return "the file system refused the operation"
            }
        }
        return "the file system refused the operation"
    }

    /// The words of an `errno` value, with "the disk is full" spelled out.
    public static func words(errno code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "the disk is full"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "it is a folder, not a file"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case ENOENT: return "no such file or folder"
        case EROFS: return "the disk is read-only"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}

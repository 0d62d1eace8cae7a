import Foundation

/// IANA time-zone names known to the system.
enum TimeZoneNames {
    static func isKnown(_ name: String) -> Bool { TimeZone(identifier: name) != nil }
}

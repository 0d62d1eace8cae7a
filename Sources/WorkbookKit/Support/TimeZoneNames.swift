import Foundation

/// IANA time-zone names known to the system.
enum TimeZoneNames {
    /// The zone named `name` (`UTC`, `Europe/Paris`), or `nil` when the system does not know it.
    static func zone(named name: String) -> TimeZone? { TimeZone(identifier: name) }
}

/// `value` followed by `unit` (`"2.0 in"`).
public func format(_ value: Double, unit: String) -> String {
    "\(value) \(unit)"
}

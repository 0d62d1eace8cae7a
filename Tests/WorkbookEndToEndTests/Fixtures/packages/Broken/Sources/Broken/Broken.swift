public func broken() -> Int {
    return "not a number"
}

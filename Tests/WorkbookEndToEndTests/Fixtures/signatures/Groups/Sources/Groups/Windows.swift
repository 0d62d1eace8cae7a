/// The overlapping subsequences of a given length of a collection.
public struct Windows<Base: Collection> {
    /// The collection the windows are taken from.
    public let base: Base
    /// The length of every window.
    public let size: Int

    /// The windows of `size` elements of `base`.
    public init(_ base: Base, size: Int) {
        precondition(size > 0, "a window holds at least one element")
        self.base = base
        self.size = size
    }

    /// How many windows there are.
    public var count: Int { Swift.max(0, base.count - size + 1) }

    /// The window that starts at the `offset`-th element.
    public subscript(offset offset: Int) -> Base.SubSequence {
        let start = base.index(base.startIndex, offsetBy: offset)
        return base[start..<base.index(start, offsetBy: size)]
    }

    /// Every window, in order.
    public var all: [Base.SubSequence] { (0..<count).map { self[offset: $0] } }
}

extension Collection {
    /// The overlapping subsequences of `count` elements.
    public func windows(ofCount count: Int) -> Windows<Self> {
        Windows(self, size: count)
    }
}

/// How many elements of `values` are greater than the one before.
public func increases<C: Collection>(in values: C) -> Int where C.Element: Comparable {
    zip(values, values.dropFirst()).filter { $0 < $1 }.count
}

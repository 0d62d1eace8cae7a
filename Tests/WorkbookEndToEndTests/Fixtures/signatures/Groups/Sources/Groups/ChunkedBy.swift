/// A collection of the runs of consecutive elements of a base collection that belong together.
public struct ChunkedByCollection<Base: Collection, Subject> {
    /// The collection the chunks are taken from.
    public let base: Base
    let belongInSameGroup: (Subject, Subject) -> Bool
    let projection: (Base.Element) -> Subject

    init(base: Base, projection: @escaping (Base.Element) -> Subject,
         belongInSameGroup: @escaping (Subject, Subject) -> Bool) {
        self.base = base
        self.projection = projection
        self.belongInSameGroup = belongInSameGroup
    }
}

extension ChunkedByCollection: Collection {
    public typealias Index = Base.Index

    public var startIndex: Base.Index { base.startIndex }
    public var endIndex: Base.Index { base.endIndex }

    /// The chunk that starts at `position`.
    public subscript(position: Base.Index) -> Base.SubSequence {
        base[position..<index(after: position)]
    }

    public func index(after i: Base.Index) -> Base.Index {
        guard i != base.endIndex else { return i }
        var previous = projection(base[i])
        var next = base.index(after: i)
        while next != base.endIndex {
            let current = projection(base[next])
            if !belongInSameGroup(previous, current) { break }
            previous = current
            base.formIndex(after: &next)
        }
        return next
    }
}

extension Collection {
    /// The runs of consecutive elements for which `belongInSameGroup` holds, pair by pair.
    public func chunked(
        by belongInSameGroup: @escaping (Element, Element) -> Bool
    ) -> ChunkedByCollection<Self, Element> {
        ChunkedByCollection(base: self, projection: { $0 }, belongInSameGroup: belongInSameGroup)
    }

    /// The runs of consecutive elements with the same `projection`.
    public func chunked<Subject: Equatable>(
        on projection: @escaping (Element) -> Subject
    ) -> ChunkedByCollection<Self, Subject> {
        ChunkedByCollection(base: self, projection: projection, belongInSameGroup: ==)
    }
}

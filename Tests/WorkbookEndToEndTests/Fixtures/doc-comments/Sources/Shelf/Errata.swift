extension Shelf {
    /// Whether the shelf has no book.
    ///
    ///     let shelf = Shelf()
    ///     print(shelf.isEmpty)  // Prints "false"
    public var isEmpty: Bool { titles.isEmpty }

    /// The last title, if any.
    ///
    ///     var shelf = Shelf()
    ///     shelf.put("Dune")
    ///     print(shelf.lastTitle() ?? "none")
    public var lastTitle: String? { titles.last }
}

/// A shelf of books, in the order they were put on it.
///
/// Put books on a shelf and read them back in order:
///
/// ```swift
/// var shelf = Shelf()
/// shelf.put("Dune")
/// shelf.put("Emma")
/// print(shelf.titles)
/// // Prints "["Dune", "Emma"]"
/// ```
///
/// The shelf's API at a glance:
///
/// ```swift
/// struct Shelf {
///     init()
///     mutating func put(_ title: String)
///     var count: Int { get }
/// }
/// ```
///
/// Build the package with:
///
/// ```sh
/// swift build
/// ```
///
/// or, for a release build:
///
///     $ swift build -c release
public struct Shelf {
    /// The titles, in order.
    public private(set) var titles: [String] = []

    /// An empty shelf.
    public init() {}

    /// Puts `title` at the end of the shelf.
    ///
    ///     var shelf = Shelf()
    ///     shelf.put("Dune")
    ///     print(shelf.count)  // Prints "1"
    ///
    /// A constant shelf cannot take a book:
    ///
    ///     let fixed = Shelf()
    ///     fixed.put("Emma")  // Error: `fixed` is a constant
    ///
    /// A book of your own:
    ///
    ///     shelf.put(<#title#>)
    public mutating func put(_ title: String) { titles.append(title) }

    /// The number of books.
    public var count: Int { titles.count }

    /// Removes and returns the book at `index`.
    ///
    /// The first example sets up a shelf that the second one uses:
    ///
    ///     var shelf = Shelf()
    ///     shelf.put("Dune")
    ///     shelf.put("Emma")
    ///
    /// Removing the first book leaves the second:
    ///
    ///     let first = shelf.remove(at: 0)
    ///     print(first, shelf.titles)  // Prints "Dune ["Emma"]"
    ///
    /// An index past the end traps:
    ///
    /// ```swift expect=crash
    /// _ = shelf.remove(at: 5)
    /// ```
    @discardableResult
    public mutating func remove(at index: Int) -> String { titles.remove(at: index) }
}

extension Shelf {
    /**
     The titles joined by commas.

     ```
     var shelf = Shelf()
     shelf.put("Dune")
     shelf.put("Emma")
     print(shelf.joined)  // Prints "Dune, Emma"
     ```

     As JSON:

     ```json
     {"titles": ["Dune", "Emma"]}
     ```
     */
    public var joined: String { titles.joined(separator: ", ") }
}

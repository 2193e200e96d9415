/// A document node being decoded, with its field path and the decoder that
/// collects mistakes.
///
/// Every accessor either returns a value or records an `InputError` at this
/// node (with this node's path) and returns `nil`; none throws. Decode a
/// whole structure, then call `DocumentDecoder.finish()`.
///
/// Paths read as a person would write them: `pools[1].taints[0].effect`.
/// A key that is not made of letters, digits, `-` and `_` is written in
/// brackets and quotes: `mig-configs["all-1g.5gb"]`.
public struct NodeReader: Sendable {
  /// The node itself.
  public let node: DocumentNode
  /// The field path from the document root; empty at the root.
  public let path: String
  /// The decoder that collects this reader's mistakes.
  public let decoder: DocumentDecoder

  /// Creates a reader; most readers come from `DocumentDecoder.root(of:)`
  /// and the container accessors instead.
  ///
  /// - Parameters:
  ///   - node: The node to read.
  ///   - path: Its field path.
  ///   - decoder: Where mistakes are recorded.
  public init(node: DocumentNode, path: String, decoder: DocumentDecoder) {
    self.node = node
    self.path = path
    self.decoder = decoder
  }

  /// Where the node starts.
  public var location: SourceLocation { node.location }

  /// Whether the node is an explicit null (`~`, `null` or an empty value).
  public var isNull: Bool {
    if case .null = node.value { return true }
    return false
  }

  // MARK: - Reporting

  /// Records a mistake at this node, with this node's path.
  ///
  /// Use it for checks the toolkit cannot know, such as a reference to a
  /// tenant that is not declared.
  ///
  /// - Parameter message: One sentence: what was found, what was expected.
  public func error(_ message: String) {
    decoder.report(InputError(at: location, path: path, message))
  }

  /// Records `found <this node>, expected <expected>` at this node.
  ///
  /// - Parameter expected: What would have been accepted, starting with an
  ///   article or a literal, such as `an integer` or `true or false`.
  public func typeMismatch(expected: String) {
    error("found \(node.summary), expected \(expected)")
  }

  // MARK: - Children

  /// A reader for a child node whose path extends this one by `key`.
  ///
  /// - Parameters:
  ///   - child: The child node.
  ///   - key: The mapping key under which the child sits.
  /// - Returns: A reader for the child.
  public func child(_ child: DocumentNode, key: String) -> NodeReader {
    NodeReader(
      node: child, path: FieldPath.appending(key: key, to: path),
      decoder: decoder)
  }

  /// A reader for a child node whose path extends this one by `[index]`.
  ///
  /// - Parameters:
  ///   - child: The child node.
  ///   - index: The child's position in its sequence, from 0.
  /// - Returns: A reader for the child.
  public func child(_ child: DocumentNode, index: Int) -> NodeReader {
    NodeReader(node: child, path: "\(path)[\(index)]", decoder: decoder)
  }

  // MARK: - Containers

  /// Reads the node as a mapping whose keys must be among `allowedKeys`.
  ///
  /// Each key outside the set is recorded at the key as
  /// `unknown key 'tolerance'; did you mean 'tolerations'?`, or, when no
  /// allowed key is close, `unknown key 'x'; expected one of: a, b, c`.
  ///
  /// - Parameter allowedKeys: Every key the mapping may hold.
  /// - Returns: The mapping, or `nil` (with a mistake recorded) when the
  ///   node is not a mapping.
  /// - Complexity: O(*n* · *k* · *l*²) for *n* unknown keys, *k* allowed
  ///   keys of length *l*; O(*m*) for *m* known keys.
  public func mapping(allowedKeys: [String]) -> MappingReader? {
    guard let entries = mappingEntries() else { return nil }
    let allowed = Set(allowedKeys)
    for entry in entries where !allowed.contains(entry.key) {
      let keyReader = child(entry.keyNode, key: entry.key)
      keyReader.error(
        KeySuggestion.unknownKeyMessage(entry.key, allowed: allowedKeys))
    }
    return MappingReader(
      reader: self, entries: entries.filter { allowed.contains($0.key) })
  }

  /// Reads the node as a mapping with any keys, in source order, for maps
  /// from names to items (such as `mig-configs`). Each value's path
  /// extends this one by its key.
  ///
  /// - Returns: `(key, reader)` pairs in source order, or `nil` (with a
  ///   mistake recorded) when the node is not a mapping.
  /// - Complexity: O(*n*) for *n* entries.
  public func entries() -> [(key: String, value: NodeReader)]? {
    guard let entries = mappingEntries() else { return nil }
    return entries.map { ($0.key, child($0.valueNode, key: $0.key)) }
  }

  /// Reads the node as a map from names to items, decoding each value.
  ///
  /// - Parameter decode: Decodes one value; returns `nil` after recording
  ///   a mistake.
  /// - Returns: The decoded `(key, value)` pairs in source order, skipping
  ///   values that failed; `nil` when the node is not a mapping.
  /// - Complexity: O(*n*) calls of `decode` for *n* entries.
  public func entries<T>(
    _ decode: (NodeReader) -> T?
  ) -> [(key: String, value: T)]? {
    guard let readers = entries() else { return nil }
    return readers.compactMap { entry in
      decode(entry.value).map { (entry.key, $0) }
    }
  }

  /// Reads the node as a sequence; each item's path extends this one by
  /// `[index]`.
  ///
  /// - Returns: Readers for the items, or `nil` (with a mistake recorded)
  ///   when the node is not a sequence.
  /// - Complexity: O(*n*) for *n* items.
  public func sequence() -> [NodeReader]? {
    guard case .sequence(let items) = node.value else {
      typeMismatch(expected: "a sequence")
      return nil
    }
    return items.enumerated().map { child($0.element, index: $0.offset) }
  }

  /// Reads the node as a sequence, decoding each item.
  ///
  /// - Parameter decode: Decodes one item; returns `nil` after recording a
  ///   mistake.
  /// - Returns: The decoded items in order, skipping items that failed;
  ///   `nil` when the node is not a sequence.
  /// - Complexity: O(*n*) calls of `decode` for *n* items.
  public func sequence<T>(_ decode: (NodeReader) -> T?) -> [T]? {
    sequence()?.compactMap(decode)
  }

  // MARK: - Internals

  struct Entry {
    var key: String
    var keyNode: DocumentNode
    var valueNode: DocumentNode
  }

  private func mappingEntries() -> [Entry]? {
    guard case .mapping(let pairs) = node.value else {
      typeMismatch(expected: "a mapping")
      return nil
    }
    return pairs.map { pair in
      Entry(
        key: pair.key.keyText, keyNode: pair.key, valueNode: pair.value)
    }
  }
}

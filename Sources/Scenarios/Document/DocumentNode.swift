/// One node of a parsed YAML or JSON document, with where it came from.
///
/// Both formats parse into this one tree, so the scenario, demand and
/// mig-parted readers are written once and report the same precise errors
/// whichever format the user chose. Scalars keep their source text; the
/// reader that knows the expected type converts them and says what it found
/// when that fails.
public struct DocumentNode: Sendable {
  /// The shape of a node.
  public enum Value: Sendable {
    /// A scalar as written, with whether it was quoted. An unquoted `~`,
    /// `null` or empty scalar in YAML, and `null` in JSON, are `.null`.
    case scalar(String, quoted: Bool)
    /// A mapping in source order; keys are scalars.
    case mapping([(key: DocumentNode, value: DocumentNode)])
    /// A sequence in source order.
    case sequence([DocumentNode])
    /// An explicit null.
    case null
  }

  /// The node's content.
  public var value: Value
  /// Where the node starts.
  public var location: SourceLocation

  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}

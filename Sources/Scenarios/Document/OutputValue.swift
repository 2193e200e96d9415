/// A tree to write as YAML or JSON: typed scalars and ordered mappings.
///
/// Literals build it directly; a dictionary literal keeps its order:
///
/// ```swift
/// let value: OutputValue = ["version": "v1", "count": 3, "on": true]
/// ```
public indirect enum OutputValue: Hashable, Sendable {
  /// A null (`null` in both formats).
  case null
  /// A boolean.
  case bool(Bool)
  /// An integer.
  case integer(Int)
  /// A number; YAML writes non-finite values as `.inf`, `-.inf`, `.nan`,
  /// JSON refuses them (a precondition).
  case number(Double)
  /// Text; quoted wherever it would otherwise read as something else.
  case string(String)
  /// A sequence, in order.
  case sequence([OutputValue])
  /// A mapping, keys written in the given order.
  case mapping([Member])

  /// One key and its value in a mapping.
  public struct Member: Hashable, Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: OutputValue

    /// Creates a member.
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - value: The value.
    public init(_ key: String, _ value: OutputValue) {
      self.key = key
      self.value = value
    }
  }
}

extension OutputValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
  ExpressibleByNilLiteral
{
  /// A string value.
  public init(stringLiteral value: String) { self = .string(value) }
  /// An integer value.
  public init(integerLiteral value: Int) { self = .integer(value) }
  /// A boolean value.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  /// A number value.
  public init(floatLiteral value: Double) { self = .number(value) }
  /// A sequence value.
  public init(arrayLiteral elements: OutputValue...) {
    self = .sequence(elements)
  }
  /// A mapping value, in the literal's order.
  public init(dictionaryLiteral elements: (String, OutputValue)...) {
    self = .mapping(elements.map { Member($0.0, $0.1) })
  }
  /// The null value.
  public init(nilLiteral: ()) { self = .null }
}

extension OutputValue {
  /// The value a document node stands for: quoted scalars are strings;
  /// unquoted ones are booleans, integers or numbers when they read as
  /// such under the YAML 1.2 core schema, and strings otherwise.
  ///
  /// Used to compare what was written with what is read back.
  ///
  /// - Parameter node: A node from a document reader.
  /// - Complexity: O(*n*) for *n* nodes.
  public init(interpreting node: DocumentNode) {
    switch node.value {
    case .null: self = .null
    case .sequence(let items): self = .sequence(items.map(Self.init))
    case .mapping(let pairs):
      self = .mapping(
        pairs.map {
          Member($0.key.keyText, OutputValue(interpreting: $0.value))
        })
    case .scalar(let text, quoted: true): self = .string(text)
    case .scalar(let text, quoted: false):
      switch PlainScalar.classify(text) {
      case .null: self = .null
      case .bool(let b): self = .bool(b)
      case .integer:
        let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
        if let i = Int(digits) {
          self = .integer(i)
        } else {
          self = .number(Double(digits) ?? .nan)
        }
      case .number: self = .number(Self.yamlDouble(text))
      case .text: self = .string(text)
      }
    }
  }

  private static func yamlDouble(_ text: String) -> Double {
    switch text.lowercased() {
    case ".inf", "+.inf": return .infinity
    case "-.inf": return -.infinity
    case ".nan": return .nan
    default: return Double(text) ?? .nan
    }
  }
}

/// Reads JSON (RFC 8259) into a `DocumentNode` tree, with the line and
/// column of every node.
///
/// Strings become quoted scalars; numbers, `true` and `false` become
/// unquoted scalars with their source text (a decoder converts them);
/// `null` becomes `.null`. A leading byte order mark is skipped. The first
/// syntax error stops reading; duplicate keys are all reported.
public enum JSONReader {
  /// The deepest nesting of objects and arrays accepted.
  public static let maximumDepth = 512

  /// Reads JSON text.
  ///
  /// - Parameters:
  ///   - text: The whole file.
  ///   - file: The file's path as the user gave it, for error locations.
  /// - Returns: The root node.
  /// - Throws: `InputErrors` with a syntax error, or every duplicate key.
  /// - Complexity: O(*n*) for *n* characters.
  public static func read(
    _ text: String, file: String
  ) throws(InputErrors) -> DocumentNode {
    var parser = JSONParser(text: text, file: file)
    do {
      let root = try parser.parseDocument()
      if !parser.duplicates.isEmpty { throw InputErrors(parser.duplicates) }
      return root
    } catch let error as JSONParser.SyntaxError {
      throw InputErrors(parser.duplicates + [error.error])
    } catch let error as InputErrors {
      throw error
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
  }
}

/// A recursive-descent parser over Unicode scalars.
struct JSONParser {
  struct SyntaxError: Error { var error: InputError }

  let scalars: [Unicode.Scalar]
  let file: String
  var index = 0
  var line = 1
  var column = 1
  var depth = 0
  var duplicates: [InputError] = []

  init(text: String, file: String) {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    self.scalars = scalars
    self.file = file
  }

  // MARK: - Position

  var here: SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  var current: Unicode.Scalar? {
    index < scalars.count ? scalars[index] : nil
  }

  mutating func advance() {
    guard let scalar = current else { return }
    index += 1
    if scalar == "\n" || (scalar == "\r" && current != "\n") {
      line += 1
      column = 1
    } else {
      column += 1
    }
  }

  mutating func skipWhitespace() {
    while let s = current, s == " " || s == "\t" || s == "\n" || s == "\r" {
      advance()
    }
  }

  func fail(
    _ message: String, at location: SourceLocation? = nil
  ) -> SyntaxError {
    SyntaxError(error: InputError(at: location ?? here, path: "", message))
  }

  /// How the current character is named in messages.
  var found: String {
    guard let s = current else { return "end of file" }
    if s.isASCII, s.value > 0x20, s.value < 0x7F {
      if s.properties.isAlphabetic {
        var word = ""
        var i = index
        while i < scalars.count, word.unicodeScalars.count < 20,
          scalars[i].isASCII, scalars[i].properties.isAlphabetic
        {
          word.unicodeScalars.append(scalars[i])
          i += 1
        }
        return "'\(word)'"
      }
      return "'\(Character(s))'"
    }
    return "U+" + hex(s.value)
  }

  func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  // MARK: - Grammar

  mutating func parseDocument() throws -> DocumentNode {
    skipWhitespace()
    if current == nil {
      throw fail(
        "the file is empty; expected a JSON value",
        at: SourceLocation(file: file, line: 0, column: 0))
    }
    let root = try parseValue(expected: "a value")
    skipWhitespace()
    if current != nil {
      throw fail("expected end of file after the JSON value, found \(found)")
    }
    return root
  }

  mutating func parseValue(expected: String) throws -> DocumentNode {
    let start = here
    switch current {
    case "{": return try parseObject()
    case "[": return try parseArray()
    case "\"":
      return DocumentNode(.scalar(try parseString(), quoted: true), at: start)
    case let s? where s == "-" || PlainScalar.isDigit(s):
      return DocumentNode(.scalar(try parseNumber(), quoted: false), at: start)
    default:
      for word in ["true", "false", "null"] where matches(word) {
        for _ in word.unicodeScalars { advance() }
        if word == "null" { return DocumentNode(.null, at: start) }
        return DocumentNode(.scalar(word, quoted: false), at: start)
      }
      throw fail("expected \(expected), found \(found)")
    }
  }

  /// Whether `word` starts here and is not followed by another letter.
  func matches(_ word: String) -> Bool {
    let w = Array(word.unicodeScalars)
    guard index + w.count <= scalars.count,
      Array(scalars[index..<index + w.count]) == w
    else { return false }
    let next = index + w.count
    return next == scalars.count || !scalars[next].properties.isAlphabetic
  }

  mutating func enter() throws {
    depth += 1
    if depth > JSONReader.maximumDepth {
      throw fail(
        "nesting deeper than \(JSONReader.maximumDepth) levels is not "
          + "supported")
    }
  }

  mutating func parseObject() throws -> DocumentNode {
    let start = here
    try enter()
    advance()
    var pairs: [(key: DocumentNode, value: DocumentNode)] = []
    var firstSeen: [String: SourceLocation] = [:]
    skipWhitespace()
    if current == "}" {
      advance()
      depth -= 1
      return DocumentNode(.mapping([]), at: start)
    }
    var expectation = "expected a string key or '}'"
    while true {
      guard current == "\"" else {
        throw fail("\(expectation), found \(found)")
      }
      let keyStart = here
      let key = try parseString()
      if let first = firstSeen[key] {
        duplicates.append(
          InputError(
            at: keyStart, path: "",
            "duplicate key '\(key)'; first defined at line \(first.line), "
              + "column \(first.column)"))
      } else {
        firstSeen[key] = keyStart
      }
      skipWhitespace()
      guard current == ":" else {
        throw fail("expected ':' after object key, found \(found)")
      }
      advance()
      skipWhitespace()
      let value = try parseValue(expected: "a value after ':'")
      let keyNode = DocumentNode(.scalar(key, quoted: true), at: keyStart)
      pairs.append((keyNode, value))
      skipWhitespace()
      switch current {
      case ",":
        advance()
        skipWhitespace()
        expectation = "expected a string key after ','"
      case "}":
        advance()
        depth -= 1
        return DocumentNode(.mapping(pairs), at: start)
      default:
        throw fail("expected ',' or '}' after object member, found \(found)")
      }
    }
  }

  mutating func parseArray() throws -> DocumentNode {
    let start = here
    try enter()
    advance()
    var items: [DocumentNode] = []
    skipWhitespace()
    if current == "]" {
      advance()
      depth -= 1
      return DocumentNode(.sequence([]), at: start)
    }
    var expectation = "a value or ']'"
    while true {
      items.append(try parseValue(expected: expectation))
      skipWhitespace()
      switch current {
      case ",":
        advance()
        skipWhitespace()
        expectation = "a value after ','"
      case "]":
        advance()
        depth -= 1
        return DocumentNode(.sequence(items), at: start)
      default:
        throw fail("expected ',' or ']' after array element, found \(found)")
      }
    }
  }

  mutating func parseString() throws -> String {
    let start = here
    advance()
    var text = ""
    while true {
      guard let s = current else {
        throw fail("unterminated string", at: start)
      }
      switch s {
      case "\"":
        advance()
        return text
      case "\\":
        text.unicodeScalars.append(try parseEscape())
      case _ where s.value < 0x20:
        throw fail(
          "unescaped control character U+\(hex(s.value)) in string")
      default:
        text.unicodeScalars.append(s)
        advance()
      }
    }
  }

  mutating func parseEscape() throws -> Unicode.Scalar {
    let start = here
    advance()
    guard let s = current else { throw fail("unterminated string") }
    let simple: [Unicode.Scalar: Unicode.Scalar] = [
      "\"": "\"", "\\": "\\", "/": "/", "b": "\u{08}", "f": "\u{0C}",
      "n": "\n", "r": "\r", "t": "\t",
    ]
    if let replacement = simple[s] {
      advance()
      return replacement
    }
    guard s == "u" else {
      throw fail("invalid escape '\\\(Character(s))' in string", at: start)
    }
    advance()
    let first = try parseHex4(escapeStart: start)
    if (0xDC00...0xDFFF).contains(first) {
      throw fail("unpaired surrogate '\\u\(hex(first))' in string", at: start)
    }
    if (0xD800...0xDBFF).contains(first) {
      let lowStart = here
      guard current == "\\", index + 1 < scalars.count,
        scalars[index + 1] == "u"
      else {
        throw fail(
          "unpaired surrogate '\\u\(hex(first))' in string", at: start)
      }
      advance()
      advance()
      let second = try parseHex4(escapeStart: lowStart)
      guard (0xDC00...0xDFFF).contains(second) else {
        throw fail(
          "unpaired surrogate '\\u\(hex(first))' in string", at: start)
      }
      let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
      guard let scalar = Unicode.Scalar(value) else {
        throw fail("invalid escape in string", at: start)
      }
      return scalar
    }
    guard let scalar = Unicode.Scalar(first) else {
      throw fail("invalid escape in string", at: start)
    }
    return scalar
  }

  mutating func parseHex4(escapeStart: SourceLocation) throws -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let s = current, let digit = Int(String(s), radix: 16) else {
        throw fail(
          "invalid '\\u' escape: expected 4 hexadecimal digits",
          at: escapeStart)
      }
      value = value * 16 + UInt32(digit)
      advance()
    }
    return value
  }

  mutating func parseNumber() throws -> String {
    var text = ""
    func isDigit(_ s: Unicode.Scalar?) -> Bool {
      s.map(PlainScalar.isDigit) ?? false
    }
    if current == "-" {
      text += "-"
      advance()
    }
    guard isDigit(current) else {
      throw fail("expected a digit after '-', found \(found)")
    }
    if current == "0" {
      text += "0"
      advance()
      if isDigit(current) {
        throw fail("invalid number: a leading zero is not allowed")
      }
    }
    while let s = current, isDigit(s) {
      text.unicodeScalars.append(s)
      advance()
    }
    if current == "." {
      text += "."
      advance()
      guard isDigit(current) else {
        throw fail("expected a digit after the decimal point, found \(found)")
      }
      while let s = current, isDigit(s) {
        text.unicodeScalars.append(s)
        advance()
      }
    }
    if let e = current, e == "e" || e == "E" {
      text.unicodeScalars.append(e)
      advance()
      if let sign = current, sign == "+" || sign == "-" {
        text.unicodeScalars.append(sign)
        advance()
      }
      guard isDigit(current) else {
        throw fail("expected a digit in the exponent, found \(found)")
      }
      while let s = current, isDigit(s) {
        text.unicodeScalars.append(s)
        advance()
      }
    }
    return text
  }
}

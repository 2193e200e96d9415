import CYAML

/// Reads YAML into a `DocumentNode` tree, with libyaml's positions.
///
/// One file holds one document. Refused, each as an `InputError`:
/// syntax errors (libyaml's description and position), a second document,
/// duplicate keys, keys that are not scalars, anchors and aliases, tags
/// other than `!!str`, and nesting deeper than 512 levels. Quoted scalars
/// (single, double, literal `|`, folded `>`) are marked quoted, so `"1"`
/// stays a string; unquoted `~`, `null`, `Null`, `NULL` and empty values
/// are `.null`.
public enum YAMLReader {
  /// The deepest nesting of mappings and sequences accepted.
  public static let maximumDepth = 512

  /// Reads YAML text.
  ///
  /// - Parameters:
  ///   - text: The whole file.
  ///   - file: The file's path as the user gave it, for error locations.
  /// - Returns: The root node.
  /// - Throws: `InputErrors` with every mistake found (a syntax error
  ///   stops reading, so at most one of those).
  /// - Complexity: O(*n*) for *n* bytes.
  public static func read(
    _ text: String, file: String
  ) throws(InputErrors) -> DocumentNode {
    try read(bytes: Array(text.utf8), file: file)
  }

  /// Reads YAML bytes (UTF-8, UTF-16 with a byte order mark).
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - file: The file's path as the user gave it, for error locations.
  /// - Returns: The root node.
  /// - Throws: `InputErrors` with every mistake found.
  /// - Complexity: O(*n*) for *n* bytes.
  public static func read(
    bytes: [UInt8], file: String
  ) throws(InputErrors) -> DocumentNode {
    var builder = YAMLTreeBuilder(file: file)
    if !bytes.isEmpty {
      bytes.withUnsafeBufferPointer { buffer in
        builder.parse(buffer)
      }
    }
    if builder.errors.isEmpty, builder.root == nil {
      builder.errors.append(
        InputError(
          at: SourceLocation(file: file, line: 0, column: 0), path: "",
          "the file is empty; expected a YAML document"))
    }
    guard builder.errors.isEmpty, let root = builder.root else {
      throw InputErrors(builder.errors)
    }
    return root
  }
}

/// Turns libyaml's events into a tree with an explicit stack.
private struct YAMLTreeBuilder {
  enum Frame {
    case sequence(SourceLocation, [DocumentNode])
    case mapping(
      SourceLocation, [(key: DocumentNode, value: DocumentNode)],
      pendingKey: DocumentNode?, firstSeen: [String: SourceLocation])
  }

  let file: String
  var errors: [InputError] = []
  var root: DocumentNode?
  var stack: [Frame] = []
  var documents = 0

  init(file: String) { self.file = file }

  func location(_ mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(
      file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  mutating func fail(_ at: SourceLocation, _ message: String) {
    errors.append(InputError(at: at, path: "", message))
  }

  mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>) {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      fail(
        SourceLocation(file: file, line: 0, column: 0),
        "the YAML parser could not start (out of memory)")
      return
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(&parser, &event) == 1 else {
        reportSyntaxError(parser, buffer)
        return
      }
      let keepGoing = handle(event)
      yaml_event_delete(&event)
      if !keepGoing { return }
    }
  }

  /// Handles one event; returns whether to read on.
  mutating func handle(_ event: yaml_event_t) -> Bool {
    let start = location(event.start_mark)
    switch event.type {
    case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
      return true
    case YAML_STREAM_END_EVENT:
      return false
    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      if documents > 1 {
        fail(
          start,
          "found a second document; a file holds exactly one document")
        return false
      }
      return true
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      checkAnchor(data.anchor, at: start)
      let text = String(
        decoding: UnsafeBufferPointer(start: data.value, count: data.length),
        as: UTF8.self)
      var quoted = data.style != YAML_PLAIN_SCALAR_STYLE
      if let tag = data.tag {
        if string(tag) == "tag:yaml.org,2002:str" {
          quoted = true
        } else {
          fail(start, "tag '\(shortTag(string(tag)))' is not supported")
        }
      }
      if !quoted, PlainScalar.classify(text) == .null {
        return add(DocumentNode(.null, at: start))
      }
      return add(DocumentNode(.scalar(text, quoted: quoted), at: start))
    case YAML_SEQUENCE_START_EVENT:
      checkAnchor(event.data.sequence_start.anchor, at: start)
      checkTag(event.data.sequence_start.tag, at: start)
      return push(.sequence(start, []), at: start)
    case YAML_MAPPING_START_EVENT:
      checkAnchor(event.data.mapping_start.anchor, at: start)
      checkTag(event.data.mapping_start.tag, at: start)
      return push(
        .mapping(start, [], pendingKey: nil, firstSeen: [:]), at: start)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let frame = stack.popLast() else { return false }
      switch frame {
      case .sequence(let at, let items):
        return add(DocumentNode(.sequence(items), at: at))
      case .mapping(let at, let pairs, _, _):
        return add(DocumentNode(.mapping(pairs), at: at))
      }
    case YAML_ALIAS_EVENT:
      let name = string(event.data.alias.anchor)
      fail(
        start,
        "alias '*\(name)' is not supported; write the value out in full")
      return add(DocumentNode(.null, at: start))
    default:
      return true
    }
  }

  mutating func push(_ frame: Frame, at start: SourceLocation) -> Bool {
    guard stack.count < YAMLReader.maximumDepth else {
      fail(
        start,
        "nesting deeper than \(YAMLReader.maximumDepth) levels is not "
          + "supported")
      return false
    }
    stack.append(frame)
    return true
  }

  /// Places a finished node in its parent, or makes it the root.
  mutating func add(_ node: DocumentNode) -> Bool {
    guard let top = stack.popLast() else {
      root = node
      return true
    }
    switch top {
    case .sequence(let at, var items):
      items.append(node)
      stack.append(.sequence(at, items))
    case .mapping(let at, var pairs, let pendingKey?, let seen):
      pairs.append((pendingKey, node))
      stack.append(.mapping(at, pairs, pendingKey: nil, firstSeen: seen))
    case .mapping(let at, let pairs, nil, var seen):
      if node.scalarText == nil, !isNull(node) {
        fail(
          node.location,
          "found \(node.summary) as a mapping key, expected a scalar key")
      } else if let first = seen[node.keyText] {
        fail(
          node.location,
          "duplicate key '\(node.keyText)'; first defined at line "
            + "\(first.line), column \(first.column)")
      } else {
        seen[node.keyText] = node.location
      }
      stack.append(.mapping(at, pairs, pendingKey: node, firstSeen: seen))
    }
    return true
  }

  func isNull(_ node: DocumentNode) -> Bool {
    if case .null = node.value { return true }
    return false
  }

  mutating func checkAnchor(
    _ anchor: UnsafeMutablePointer<yaml_char_t>?, at start: SourceLocation
  ) {
    guard let anchor else { return }
    fail(
      start,
      "anchor '&\(string(anchor))' is not supported; write the value out "
        + "in full")
  }

  mutating func checkTag(
    _ tag: UnsafeMutablePointer<yaml_char_t>?, at start: SourceLocation
  ) {
    guard let tag else { return }
    let text = string(tag)
    if text == "tag:yaml.org,2002:seq" || text == "tag:yaml.org,2002:map" {
      return
    }
    fail(start, "tag '\(shortTag(text))' is not supported")
  }

  func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
    let raw = UnsafeRawPointer(pointer)
    return String(cString: raw.assumingMemoryBound(to: CChar.self))
  }

  func shortTag(_ tag: String) -> String {
    let prefix = "tag:yaml.org,2002:"
    return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
  }

  mutating func reportSyntaxError(
    _ parser: yaml_parser_t, _ buffer: UnsafeBufferPointer<UInt8>
  ) {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown"
    if parser.error == YAML_READER_ERROR {
      let offset = min(Int(parser.problem_offset), buffer.count)
      var line = 1
      var column = 1
      for byte in buffer[..<offset] {
        if byte == 10 {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
      }
      fail(
        SourceLocation(file: file, line: line, column: column),
        "the file is not valid text: \(problem)")
      return
    }
    var message = "syntax error: \(problem)"
    if let context = parser.context {
      let at = location(parser.context_mark)
      message +=
        " (\(String(cString: context)) at line \(at.line), column "
        + "\(at.column))"
    }
    fail(location(parser.problem_mark), message)
  }
}

import ClusterModel

/// Finds where in a document a field path points, to give model
/// violations a file location.
struct ViolationLocator {
  let root: DocumentNode

  /// The violation as an input error at the deepest node of its path that
  /// the document holds.
  func error(for violation: ModelViolation) -> InputError {
    InputError(
      at: location(of: violation.path), path: violation.path,
      violation.message)
  }

  /// The location of the node at `path`, or of its deepest existing
  /// ancestor.
  func location(of path: String) -> SourceLocation {
    var node = root
    for step in Self.steps(of: path) {
      guard let next = Self.child(of: node, at: step) else { break }
      node = next
    }
    return node.location
  }

  enum Step: Equatable {
    case key(String)
    case index(Int)
  }

  static func child(of node: DocumentNode, at step: Step) -> DocumentNode? {
    switch (node.value, step) {
    case (.mapping(let pairs), .key(let key)):
      return pairs.first { $0.key.scalarText == key }?.value
    case (.sequence(let items), .index(let i)):
      return items.indices.contains(i) ? items[i] : nil
    default:
      return nil
    }
  }

  /// Splits `a.b[0]["c.d"]` into `a`, `b`, `0`, `c.d`.
  static func steps(of path: String) -> [Step] {
    var steps: [Step] = []
    var scalars = Array(path.unicodeScalars)[...]
    var word = ""
    func flush() {
      if !word.isEmpty { steps.append(.key(word)) }
      word = ""
    }
    while let c = scalars.popFirst() {
      switch c {
      case ".":
        flush()
      case "[":
        flush()
        if scalars.first == "\"" {
          scalars.removeFirst()
          var key = ""
          while let k = scalars.popFirst(), k != "\"" {
            if k == "\\", let escaped = scalars.popFirst() {
              key.unicodeScalars.append(escaped)
            } else {
              key.unicodeScalars.append(k)
            }
          }
          steps.append(.key(key))
          if scalars.first == "]" { scalars.removeFirst() }
        } else {
          var digits = ""
          while let d = scalars.popFirst(), d != "]" {
            digits.unicodeScalars.append(d)
          }
          if let index = Int(digits) { steps.append(.index(index)) }
        }
      default:
        word.unicodeScalars.append(c)
      }
    }
    flush()
    return steps
  }
}

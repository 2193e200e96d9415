import Foundation

/// A broken invariant of the cluster model, found by a `validate` method.
///
/// `path` names the offending field the way a scenario file spells it
/// (`pools[1].taints[0].key`, `tenants[0].quota.gpus.lendingLimit`), so a
/// reader can attach the file location it recorded for that field.
public struct ModelViolation: Hashable, Sendable, CustomStringConvertible {
  /// The field path from the scenario root.
  public var path: String
  /// What is wrong, in one sentence: what was found, what was expected.
  public var message: String

  /// Creates a violation.
  ///
  /// - Parameters:
  ///   - path: The field path.
  ///   - message: The explanation.
  public init(at path: String, _ message: String) {
    self.path = path
    self.message = message
  }

  /// `path: message`.
  public var description: String { "\(path): \(message)" }
}

/// Collects violations under a path prefix; used by every `validate`.
struct ViolationCollector {
  private(set) var violations: [ModelViolation] = []

  /// Records a violation at `path` when `condition` is false.
  mutating func check(
    _ condition: Bool, at path: String, _ message: @autoclosure () -> String
  ) {
    if !condition { violations.append(ModelViolation(at: path, message())) }
  }

  /// Records a violation at `path`.
  mutating func add(at path: String, _ message: String) {
    violations.append(ModelViolation(at: path, message))
  }

  /// Records violations found elsewhere.
  mutating func add(_ more: [ModelViolation]) {
    violations.append(contentsOf: more)
  }

  /// Records a violation for every name that occurs a second time.
  mutating func checkUnique(
    _ names: [String], at path: (Int) -> String, what: String
  ) {
    var first: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      if let earlier = first[name] {
        add(
          at: path(index),
          "duplicate \(what) name '\(name)'; first used at index \(earlier)")
      } else {
        first[name] = index
      }
    }
  }
}

/// How field paths are spelled: `path.key`, or `path["key"]` when the key
/// holds characters other than letters, digits, `-` and `_`, the same
/// spelling the scenario reader uses.
enum FieldPathSpelling {
  static func appending(key: String, to path: String) -> String {
    let simple =
      !key.isEmpty
      && key.unicodeScalars.allSatisfy {
        $0.properties.isAlphabetic || ("0"..."9").contains($0)
          || $0 == "-" || $0 == "_"
      }
    if simple { return path.isEmpty ? key : "\(path).\(key)" }
    let escaped = key.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
    return "\(path)[\"\(escaped)\"]"
  }
}

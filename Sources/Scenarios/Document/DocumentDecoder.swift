import Foundation

/// Collects every `InputError` found while decoding one or more documents.
///
/// A decoder is the shared error sink of a decoding pass: every
/// `NodeReader` made from it appends its mistakes here instead of throwing,
/// so the user sees all mistakes of a file at once. Call `finish()` at the
/// end to throw them.
///
/// ```swift
/// let decoder = DocumentDecoder()
/// let pool = decoder.root(of: document).mapping(
///   allowedKeys: ["name", "gpus"]
/// )
/// let name = pool?.required("name") { $0.string() }
/// let gpus = pool?.required("gpus") { $0.int(min: 1) }
/// try decoder.finish()
/// ```
///
/// The class has shared identity on purpose (all readers of one pass
/// report into one list); a lock makes it safe to share across tasks.
public final class DocumentDecoder: @unchecked Sendable {
  private let lock = NSLock()
  private var collected: [InputError] = []

  /// Creates a decoder with no errors.
  public init() {}

  /// A reader positioned at the root of `document`, with an empty path.
  ///
  /// - Parameter document: The root node returned by a document reader.
  /// - Returns: A reader that reports into this decoder.
  public func root(of document: DocumentNode) -> NodeReader {
    NodeReader(node: document, path: "", decoder: self)
  }

  /// Records a mistake.
  ///
  /// - Parameter error: The mistake, with its location and field path.
  public func report(_ error: InputError) {
    lock.lock()
    collected.append(error)
    lock.unlock()
  }

  /// Records several mistakes, for example those thrown by a nested
  /// `DocumentDecoder` or a document reader.
  ///
  /// - Parameter errors: The mistakes to add.
  public func report(_ errors: InputErrors) {
    lock.lock()
    collected.append(contentsOf: errors.errors)
    lock.unlock()
  }

  /// The mistakes recorded so far, sorted by file, line, column, path and
  /// message.
  ///
  /// - Complexity: O(*n* log *n*) for *n* recorded errors.
  public var errors: [InputError] {
    lock.lock()
    defer { lock.unlock() }
    return InputErrors(collected).errors
  }

  /// Whether any mistake has been recorded.
  public var hasErrors: Bool {
    lock.lock()
    defer { lock.unlock() }
    return !collected.isEmpty
  }

  /// Throws every recorded mistake, if there is any.
  ///
  /// - Throws: `InputErrors` holding all recorded mistakes, sorted.
  /// - Complexity: O(*n* log *n*) for *n* recorded errors.
  public func finish() throws(InputErrors) {
    let all = errors
    if !all.isEmpty { throw InputErrors(all) }
  }

  /// Decodes a whole document with `body` and returns its result, or throws
  /// every mistake found.
  ///
  /// If `body` returns `nil` without recording a mistake, an error at the
  /// document root says that the document could not be decoded, so a
  /// forgotten report never turns into a crash or a silent success.
  ///
  /// - Parameters:
  ///   - document: The root node.
  ///   - body: Decodes the root; returns `nil` when it cannot.
  /// - Returns: The decoded value.
  /// - Throws: `InputErrors` with all mistakes, sorted.
  public static func decode<T>(
    _ document: DocumentNode,
    with body: (NodeReader) -> T?
  ) throws(InputErrors) -> T {
    let decoder = DocumentDecoder()
    let root = decoder.root(of: document)
    let value = body(root)
    try decoder.finish()
    guard let value else {
      throw InputErrors([
        InputError(
          at: document.location, path: "",
          "the document could not be decoded")
      ])
    }
    return value
  }
}

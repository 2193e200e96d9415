import Scenarios
import Testing

/// The errors thrown by `body`, or an empty list when it succeeds.
func inputErrors<T>(_ body: () throws -> T) -> [InputError] {
  do {
    _ = try body()
    return []
  } catch let errors as InputErrors {
    return errors.errors
  } catch {
    Issue.record("unexpected error \(error)")
    return []
  }
}

/// `line:column: path: message` for each error, the form tests compare.
func brief(_ errors: [InputError]) -> [String] {
  errors.map {
    "\($0.location.line):\($0.location.column): \($0.path): \($0.message)"
  }
}

/// Reads YAML that must be valid.
func yaml(_ text: String) throws -> DocumentNode {
  try YAMLReader.read(text, file: "t.yaml")
}

/// Reads JSON that must be valid.
func json(_ text: String) throws -> DocumentNode {
  try JSONReader.read(text, file: "t.json")
}

/// `text` with the five characters that mean something in HTML and XML
/// (`&`, `<`, `>`, `"`, `'`) replaced by character references, safe in
/// element content and in quoted attribute values.
///
/// - Parameter text: Any string, such as a tenant or strategy name.
/// - Complexity: O(*n*).
public func htmlEscaped(_ text: String) -> String {
  var escaped = ""
  escaped.reserveCapacity(text.utf8.count)
  for character in text {
    switch character {
    case "&": escaped += "&amp;"
    case "<": escaped += "&lt;"
    case ">": escaped += "&gt;"
    case "\"": escaped += "&quot;"
    case "'": escaped += "&#39;"
    default: escaped.append(character)
    }
  }
  return escaped
}

extension DocumentNode {
  /// The scalar's text, quoted or not; `nil` for null, mappings and
  /// sequences.
  public var scalarText: String? {
    if case .scalar(let text, _) = value { return text }
    return nil
  }

  /// How the node is named in `found …` messages: `a mapping`,
  /// `a sequence`, `null`, `integer 12`, `number 1.5`, `boolean true`,
  /// `string "1"` for a quoted scalar and `"abc"` for other unquoted text.
  /// Text longer than 40 characters is cut with `…`.
  public var summary: String {
    switch value {
    case .null: return "null"
    case .mapping: return "a mapping"
    case .sequence: return "a sequence"
    case .scalar(let text, let quoted):
      var shown = text
      if shown.count > 40 { shown = String(shown.prefix(39)) + "…" }
      if quoted { return "string \(FieldPath.quoted(shown))" }
      switch PlainScalar.classify(text) {
      case .null: return "null"
      case .bool: return "boolean \(shown)"
      case .integer: return "integer \(shown)"
      case .number: return "number \(shown)"
      case .text: return FieldPath.quoted(shown)
      }
    }
  }

  /// The text by which a mapping key is compared and reported; readers
  /// only make scalar keys, so null keys read as `null`.
  var keyText: String { scalarText ?? "null" }
}

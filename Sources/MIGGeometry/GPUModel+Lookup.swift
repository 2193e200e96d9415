extension GPUModel {
  /// The model whose canonical name or alias matches `text`.
  ///
  /// Matching ignores case, treats spaces and underscores as hyphens and
  /// ignores a leading `NVIDIA-`, so `NVIDIA A100-SXM4-40GB` (as
  /// `nvidia-smi` prints it), `nvidia-a100-sxm4-40gb` and `A100-40GB` all
  /// find the same model.
  ///
  /// - Parameter text: a product name or alias.
  /// - Returns: the model, or `nil` if none matches.
  /// - Complexity: O(number of models × aliases).
  public static func named(_ text: String) -> GPUModel? {
    let key = lookupKey(text)
    return all.first { model in
      lookupKey(model.name) == key
        || model.aliases.contains { lookupKey($0) == key }
    }
  }

  /// Every accepted spelling of the model's names, normalized.
  static func lookupKey(_ text: String) -> String {
    var key = String(
      text.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
    let prefix = "nvidia-"
    if key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
    return key
  }
}

/// How a command prints its results.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Aligned columns for a terminal (the default).
  case table
  /// JSON for programs: an array of objects, one per row, or a document.
  case json
  /// CSV with a header row, for spreadsheets and pipes.
  case csv

  /// The names accepted by `--format`, for help and error messages.
  public static var names: String {
    allCases.map(\.rawValue).joined(separator: ", ")
  }
}

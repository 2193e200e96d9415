import Foundation

/// Writes result files the way a careful tool does: never over a file the
/// run read, and atomically (a temporary file in the same folder, then a
/// rename), so an interrupted run never leaves half a file where a good one
/// was.
enum OutputFile {
  /// Writes `text` to `path`, or to standard output when `path` is `-`.
  ///
  /// - Parameters:
  ///   - text: the whole content.
  ///   - path: the destination as the user gave it.
  ///   - inputs: the paths the command read; writing over one is refused.
  ///   - context: where `-` goes.
  /// - Throws: `UsageError` when `path` names an input; `CommandFailure`
  ///   when the file cannot be written.
  static func write(
    _ text: String, to path: String, inputs: [String],
    context: CommandContext
  ) throws {
    if path == "-" {
      context.outRaw(text)
      return
    }
    let target = URL(fileURLWithPath: path).standardizedFileURL
      .resolvingSymlinksInPath()
    for input in inputs {
      let source = URL(fileURLWithPath: input).standardizedFileURL
        .resolvingSymlinksInPath()
      if source.path == target.path {
        throw UsageError(
          "refusing to write '\(path)': it is an input of this run")
      }
    }
    let folder = target.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      ".\(target.lastPathComponent).migsim-\(getpid()).tmp")
    do {
      try Data(text.utf8).write(to: temporary)
      // rename(2) replaces the target in one step: a reader sees the old
      // file or the new one, never neither.
      guard rename(temporary.path, target.path) == 0 else {
        throw CommandFailure(
          "cannot write '\(path)': \(String(cString: strerror(errno)))")
      }
    } catch let failure as CommandFailure {
      try? FileManager.default.removeItem(at: temporary)
      throw failure
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw CommandFailure(
        "cannot write '\(path)': \(error.localizedDescription)")
    }
  }
}

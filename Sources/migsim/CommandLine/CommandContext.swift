#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command writes: results on standard output, diagnostics on
/// standard error. Commands never call `print` directly, so tests and the
/// dispatcher see exactly what a user would.
struct CommandContext {
  /// The command path as typed, such as `migsim mig check`.
  var commandPath: String

  /// Writes `text` and a newline to standard output.
  func out(_ text: String) {
    write(text + "\n", to: 1)
  }

  /// Writes `text` to standard output as it is.
  func outRaw(_ text: String) {
    write(text, to: 1)
  }

  /// Writes `text` and a newline to standard error.
  func err(_ text: String) {
    write(text + "\n", to: 2)
  }

  /// Writes `text` to standard error as it is (a progress line that
  /// rewrites itself with a carriage return).
  func errRaw(_ text: String) {
    write(text, to: 2)
  }

  /// Whether standard error is a terminal, so progress may be shown.
  var stderrIsTerminal: Bool {
    isatty(2) != 0
  }

  /// Writes all of `text` to a file descriptor, retrying short writes;
  /// a closed pipe ends the output silently, as Unix tools do.
  private func write(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        Glibc.write(
          descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }
}

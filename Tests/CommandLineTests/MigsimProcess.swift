import Foundation

/// What one run of the `migsim` binary printed and returned.
struct MigsimRun {
  var exitCode: Int32
  var stdout: String
  var stderr: String
}

/// Runs the `migsim` binary built beside the test bundle, as a user would.
///
/// - Parameters:
///   - arguments: the command line after `migsim`.
///   - directory: the working directory; the package root by default.
func runMigsim(
  _ arguments: [String], in directory: URL = packageRoot
) throws -> MigsimRun {
  let process = Process()
  process.executableURL = migsimBinary
  process.arguments = arguments
  process.currentDirectoryURL = directory
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Read both pipes before waiting, so a large output cannot block the
  // child on a full pipe.
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return MigsimRun(
    exitCode: process.terminationStatus,
    stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

/// The package's root folder (the one holding Package.swift).
let packageRoot: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()
  .deletingLastPathComponent()
  .deletingLastPathComponent()

/// The `migsim` executable in the same build folder as this test binary.
let migsimBinary: URL = {
  let testBinary = URL(fileURLWithPath: "/proc/self/exe")
    .resolvingSymlinksInPath()
  var folder = testBinary.deletingLastPathComponent()
  // The test runner may sit inside an `.xctest` bundle folder.
  while folder.lastPathComponent.hasSuffix(".xctest") {
    folder = folder.deletingLastPathComponent()
  }
  return folder.appendingPathComponent("migsim")
}()

/// Parses `text` as JSON, or nil when it is not valid JSON.
func parseJSON(_ text: String) -> Any? {
  try? JSONSerialization.jsonObject(
    with: Data(text.utf8), options: [.fragmentsAllowed])
}

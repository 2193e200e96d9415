// Benchmarks, run in release mode: `make bench` for all subjects, or
// `make bench NAME=<subject>` for one. Each subject prints titled figures a
// person can compare between runs.

let subjects: [(name: String, run: () -> Void)] = [
  ("geometry", benchmarkGeometry),
  ("engine", benchmarkEngine),
  ("trace-study", benchmarkTraceStudy),
  ("placement", benchmarkPlacement),
  ("scoring", benchmarkScoring),
  ("simulation", benchmarkSimulation),
  ("compare", benchmarkCompare),
  ("planner", benchmarkPlanner),
]

let requested = Array(CommandLine.arguments.dropFirst())
let unknown = requested.filter { name in !subjects.contains { $0.name == name } }
if !unknown.isEmpty {
  print("unknown subject(s): \(unknown.joined(separator: ", "))")
  print("subjects: \(subjects.map(\.name).joined(separator: ", "))")
} else {
  for subject in subjects where requested.isEmpty
    || requested.contains(subject.name)
  {
    print("== \(subject.name) ==")
    subject.run()
  }
}

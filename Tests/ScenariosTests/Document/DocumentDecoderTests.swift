import Scenarios
import Testing

/// A small schema written with the toolkit, as a scenario author would.
struct Pool: Equatable {
  enum Effect: String, CaseIterable {
    case NoSchedule, PreferNoSchedule, NoExecute
  }
  var name: String
  var gpus: Int
  var memoryMiB: Int
  var cpu: Int
  var drain: Int
  var share: Double
  var effects: [Effect]
  var labels: [String: String]

  static func decode(_ node: NodeReader) -> Pool? {
    guard
      let map = node.mapping(allowedKeys: [
        "name", "gpus", "memory", "cpu", "drain", "share", "taints",
        "labels", "tolerations",
      ])
    else { return nil }
    let name = map.required("name") { $0.string(nonEmpty: true) }
    let gpus = map.required("gpus") { $0.int(min: 1, max: 8) }
    let memory = map.optional("memory") { $0.memoryMiB() } ?? 0
    let cpu = map.optional("cpu") { $0.milliCPU() } ?? 1000
    let drain = map.optional("drain") { $0.durationSeconds() } ?? 0
    let share = map.optional("share") { $0.percent() } ?? 100
    let effects =
      map.optional("taints") { taints in
        taints.sequence { taint in
          taint.mapping(allowedKeys: ["effect"])?.required("effect") {
            $0.oneOf(Effect.self)
          }
        }
      } ?? []
    let labels = map.optional("labels") { $0.entries { $0.string() } } ?? []
    guard let name, let gpus else { return nil }
    return Pool(
      name: name, gpus: gpus, memoryMiB: memory, cpu: cpu, drain: drain,
      share: share, effects: effects,
      labels: Dictionary(
        uniqueKeysWithValues: labels.map { ($0.key, $0.value) }))
  }
}

@Suite struct DocumentDecoderTests {
  func decodeYAML(_ text: String) -> [String] {
    brief(
      inputErrors {
        try DocumentDecoder.decode(yaml(text), with: Pool.decode)
      })
  }

  /// Runs `body` on a reader of the YAML value `text` and returns the
  /// result with the messages recorded.
  func read<T>(
    _ text: String, _ body: (NodeReader) -> T?
  ) throws -> (T?, [String]) {
    let decoder = DocumentDecoder()
    let value = body(decoder.root(of: try yaml(text)))
    return (value, decoder.errors.map(\.message))
  }

  @Test func decodesTheSameLogicalDocumentFromYAMLAndJSON() throws {
    let fromYAML = try DocumentDecoder.decode(
      yaml("""
        name: a100-pool
        gpus: 4
        memory: 1.5Gi
        cpu: 500m
        drain: 1h30m
        share: 12.5%
        taints:
          - effect: NoSchedule
        labels:
          zone: "1"
        """), with: Pool.decode)
    let fromJSON = try DocumentDecoder.decode(
      json("""
        {"name": "a100-pool", "gpus": 4, "memory": "1.5Gi", "cpu": "500m",
         "drain": "1h30m", "share": "12.5%",
         "taints": [{"effect": "NoSchedule"}], "labels": {"zone": "1"}}
        """), with: Pool.decode)
    let expected = Pool(
      name: "a100-pool", gpus: 4, memoryMiB: 1536, cpu: 500, drain: 5400,
      share: 12.5, effects: [.NoSchedule], labels: ["zone": "1"])
    #expect(fromYAML == expected)
    #expect(fromJSON == expected)
  }

  @Test func suggestsTheNearestKeyForAnUnknownOne() {
    #expect(
      decodeYAML("name: a\ngpus: 1\ntolerance: []\n") == [
        "3:1: tolerance: unknown key 'tolerance'; did you mean "
          + "'tolerations'?"
      ])
  }

  @Test func listsTheAllowedKeysWhenNoneIsClose() {
    #expect(
      decodeYAML("name: a\ngpus: 1\nzzzzzz: 1\n") == [
        "3:1: zzzzzz: unknown key 'zzzzzz'; expected one of: cpu, drain, "
          + "gpus, labels, memory, name, share, taints, tolerations"
      ])
  }

  @Test func reportsMissingKeyAtTheMapping() {
    #expect(
      decodeYAML("\n  name: a\n") == [
        "2:3: : missing required key 'gpus'"
      ])
  }

  @Test func reportsWrongTypesWithWhatWasFound() {
    let text = """
      name: [x]
      gpus: "4"
      taints:
        - effect: Evict
        - effect: NoExecut
      """
    #expect(
      decodeYAML(text) == [
        "1:7: name: found a sequence, expected a non-empty string",
        "2:7: gpus: found string \"4\", expected an integer from 1 to 8",
        "4:13: taints[0].effect: found \"Evict\", expected one of: "
          + "NoSchedule, PreferNoSchedule, NoExecute",
        "5:13: taints[1].effect: found \"NoExecut\", expected one of: "
          + "NoSchedule, PreferNoSchedule, NoExecute; did you mean "
          + "'NoExecute'?",
      ])
  }

  @Test func collectsThreeMistakesFromOneFile() {
    let text = "name: ''\ngpus: 9\ncpu: 2 cores\n"
    #expect(
      decodeYAML(text) == [
        "1:7: name: found string \"\", expected a non-empty string",
        "2:7: gpus: found integer 9, expected an integer from 1 to 8",
        "3:6: cpu: found \"2 cores\", expected a CPU quantity such as 500m "
          + "or 2",
      ])
  }

  @Test func convertsDurationsToSeconds() throws {
    let cases: [(String, Int?)] = [
      ("90", 90), ("90s", 90), ("5m", 300), ("2h", 7200), ("1d", 86_400),
      ("1h30m", 5400), ("\"45s\"", 45), ("0", 0), ("-5", nil), ("5x", nil),
      ("m", nil), ("1.5h", nil), ("''", nil),
    ]
    for (text, expected) in cases {
      let (value, _) = try read(text) { $0.durationSeconds() }
      #expect(value == expected, "for \(text)")
    }
    let (_, messages) = try read("5x") { $0.durationSeconds(min: 1) }
    #expect(messages == ["found \"5x\", expected a duration of at least 1s"])
  }

  @Test func convertsMemoryQuantitiesToMiB() throws {
    let cases: [(String, Int?)] = [
      ("512Mi", 512), ("16Gi", 16_384), ("1Ti", 1_048_576), ("2048Ki", 2),
      ("1.5Gi", 1536), ("1048576", 1), ("1", 1), ("1G", 954), ("0", 0),
      ("16GB", nil), ("-1Gi", nil), ("Gi", nil), ("1.Gi", nil),
    ]
    for (text, expected) in cases {
      let (value, _) = try read(text) { $0.memoryMiB() }
      #expect(value == expected, "for \(text)")
    }
  }

  @Test func convertsCPUQuantitiesToMilliCPU() throws {
    let cases: [(String, Int?)] = [
      ("500m", 500), ("2", 2000), ("0.5", 500), ("1.25", 1250),
      ("\"250m\"", 250), ("0.0005", nil), ("m", nil), ("-1", nil),
    ]
    for (text, expected) in cases {
      let (value, _) = try read(text) { $0.milliCPU() }
      #expect(value == expected, "for \(text)")
    }
  }

  @Test func readsBooleansAndRefusesYesNo() throws {
    #expect(try read("true") { $0.bool() }.0 == true)
    #expect(try read("FALSE") { $0.bool() }.0 == false)
    #expect(try read("\"true\"") { $0.bool() }.1 == [
      "found string \"true\", expected true or false"
    ])
    #expect(try read("no") { $0.bool() }.1 == [
      "found \"no\", expected true or false (yes, no, on and off are not "
        + "booleans here)"
    ])
  }

  @Test func readsNumbersWithBoundsAndPercentagesWithTheirSign() throws {
    #expect(try read("0.25") { $0.double(min: 0) }.0 == 0.25)
    #expect(try read("-1") { $0.double(min: 0) }.1 == [
      "found integer -1, expected a number of at least 0"
    ])
    #expect(try read("0") { $0.double(min: 0, excludingMin: true) }.1 == [
      "found integer 0, expected a number greater than 0"
    ])
    #expect(try read("50%") { $0.percent() }.0 == 50)
    #expect(try read("0.5") { $0.percent() }.1 == [
      "found number 0.5, expected a percentage such as 50%"
    ])
    #expect(try read("150%") { $0.percent() }.1 == [
      "found \"150%\", expected a percentage from 0% to 100%"
    ])
  }

  @Test func letsCallersAddTheirOwnErrorsWithPath() throws {
    let decoder = DocumentDecoder()
    let root = decoder.root(of: try yaml("pools:\n  - tenant: ghost\n"))
    let pools = root.mapping(allowedKeys: ["pools"])?.required("pools") {
      $0.sequence()
    }
    let tenant = pools?.first?.mapping(allowedKeys: ["tenant"])?
      .required("tenant")
    tenant?.error("unknown tenant 'ghost'")
    #expect(
      brief(decoder.errors) == [
        "2:13: pools[0].tenant: unknown tenant 'ghost'"
      ])
    #expect(throws: InputErrors.self) { try decoder.finish() }
  }

  @Test func quotesOddKeysInPaths() throws {
    let decoder = DocumentDecoder()
    let root = decoder.root(of: try yaml("\"a.b\":\n  c d: x\n"))
    let value = root.entries()?.first?.value.entries()?.first?.value
    value?.error("bad")
    #expect(decoder.errors.map(\.path) == ["[\"a.b\"][\"c d\"]"])
  }

  @Test func refusesANilResultWithoutErrors() {
    let errors = inputErrors {
      try DocumentDecoder.decode(yaml("a: 1")) { _ -> Int? in nil }
    }
    #expect(
      brief(errors) == ["1:1: : the document could not be decoded"])
  }
}

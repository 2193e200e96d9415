import Scenarios
import Testing

/// SplitMix64, so that generated trees depend on the seed alone.
struct TestGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Builds random output trees whose strings are made of pieces that a
/// careless writer would get wrong.
struct TreeMaker {
  static let pieces = [
    "a", "Zeta", "pool-1", "1g.5gb", "true", "False", "yes", "off", "1",
    "-2", "1.5", "1e5", ".inf", ".NaN", "0x1F", "0o17", "1_000", "null",
    "~", "", " ", "a: b", ":", "# x", "x #y", "-", "- ", "?", "[", "]", "{",
    "}", ",", "&a", "*a", "!t", "|", ">", "'", "\"", "\\", "%", "@", "`",
    "\n", "\t", "\r", "é", "日本", "😀", "\u{2028}", "\u{85}", "\u{7}",
    "\u{FEFF}", "12:30", "2002-12-14", "=", "...", "---", "90s",
  ]

  var generator: TestGenerator

  mutating func string() -> String {
    let count = Int.random(in: 0...3, using: &generator)
    return (0..<count).map { _ in
      Self.pieces.randomElement(using: &generator) ?? ""
    }.joined()
  }

  mutating func scalar() -> OutputValue {
    switch Int.random(in: 0..<6, using: &generator) {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &generator))
    case 2:
      return .integer(Int(truncatingIfNeeded: generator.next()))
    case 3:
      var d = Double(bitPattern: generator.next())
      if !d.isFinite { d = 0.25 }
      return .number(d)
    default: return .string(string())
    }
  }

  mutating func tree(depth: Int) -> OutputValue {
    let kind = depth == 0 ? 0 : Int.random(in: 0..<3, using: &generator)
    let width = Int.random(in: 0...4, using: &generator)
    switch kind {
    case 1:
      return .sequence((0..<width).map { _ in tree(depth: depth - 1) })
    case 2:
      var seen: Set<String> = []
      var members: [OutputValue.Member] = []
      for _ in 0..<width {
        let key = string()
        if seen.insert(key).inserted {
          members.append(.init(key, tree(depth: depth - 1)))
        }
      }
      return .mapping(members)
    default: return scalar()
    }
  }
}

@Suite struct DocumentWriterTests {
  @Test(arguments: 1...4)
  func yamlWriteThenReadGivesTheSameTree(seed: UInt64) throws {
    var maker = TreeMaker(generator: TestGenerator(state: seed))
    for round in 0..<250 {
      let tree = maker.tree(depth: 4)
      let text = YAMLWriter.write(tree)
      let back = try YAMLReader.read(text, file: "round-\(round).yaml")
      #expect(OutputValue(interpreting: back) == tree, "\(text)")
    }
  }

  @Test(arguments: 1...4)
  func jsonWriteThenReadGivesTheSameTree(seed: UInt64) throws {
    var maker = TreeMaker(generator: TestGenerator(state: seed))
    for round in 0..<250 {
      let tree = maker.tree(depth: 4)
      let text = JSONWriter.write(tree)
      let back = try JSONReader.read(text, file: "round-\(round).json")
      #expect(OutputValue(interpreting: back) == tree, "\(text)")
    }
  }

  @Test func quotesStringsThatWouldReadAsSomethingElse() {
    let tree: OutputValue = [
      "a": "true", "b": "1", "c": "null", "d": "x: y", "e": "# no",
      "f": " lead", "g": "", "h": "plain text", "i": "1g.5gb", "j": "yes",
    ]
    #expect(
      YAMLWriter.write(tree) == """
        a: "true"
        b: "1"
        c: "null"
        d: "x: y"
        e: "# no"
        f: " lead"
        g: ""
        h: plain text
        i: 1g.5gb
        j: "yes"

        """)
  }

  @Test func writesNestedBlocksWithTwoSpaces() {
    let tree: OutputValue = [
      "pools": [["name": "a", "gpus": [0, 1], "taints": []]],
      "empty": [:], "nested": [[1, 2], [["k": nil]]],
    ]
    #expect(
      YAMLWriter.write(tree) == """
        pools:
          - name: a
            gpus: [0, 1]
            taints: []
        empty: {}
        nested:
          - [1, 2]
          - - k: null

        """)
    #expect(
      JSONWriter.write(["a": [1, "x\n"], "b": [:], "c": 1.5]) == """
        {
          "a": [
            1,
            "x\\n"
          ],
          "b": {},
          "c": 1.5
        }

        """)
  }
}

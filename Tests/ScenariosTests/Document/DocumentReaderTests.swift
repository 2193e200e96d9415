import Scenarios
import Testing

@Suite struct YAMLReaderTests {
  @Test func givesOneBasedPositionsForEveryNode() throws {
    let root = try yaml("name: a\npools:\n  - gpus: 2\n    model: A100\n")
    guard case .mapping(let top) = root.value else {
      Issue.record("root is not a mapping")
      return
    }
    #expect(top.map(\.key.location.line) == [1, 2])
    #expect(top[0].value.location.column == 7)
    guard case .sequence(let pools) = top[1].value.value,
      case .mapping(let pool) = pools[0].value
    else {
      Issue.record("pools is not a sequence of mappings")
      return
    }
    #expect(pools[0].location.line == 3)
    #expect(pools[0].location.column == 5)
    #expect(pool[1].value.location.line == 4)
    #expect(pool[1].value.location.column == 12)
  }

  @Test func keepsQuotedScalarsAsStringsAndPlainNullsAsNull() throws {
    let root = try yaml("a: \"1\"\nb: 1\nc: ~\nd:\ne: null\nf: 'null'\n")
    guard case .mapping(let pairs) = root.value else {
      Issue.record("root is not a mapping")
      return
    }
    let values = pairs.map { OutputValue(interpreting: $0.value) }
    #expect(values == ["1", 1, nil, nil, nil, "null"])
  }

  @Test func reportsSyntaxErrorWithLibyamlProblemAndPosition() {
    let errors = inputErrors { try yaml("ok: 1\na: b: c\n") }
    #expect(
      brief(errors) == [
        "2:5: : syntax error: mapping values are not allowed in this context"
      ])
  }

  @Test func reportsSyntaxErrorContextWithItsPosition() {
    let errors = inputErrors { try yaml("a:\n  b: 1\n c: 2\n") }
    #expect(
      brief(errors) == [
        "3:2: : syntax error: did not find expected key (while parsing a "
          + "block mapping at line 1, column 1)"
      ])
  }

  @Test func reportsEveryDuplicateKeyWithBothLocations() {
    let text = "a: 1\nb:\n  x: 1\n  x: 2\na: 3\n"
    let errors = inputErrors { try yaml(text) }
    #expect(
      brief(errors) == [
        "4:3: : duplicate key 'x'; first defined at line 3, column 3",
        "5:1: : duplicate key 'a'; first defined at line 1, column 1",
      ])
  }

  @Test func refusesMappingKeysThatAreNotScalars() {
    let errors = inputErrors { try yaml("? [1, 2]\n: x\n") }
    #expect(
      brief(errors) == [
        "1:3: : found a sequence as a mapping key, expected a scalar key"
      ])
  }

  @Test func refusesASecondDocument() {
    let errors = inputErrors { try yaml("a: 1\n---\nb: 2\n") }
    #expect(
      brief(errors) == [
        "2:1: : found a second document; a file holds exactly one document"
      ])
  }

  @Test func refusesAnchorsAndAliases() {
    let errors = inputErrors { try yaml("a: &x 1\nb: *x\n") }
    #expect(
      brief(errors) == [
        "1:4: : anchor '&x' is not supported; write the value out in full",
        "2:4: : alias '*x' is not supported; write the value out in full",
      ])
  }

  @Test func refusesAnEmptyFileAsAWhole() {
    for text in ["", "\n\n", "# only a comment\n"] {
      let errors = inputErrors { try yaml(text) }
      #expect(
        brief(errors) == ["0:0: : the file is empty; expected a YAML document"],
        "for \(text.debugDescription)")
    }
  }

  @Test func countsColumnsInCharactersNotBytes() throws {
    let root = try yaml("é: ü\n")
    guard case .mapping(let pairs) = root.value else {
      Issue.record("root is not a mapping")
      return
    }
    #expect(pairs[0].value.location.column == 4)
  }
}

@Suite struct JSONReaderTests {
  @Test func givesPositionsAndKeepsNumbersAsText() throws {
    let root = try json("{\n  \"a\": [1.50, true],\n  \"b\": null\n}")
    guard case .mapping(let pairs) = root.value,
      case .sequence(let items) = pairs[0].value.value
    else {
      Issue.record("unexpected shape")
      return
    }
    #expect(root.location.line == 1 && root.location.column == 1)
    #expect(pairs[0].key.location.column == 3)
    #expect(items[0].location.line == 2 && items[0].location.column == 9)
    #expect(items[0].scalarText == "1.50")
    #expect(items[1].location.column == 15)
    #expect(OutputValue(interpreting: pairs[1].value) == .null)
    #expect(OutputValue(interpreting: items[1]) == .bool(true))
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    let root = try json(#"["a\"b\\c\/d\n\t\u00e9\ud83d\ude00"]"#)
    guard case .sequence(let items) = root.value else {
      Issue.record("not a sequence")
      return
    }
    #expect(items[0].scalarText == "a\"b\\c/d\n\té😀")
  }

  /// Each case: the text, then the expected `line:column: message`.
  static let syntaxCases: [(String, String)] = [
    ("{\"a\": 1]", "1:8: expected ',' or '}' after object member, found ']'"),
    ("[1, 2}", "1:6: expected ',' or ']' after array element, found '}'"),
    ("{\"a\" 1}", "1:6: expected ':' after object key, found '1'"),
    ("{\"a\": 1,}", "1:9: expected a string key after ',', found '}'"),
    ("{a: 1}", "1:2: expected a string key or '}', found 'a'"),
    ("[1,\n ]", "2:2: expected a value after ',', found ']'"),
    ("[tru]", "1:2: expected a value or ']', found 'tru'"),
    ("{\"a\": }", "1:7: expected a value after ':', found '}'"),
    ("[01]", "1:3: invalid number: a leading zero is not allowed"),
    ("[-x]", "1:3: expected a digit after '-', found 'x'"),
    ("[1.]", "1:4: expected a digit after the decimal point, found ']'"),
    ("[1e+]", "1:5: expected a digit in the exponent, found ']'"),
    ("[\"ab", "1:2: unterminated string"),
    ("[\"a\\qb\"]", "1:4: invalid escape '\\q' in string"),
    ("[\"\\u12g4\"]", "1:3: invalid '\\u' escape: expected 4 hexadecimal digits"),
    ("[\"\\ud800x\"]", "1:3: unpaired surrogate '\\uD800' in string"),
    ("[\"a\tb\"]", "1:4: unescaped control character U+0009 in string"),
    ("{} {}", "1:4: expected end of file after the JSON value, found '{'"),
    ("  \n ", "0:0: the file is empty; expected a JSON value"),
  ]

  @Test(arguments: syntaxCases)
  func reportsSyntaxErrorAtItsPlace(text: String, expected: String) {
    let errors = inputErrors { try json(text) }
    #expect(
      errors.map {
        "\($0.location.line):\($0.location.column): \($0.message)"
      } == [expected])
  }

  @Test func reportsEveryDuplicateKey() {
    let errors = inputErrors {
      try json("{\"a\": 1,\n \"b\": {\"c\": 1, \"c\": 2},\n \"a\": 3}")
    }
    #expect(
      brief(errors) == [
        "2:16: : duplicate key 'c'; first defined at line 2, column 8",
        "3:2: : duplicate key 'a'; first defined at line 1, column 2",
      ])
  }

  @Test func refusesNestingBeyondTheLimit() {
    let deep = String(repeating: "[", count: 600)
    let errors = inputErrors { try json(deep) }
    #expect(
      brief(errors) == [
        "1:513: : nesting deeper than 512 levels is not supported"
      ])
  }
}

@Suite struct ReadDocumentTests {
  @Test func choosesTheFormatByExtension() {
    #expect(DocumentFormat(path: "a/b.yaml") == .yaml)
    #expect(DocumentFormat(path: "b.YML") == .yaml)
    #expect(DocumentFormat(path: "b.json") == .json)
    #expect(DocumentFormat(path: "b.txt") == nil)
  }

  @Test func reportsAnUnreadableFileAsAWhole() {
    let errors = inputErrors {
      try readDocument(atPath: "/nonexistent/dir/scenario.yaml")
    }
    #expect(
      errors.map(\.description) == [
        "/nonexistent/dir/scenario.yaml: error: cannot read the file: "
          + "no such file"
      ])
  }

  @Test func refusesAnUnknownExtension() {
    let errors = inputErrors { try readDocument(atPath: "notes.txt") }
    #expect(errors.count == 1)
    #expect(errors.first?.location.line == 0)
  }
}

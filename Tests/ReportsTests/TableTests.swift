import Testing

@testable import Reports

@Suite struct TableTests {
  private func sampleTable() -> Table {
    var table = Table(columns: [
      .init("model"), .init("GPUs", rightAligned: true),
      .init("share", rightAligned: true),
    ])
    table.append(["a100-40gb", 16, .number(0.5, decimals: 2)])
    table.append(["h100", 8, .number(12.345, decimals: 2)])
    return table
  }

  @Test func textAlignsColumnsAndRightAlignsNumbers() {
    let text = sampleTable().renderText()
    #expect(
      text == """
        model      GPUs  share
        a100-40gb    16   0.50
        h100          8  12.35

        """)
  }

  @Test func csvQuotesOnlyFieldsThatNeedIt() {
    var table = Table(columns: [.init("name"), .init("note")])
    table.append(["plain", "has, comma"])
    table.append(["quote", "say \"hi\""])
    table.append(["line", "two\r\nlines"])
    let expected = [
      "name,note",
      "plain,\"has, comma\"",
      "quote,\"say \"\"hi\"\"\"",
      "line,\"two\r\nlines\"",
    ]
    #expect(table.renderCSV() == expected.joined(separator: "\n") + "\n")
  }

  @Test(arguments: [
    (0.0, 2, "0.00"), (1.005, 1, "1.0"), (2.5, 0, "3"), (-2.5, 0, "-3"),
    (-0.001, 2, "0.00"), (95.234, 2, "95.23"), (0.125, 2, "0.13"),
    (123456.7, 3, "123456.700"),
  ])
  func fixedFormattingRoundsHalfAwayFromZero(
    value: Double, decimals: Int, expected: String
  ) {
    #expect(formatFixed(value, decimals: decimals) == expected)
  }

  @Test func appendingARowOfTheWrongWidthIsAProgrammerMistake() async {
    await #expect(processExitsWith: .failure) {
      var table = Table(columns: [.init("a")])
      table.append(["x", "y"])
    }
  }
}

@Suite struct TableJSONTests {
  @Test func jsonKeepsColumnOrderTypesAndRounding() {
    var table = Table(columns: [
      .init("name"), .init("count"), .init("share"), .init("ok"),
      .init("note"),
    ])
    table.append(["x", 3, .number(0.126, decimals: 2), .boolean(true), .empty])
    let json = table.renderJSON()
    let compact = json.filter { !$0.isWhitespace }
    #expect(
      compact
        == #"[{"name":"x","count":3,"share":0.13,"ok":true,"note":null}]"#)
  }
}

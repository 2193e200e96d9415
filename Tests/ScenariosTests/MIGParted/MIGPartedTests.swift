import Scenarios
import Testing

@Suite struct MIGPartedTests {
  static let sample = """
    version: v1
    mig-configs:
      all-disabled:
        - devices: all
          mig-enabled: false
      all-balanced:
        - device-filter: ["0x20B010DE", "0x20B110DE"]
          devices: all
          mig-enabled: true
          mig-devices:
            "1g.5gb": 2
            "2g.10gb": 1
            "3g.20gb": 1
      custom:
        - devices: [0, 1]
          mig-enabled: true
          mig-devices: {}
        - devices: [2]
          mig-enabled: false
          device-filter: "0x233010DE"

    """

  static let expected = MIGPartedFile(configs: [
    MIGPartedConfig(
      name: "all-disabled",
      entries: [MIGPartedEntry(devices: .all, migEnabled: false)]),
    MIGPartedConfig(
      name: "all-balanced",
      entries: [
        MIGPartedEntry(
          devices: .all, migEnabled: true,
          migDevices: ["1g.5gb": 2, "2g.10gb": 1, "3g.20gb": 1],
          deviceFilter: ["0x20B010DE", "0x20B110DE"])
      ]),
    MIGPartedConfig(
      name: "custom",
      entries: [
        MIGPartedEntry(devices: .indices([0, 1]), migEnabled: true),
        MIGPartedEntry(
          devices: .indices([2]), migEnabled: false,
          deviceFilter: ["0x233010DE"]),
      ]),
  ])

  func errors(_ text: String) -> [String] {
    brief(inputErrors { try MIGPartedFile(text: text, file: "m.yaml") })
  }

  @Test func readsEveryFieldOfASampleFile() throws {
    let file = try MIGPartedFile(text: Self.sample, file: "m.yaml")
    #expect(file == Self.expected)
  }

  @Test func readsTheSameFileFromJSON() throws {
    let text = JSONWriter.write(Self.expected.outputValue)
    let file = try MIGPartedFile(text: text, file: "m.json", format: .json)
    #expect(file == Self.expected)
  }

  @Test func writesYAMLThatReadsBackEqualAndIsStable() throws {
    let text = Self.expected.yamlText()
    let again = try MIGPartedFile(text: text, file: "w.yaml")
    #expect(again == Self.expected)
    #expect(again.yamlText() == text)
  }

  @Test func writesTheFormTheMIGManagerReads() {
    let file = MIGPartedFile(configs: [
      MIGPartedConfig(
        name: "all-1g.5gb",
        entries: [
          MIGPartedEntry(
            devices: .all, migEnabled: true, migDevices: ["1g.5gb": 7])
        ]),
      MIGPartedConfig(
        name: "split",
        entries: [
          MIGPartedEntry(devices: .indices([0, 1]), migEnabled: false)
        ]),
    ])
    #expect(
      file.yamlText() == """
        version: v1
        mig-configs:
          all-1g.5gb:
            - devices: all
              mig-enabled: true
              mig-devices:
                1g.5gb: 7
          split:
            - devices: [0, 1]
              mig-enabled: false

        """)
  }

  @Test func refusesABareIntegerAsDevices() {
    let text = "version: v1\nmig-configs:\n  c:\n    - devices: 0\n"
      + "      mig-enabled: false\n"
    #expect(
      errors(text) == [
        "4:16: mig-configs.c[0].devices: found integer 0, expected all or "
          + "a list of GPU indices such as [0, 1]"
      ])
  }

  @Test func reportsUnknownKeyWithSuggestionAndMissingKey() {
    let text = """
      version: v1
      mig-configs:
        c:
          - devices: all
            mig-enable: true
      """
    #expect(
      errors(text) == [
        "4:7: mig-configs.c[0]: missing required key 'mig-enabled'",
        "5:7: mig-configs.c[0].mig-enable: unknown key 'mig-enable'; "
          + "did you mean 'mig-enabled'?",
      ])
  }

  @Test func reportsThreeMistakesInOneFile() {
    let text = """
      version: v2
      mig-configs:
        "all-1g.5gb":
          - devices: [0, -1]
            mig-enabled: yes
            mig-devices:
              1g.5gb: many
      """
    #expect(
      errors(text) == [
        "1:10: version: found \"v2\", expected one of: v1",
        "4:20: mig-configs[\"all-1g.5gb\"][0].devices[1]: found integer -1, "
          + "expected an integer of at least 0",
        "5:20: mig-configs[\"all-1g.5gb\"][0].mig-enabled: found \"yes\", "
          + "expected true or false (yes, no, on and off are not booleans "
          + "here)",
        "7:17: mig-configs[\"all-1g.5gb\"][0].mig-devices[\"1g.5gb\"]: "
          + "found \"many\", expected an integer of at least 0",
      ])
  }

  @Test func refusesOverlappingDeviceListsInOneConfig() {
    let text = """
      version: v1
      mig-configs:
        c:
          - devices: [0, 1]
            mig-enabled: false
          - devices: [2, 1, 2]
            mig-enabled: false
      """
    #expect(
      errors(text) == [
        "6:23: mig-configs.c[1].devices[2]: GPU index 2 appears twice in "
          + "this entry"
      ])
    let overlap = text.replacingOccurrences(of: "[2, 1, 2]", with: "[2, 1]")
    #expect(
      errors(overlap) == [
        "6:20: mig-configs.c[1].devices[1]: GPU 1 is already configured "
          + "by entry 0 of config 'c'"
      ])
  }

  @Test func refusesInstancesOnADisabledGPUAndEmptyNames() {
    let text = """
      version: v1
      mig-configs:
        c:
          - devices: all
            mig-enabled: false
            mig-devices: {"": 1, "1g.5gb": 1}
            device-filter: []
      """
    #expect(
      errors(text) == [
        "6:20: mig-configs.c[0].mig-devices: mig-devices must be empty "
          + "when mig-enabled is false",
        "6:25: mig-configs.c[0].mig-devices[\"\"]: a profile name must not "
          + "be empty",
        "7:22: mig-configs.c[0].device-filter: found a sequence, expected "
          + "a list of at least one device ID",
      ])
  }
}

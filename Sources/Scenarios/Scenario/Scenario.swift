import ClusterModel

/// A complete simulation input: the cluster, what its tenants submit, and
/// how the simulation runs.
///
/// Read one with `Scenario.load(path:)`; the format is described in
/// docs/scenario-format.md. A loaded scenario satisfies every invariant of
/// the cluster model and every reference between its parts.
public struct Scenario: Hashable, Sendable {
  /// The scenario's name.
  public var name: String
  /// A free-text description; empty when none was given.
  public var description: String
  /// Node pools, cohorts and tenants.
  public var cluster: Cluster
  /// Workload templates and generators.
  public var demand: Demand
  /// Seed, horizon, strategy, reconfiguration, faults, coefficients.
  public var simulation: SimulationSettings
  /// Admission rules.
  public var admission: AdmissionPolicies
  /// The security model, or `nil` when compromises are not simulated.
  public var security: SecurityModel?
  /// The jobs of every generator with a `jobs` file, by generator name,
  /// in file order.
  public var jobLists: [String: [ListedJob]]

  /// Creates a scenario.
  public init(
    name: String,
    description: String = "",
    cluster: Cluster,
    demand: Demand = Demand(),
    simulation: SimulationSettings = SimulationSettings(),
    admission: AdmissionPolicies = AdmissionPolicies(),
    security: SecurityModel? = nil,
    jobLists: [String: [ListedJob]] = [:]
  ) {
    self.name = name
    self.description = description
    self.cluster = cluster
    self.demand = demand
    self.simulation = simulation
    self.admission = admission
    self.security = security
    self.jobLists = jobLists
  }

  /// Every broken invariant of the parts and every broken reference
  /// between them, with paths as the scenario file spells them.
  ///
  /// - Returns: The violations; empty when the scenario is valid.
  /// - Complexity: Linear in the scenario's size, times the number of
  ///   names a reference is checked against.
  public func validate() -> [ModelViolation] {
    var found = cluster.validate()
    found += demand.validate(in: cluster)
    found += simulation.validate()
    found += admission.validate(in: cluster)
    found += security?.validate() ?? []
    return found
  }
}

// MARK: - Loading

extension Scenario {
  /// Reads and checks a scenario file, YAML (`.yaml`, `.yml`) or JSON
  /// (`.json`).
  ///
  /// - Parameter path: The file's path.
  /// - Returns: The scenario.
  /// - Throws: `InputErrors` with every mistake found: syntax, unknown
  ///   keys (with the nearest valid key), wrong types and ranges, broken
  ///   invariants and unknown references, each with file, line, column
  ///   and field path.
  /// - Complexity: Linear in the file's size.
  public static func load(path: String) throws(InputErrors) -> Scenario {
    try decode(readDocument(atPath: path))
  }

  /// Reads and checks scenario text.
  ///
  /// - Parameters:
  ///   - text: The whole document.
  ///   - file: The name used in error locations.
  ///   - format: YAML or JSON.
  /// - Returns: The scenario.
  /// - Throws: `InputErrors` with every mistake found.
  public static func decode(
    text: String, file: String, format: DocumentFormat
  ) throws(InputErrors) -> Scenario {
    try decode(readDocument(text: text, file: file, format: format))
  }

  /// Decodes and checks a parsed document.
  ///
  /// - Parameter document: The document's root node.
  /// - Returns: The scenario.
  /// - Throws: `InputErrors` with every mistake found.
  public static func decode(_ document: DocumentNode) throws(InputErrors)
    -> Scenario
  {
    let decoder = DocumentDecoder()
    var scenario = ScenarioReader.scenario(decoder.root(of: document))
    scenario?.readMIGPartedLayouts(of: document, into: decoder)
    if let scenario {
      // A field that could not be decoded holds a placeholder; checks of
      // the model under it would only repeat the mistake.
      let broken = decoder.errors.map(\.path).filter { !$0.isEmpty }
      let locator = ViolationLocator(root: document)
      for violation in scenario.validate()
      where !broken.contains(where: { violation.path.isInside($0) }) {
        decoder.report(locator.error(for: violation))
      }
    }
    try decoder.finish()
    guard let scenario else {
      throw InputErrors([
        InputError(
          at: document.location, path: "",
          "the document could not be decoded as a scenario")
      ])
    }
    return scenario
  }
}

extension String {
  /// Whether this field path is `path` or lies under it.
  fileprivate func isInside(_ path: String) -> Bool {
    self == path || hasPrefix(path + ".") || hasPrefix(path + "[")
  }
}

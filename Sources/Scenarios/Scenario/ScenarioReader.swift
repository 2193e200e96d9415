import ClusterModel
import MIGGeometry

/// Decodes a scenario document into model values, reporting every mistake
/// into the reader's decoder. Broken fields are replaced by harmless
/// placeholders so that decoding goes on and later checks do not repeat
/// the same mistake.
enum ScenarioReader {
  static let topKeys = [
    "name", "description", "pools", "cohorts", "tenants", "templates",
    "workloads", "simulation", "admission", "security",
  ]

  static func scenario(_ root: NodeReader) -> Scenario? {
    guard let top = root.mapping(allowedKeys: topKeys) else { return nil }
    let name = top.required("name") { $0.string(nonEmpty: true) } ?? ""
    let description = top.optional("description") { $0.string() } ?? ""
    let pools = top.required("pools") { $0.sequence(pool) } ?? []
    let cohorts = top.optional("cohorts") { $0.sequence(cohort) } ?? []
    let tenants = top.optional("tenants") { $0.sequence(tenant) } ?? []
    let templates =
      top.optional("templates") { $0.sequence(template) } ?? []
    let generators =
      top.optional("workloads") { $0.sequence(generator) } ?? []
    let simulation =
      top.optional("simulation", simulationSettings) ?? SimulationSettings()
    let admission =
      top.optional("admission", admissionPolicies) ?? AdmissionPolicies()
    let security = top.optional("security", securityModel)
    return Scenario(
      name: name, description: description,
      cluster: Cluster(pools: pools, cohorts: cohorts, tenants: tenants),
      demand: Demand(templates: templates, generators: generators),
      simulation: simulation, admission: admission, security: security)
  }

  static func cohort(_ node: NodeReader) -> Cohort? {
    guard let m = node.mapping(allowedKeys: ["name"]) else { return nil }
    return m.required("name") { $0.string(nonEmpty: true) }.map {
      Cohort(name: $0)
    }
  }

  // MARK: - Shared pieces

  /// A list of non-empty strings.
  static func names(_ node: NodeReader) -> [String]? {
    node.sequence { $0.string(nonEmpty: true) }
  }

  /// A map from label keys to string values.
  static func labels(_ node: NodeReader) -> [String: String]? {
    guard let entries = node.entries({ $0.string() }) else { return nil }
    var result: [String: String] = [:]
    for entry in entries { result[entry.key] = entry.value }
    return result
  }

  static func taint(_ node: NodeReader) -> Taint? {
    guard let m = node.mapping(allowedKeys: ["key", "value", "effect"])
    else { return nil }
    let key = m.required("key") { $0.string(nonEmpty: true) }
    let value = m.optional("value") { $0.string() } ?? ""
    let effect = m.required("effect") { $0.oneOf(TaintEffect.self) }
    guard let key, let effect else { return nil }
    return Taint(key: key, value: value, effect: effect)
  }

  static func toleration(_ node: NodeReader) -> Toleration? {
    guard
      let m = node.mapping(allowedKeys: [
        "key", "operator", "value", "effect", "tolerationSeconds",
      ])
    else { return nil }
    let key = m.optional("key") { $0.string() } ?? ""
    let op =
      m.optional("operator") { $0.oneOf(TolerationOperator.self) } ?? .equal
    let value = m.optional("value") { $0.string() } ?? ""
    let effect = m.optional("effect") { $0.oneOf(TaintEffect.self) }
    let seconds = m.optional("tolerationSeconds") { $0.int() }
    return Toleration(
      key: key, operator: op, value: value, effect: effect,
      tolerationSeconds: seconds)
  }

  static func requirement(_ node: NodeReader) -> NodeSelectorRequirement? {
    guard let m = node.mapping(allowedKeys: ["key", "operator", "values"])
    else { return nil }
    let key = m.required("key") { $0.string(nonEmpty: true) }
    let op = m.required("operator") { $0.oneOf(NodeSelectorOperator.self) }
    let values = m.optional("values") { $0.sequence { $0.string() } } ?? []
    guard let key, let op else { return nil }
    return NodeSelectorRequirement(key: key, operator: op, values: values)
  }

  static func term(_ node: NodeReader) -> NodeSelectorTerm? {
    guard let m = node.mapping(allowedKeys: ["matchExpressions"]) else {
      return nil
    }
    let expressions =
      m.required("matchExpressions") { $0.sequence(requirement) } ?? []
    return NodeSelectorTerm(matchExpressions: expressions)
  }

  /// A duration model: a plain duration (fixed) or a mapping with
  /// `distribution`.
  static func durationModel(_ node: NodeReader) -> DurationModel? {
    if case .scalar = node.node.value {
      return node.durationSeconds(min: 1).map { .fixed(seconds: $0) }
    }
    let kinds = ["fixed", "exponential", "logNormal", "empirical"]
    let keysByKind = [
      "fixed": ["value"], "exponential": ["mean"],
      "logNormal": ["mu", "sigma", "median", "p95"], "empirical": ["values"],
    ]
    guard
      let probe = node.mapping(
        allowedKeys: ["distribution"] + kinds.flatMap { keysByKind[$0] ?? [] })
    else { return nil }
    guard let kind = probe.required("distribution", { $0.oneOf(kinds) })
    else { return nil }
    // Re-read with the keys of this distribution only.
    let allowed = ["distribution"] + (keysByKind[kind] ?? [])
    for key in probe.keys where !allowed.contains(key) {
      probe.required(key)?.error(
        "key '\(key)' does not apply to distribution '\(kind)'; expected "
          + "one of: \(allowed.dropFirst().joined(separator: ", "))")
    }
    switch kind {
    case "fixed":
      return probe.required("value") { $0.durationSeconds(min: 1) }.map {
        .fixed(seconds: $0)
      }
    case "exponential":
      return probe.required("mean") { $0.durationSeconds(min: 1) }.map {
        .exponential(meanSeconds: Double($0))
      }
    case "empirical":
      return probe.required("values") {
        $0.sequence { $0.durationSeconds(min: 1) }
      }.map { .empirical(seconds: $0) }
    default:
      return logNormal(probe)
    }
  }

  private static func logNormal(_ m: MappingReader) -> DurationModel? {
    let byMoments = m.contains("mu") || m.contains("sigma")
    let byQuantiles = m.contains("median") || m.contains("p95")
    if byMoments && byQuantiles {
      m.error("give either mu and sigma or median and p95, not both")
      return nil
    }
    if byQuantiles {
      let median = m.required("median") { $0.durationSeconds(min: 1) }
      let p95 = m.required("p95") { $0.durationSeconds(min: 1) }
      guard let median, let p95 else { return nil }
      guard p95 > median else {
        m.required("p95")?.typeMismatch(
          expected: "a duration greater than the median (\(median)s)")
        return nil
      }
      return .logNormal(
        medianSeconds: Double(median), p95Seconds: Double(p95))
    }
    let mu = m.required("mu") { $0.double() }
    let sigma = m.required("sigma") { $0.double(min: 0, excludingMin: true) }
    guard let mu, let sigma else { return nil }
    return .logNormal(mu: mu, sigma: sigma)
  }
}

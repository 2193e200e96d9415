import ClusterModel
import Testing

/// One row: a requirement, node labels, the verdict.
struct SelectorCase: CustomTestStringConvertible, Sendable {
  var name: String
  var requirement: NodeSelectorRequirement
  var labels: [String: String]
  var matches: Bool
  var testDescription: String { name }
}

private let pool = ["pool": "agents", "gen": "8"]

private let selectorCases: [SelectorCase] = [
  SelectorCase(
    name: "In matches a listed value",
    requirement: .init(key: "pool", operator: .in, values: ["a", "agents"]),
    labels: pool, matches: true),
  SelectorCase(
    name: "In refuses an unlisted value",
    requirement: .init(key: "pool", operator: .in, values: ["train"]),
    labels: pool, matches: false),
  SelectorCase(
    name: "In refuses a missing label",
    requirement: .init(key: "zone", operator: .in, values: ["a"]),
    labels: pool, matches: false),
  SelectorCase(
    name: "NotIn accepts a missing label",
    requirement: .init(key: "zone", operator: .notIn, values: ["a"]),
    labels: pool, matches: true),
  SelectorCase(
    name: "NotIn refuses a listed value",
    requirement: .init(key: "pool", operator: .notIn, values: ["agents"]),
    labels: pool, matches: false),
  SelectorCase(
    name: "NotIn accepts an unlisted value",
    requirement: .init(key: "pool", operator: .notIn, values: ["train"]),
    labels: pool, matches: true),
  SelectorCase(
    name: "Exists accepts a present label",
    requirement: .init(key: "pool", operator: .exists),
    labels: pool, matches: true),
  SelectorCase(
    name: "Exists refuses a missing label",
    requirement: .init(key: "zone", operator: .exists),
    labels: pool, matches: false),
  SelectorCase(
    name: "DoesNotExist accepts a missing label",
    requirement: .init(key: "zone", operator: .doesNotExist),
    labels: pool, matches: true),
  SelectorCase(
    name: "DoesNotExist refuses a present label",
    requirement: .init(key: "pool", operator: .doesNotExist),
    labels: pool, matches: false),
  SelectorCase(
    name: "Gt accepts a larger integer label",
    requirement: .init(key: "gen", operator: .greaterThan, values: ["7"]),
    labels: pool, matches: true),
  SelectorCase(
    name: "Gt refuses an equal integer label",
    requirement: .init(key: "gen", operator: .greaterThan, values: ["8"]),
    labels: pool, matches: false),
  SelectorCase(
    name: "Lt accepts a smaller integer label",
    requirement: .init(key: "gen", operator: .lessThan, values: ["9"]),
    labels: pool, matches: true),
  SelectorCase(
    name: "Lt refuses a missing label",
    requirement: .init(key: "zone", operator: .lessThan, values: ["9"]),
    labels: pool, matches: false),
  SelectorCase(
    name: "Gt refuses a label that is not an integer",
    requirement: .init(key: "pool", operator: .greaterThan, values: ["1"]),
    labels: pool, matches: false),
]

@Test(arguments: selectorCases)
func requirementFollowsKubernetesOperators(_ row: SelectorCase) {
  #expect(row.requirement.matches(row.labels) == row.matches)
}

@Test func termsAreOrEdAndExpressionsAndEd() {
  let isAgents = NodeSelectorRequirement(
    key: "pool", operator: .in, values: ["agents"])
  let isNew = NodeSelectorRequirement(
    key: "gen", operator: .greaterThan, values: ["8"])
  let both = NodeSelector(terms: [.init(matchExpressions: [isAgents, isNew])])
  let either = NodeSelector(terms: [
    .init(matchExpressions: [isAgents]), .init(matchExpressions: [isNew]),
  ])
  #expect(!both.matches(pool))
  #expect(either.matches(pool))
  #expect(!NodeSelector(terms: [.init(matchExpressions: [])]).matches(pool))
  #expect(!NodeSelector(terms: []).matches(pool))
}

@Test func nodeSelectorAndAffinityMustBothHold() {
  let affinity = NodeSelector(terms: [
    .init(matchExpressions: [.init(key: "gen", operator: .exists)])
  ])
  #expect(NodePlacement().matches([:]))
  #expect(NodePlacement(nodeSelector: ["pool": "agents"]).matches(pool))
  #expect(!NodePlacement(nodeSelector: ["pool": "train"]).matches(pool))
  #expect(
    NodePlacement(nodeSelector: ["pool": "agents"], requiredAffinity: affinity)
      .matches(pool))
  #expect(
    !NodePlacement(nodeSelector: ["pool": "agents"], requiredAffinity: affinity)
      .matches(["pool": "agents"]))
}

@Test func requirementValidationChecksValueCounts() {
  let paths: (NodeSelectorRequirement) -> [String] = {
    $0.violations(at: "r").map(\.path)
  }
  #expect(paths(.init(key: "k", operator: .in)) == ["r.values"])
  #expect(paths(.init(key: "k", operator: .exists, values: ["v"]))
    == ["r.values"])
  #expect(paths(.init(key: "k", operator: .lessThan, values: ["1", "2"]))
    == ["r.values"])
  #expect(paths(.init(key: "k", operator: .greaterThan, values: ["x"]))
    == ["r.values"])
  #expect(paths(.init(key: "", operator: .exists)) == ["r.key"])
  #expect(paths(.init(key: "k", operator: .notIn, values: ["a"])).isEmpty)
}

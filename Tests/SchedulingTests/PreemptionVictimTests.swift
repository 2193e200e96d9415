import Scheduling
import Testing

/// A hand-built node: a GPU capacity and pods holding GPUs.
struct ToyNode: Sendable {
  var capacity: Int
  /// (id, priority, start, GPUs)
  var pods: [(id: Int, priority: Int, start: Int, gpus: Int)]
}

/// The oracle over toy nodes: the preemptor needs `need` GPUs.
private func oracle(_ nodes: [ToyNode], need: Int)
  -> (Int, [Int]) -> Bool
{
  { node, removing in
    let removed = Set(removing)
    let held = nodes[node].pods.filter { !removed.contains($0.id) }
      .reduce(0) { $0 + $1.gpus }
    return nodes[node].capacity - held >= need
  }
}

private func candidates(_ nodes: [ToyNode]) -> [PreemptionNode] {
  nodes.enumerated().map { index, node in
    PreemptionNode(
      node: index,
      pods: node.pods.map {
        RunningPod(id: $0.id, priority: $0.priority, startedAt: $0.start)
      })
  }
}

/// A hand-checked preemption: which node, which victims.
struct VictimCase: CustomTestStringConvertible, Sendable {
  var name: String
  var nodes: [ToyNode]
  var need: Int
  var priority: Int = 10
  /// (node, victim ids most important first), `nil` when refused.
  var expected: (node: Int, victims: [Int])?
  var testDescription: String { name }
}

private let victimCases: [VictimCase] = [
  VictimCase(
    name: "fewest victims when priorities tie: one 3-GPU pod beats three",
    nodes: [
      ToyNode(
        capacity: 4,
        pods: [
          (1, 1, 0, 1), (2, 1, 0, 1), (3, 1, 0, 1), (4, 1, 0, 1),
        ]),
      ToyNode(capacity: 4, pods: [(5, 1, 0, 1), (6, 1, 5, 3)]),
    ],
    need: 3, expected: (1, [6])),
  VictimCase(
    name: "lowest highest-victim priority beats fewer victims",
    nodes: [
      ToyNode(capacity: 2, pods: [(1, 5, 0, 2)]),
      ToyNode(capacity: 2, pods: [(2, 1, 0, 1), (3, 1, 0, 1)]),
    ],
    need: 2, expected: (1, [2, 3])),
  VictimCase(
    name: "smallest priority sum breaks a tie on the highest",
    nodes: [
      ToyNode(capacity: 2, pods: [(1, 4, 0, 1), (2, 4, 0, 1)]),
      ToyNode(capacity: 2, pods: [(3, 4, 0, 1), (4, 1, 0, 1)]),
    ],
    need: 2, expected: (1, [3, 4])),
  VictimCase(
    name: "the most recently started victims lose when all else ties",
    nodes: [
      ToyNode(capacity: 2, pods: [(1, 1, 10, 2)]),
      ToyNode(capacity: 2, pods: [(2, 1, 50, 2)]),
    ],
    need: 2, expected: (1, [2])),
  VictimCase(
    name: "the first node wins a complete tie",
    nodes: [
      ToyNode(capacity: 2, pods: [(1, 1, 10, 2)]),
      ToyNode(capacity: 2, pods: [(2, 1, 10, 2)]),
    ],
    need: 2, expected: (0, [1])),
  VictimCase(
    name: "pods of equal or higher priority are never victims",
    nodes: [
      ToyNode(capacity: 2, pods: [(1, 10, 0, 2)]),
      ToyNode(capacity: 2, pods: [(2, 11, 0, 1), (3, 9, 0, 1)]),
    ],
    need: 2, expected: nil),
  VictimCase(
    name: "only the lower-priority pods needed are evicted",
    nodes: [
      ToyNode(
        capacity: 4,
        pods: [
          (1, 20, 0, 1), (2, 3, 0, 1), (3, 2, 0, 1), (4, 1, 0, 1),
        ])
    ],
    need: 2, expected: (0, [3, 4])),
  VictimCase(
    name: "a node with room needs no victims",
    nodes: [
      ToyNode(capacity: 2, pods: [(1, 1, 0, 2)]),
      ToyNode(capacity: 2, pods: []),
    ],
    need: 2, expected: (1, [])),
]

@Test(arguments: victimCases)
func preemptionChoosesKubeSchedulerVictims(_ c: VictimCase) {
  let preemption = PriorityPreemption(priority: c.priority)
  let outcome = preemption.choose(
    among: candidates(c.nodes), fits: oracle(c.nodes, need: c.need))
  if let expected = c.expected {
    #expect(outcome.choice?.node == expected.node)
    #expect(outcome.choice?.victims.map(\.id) == expected.victims)
  } else {
    #expect(outcome.choice == nil)
  }
}

@Test func refusalCountsNodesWithNothingLower() {
  let nodes = [
    ToyNode(capacity: 1, pods: [(1, 10, 0, 1)]),
    ToyNode(capacity: 2, pods: [(2, 1, 0, 1), (3, 50, 0, 1)]),
  ]
  let outcome = PriorityPreemption(priority: 10).choose(
    among: candidates(nodes), fits: oracle(nodes, need: 2))
  #expect(
    outcome
      == .refused(
        PreemptionRefusal(
          cause: .noNodeFitsAfterRemoval, nodesExamined: 2,
          nodesWithoutLowerPriorityPods: 1)))
}

@Test func preemptionPolicyNeverEvictsNothing() {
  let nodes = [ToyNode(capacity: 1, pods: [(1, 0, 0, 1)])]
  let outcome = PriorityPreemption(priority: 10, mayPreempt: false).choose(
    among: candidates(nodes), fits: oracle(nodes, need: 1))
  #expect(
    outcome
      == .refused(
        PreemptionRefusal(
          cause: .preemptionPolicyNever, nodesExamined: 0,
          nodesWithoutLowerPriorityPods: 0)))
}

@Test(arguments: [(50, 50), (500, 100), (1000, 100), (5000, 500)])
func candidateLimitIsTenPercentAtLeastAHundred(nodes: Int, limit: Int) {
  #expect(PriorityPreemption.candidateLimit(nodeCount: nodes) == limit)
}

@Test func stopsExaminingAfterTheCandidateLimit() {
  // Node 1 would be cheaper, but the limit of 1 stops after node 0.
  let nodes = [
    ToyNode(capacity: 1, pods: [(1, 5, 0, 1)]),
    ToyNode(capacity: 1, pods: [(2, 1, 0, 1)]),
  ]
  let outcome = PriorityPreemption(priority: 10).choose(
    among: candidates(nodes), limit: 1, fits: oracle(nodes, need: 1))
  #expect(outcome.choice?.node == 0)
}

/// SplitMix64, for seeded test scenarios.
private struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Test(arguments: 0..<200)
func victimsAreLowerPriorityAndEachIsNeeded(seed: Int) {
  var rng = SeededGenerator(state: UInt64(seed))
  var nextID = 0
  let nodes = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
    let capacity = Int.random(in: 2...8, using: &rng)
    var free = capacity
    var pods: [(id: Int, priority: Int, start: Int, gpus: Int)] = []
    while free > 0, Bool.random(using: &rng) || pods.isEmpty {
      let size = Int.random(in: 1...free, using: &rng)
      pods.append(
        (
          nextID, Int.random(in: 0...20, using: &rng),
          Int.random(in: 0...100, using: &rng), size
        ))
      nextID += 1
      free -= size
    }
    return ToyNode(capacity: capacity, pods: pods)
  }
  let need = Int.random(in: 1...8, using: &rng)
  let priority = Int.random(in: 0...20, using: &rng)
  let fits = oracle(nodes, need: need)
  let outcome = PriorityPreemption(priority: priority).choose(
    among: candidates(nodes), fits: fits)

  // Preemption is possible exactly when some node fits with every
  // lower-priority pod gone.
  let possible = nodes.indices.contains { node in
    fits(node, nodes[node].pods.filter { $0.priority < priority }.map(\.id))
  }
  #expect((outcome.choice != nil) == possible, "seed \(seed)")
  guard let choice = outcome.choice else { return }
  let ids = choice.victims.map(\.id)
  #expect(choice.victims.allSatisfy { $0.priority < priority })
  #expect(fits(choice.node, ids))
  for victim in ids {
    #expect(!fits(choice.node, ids.filter { $0 != victim }), "seed \(seed)")
  }
}

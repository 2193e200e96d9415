import Scheduling
import Testing

private func pod(
  _ id: Int, tenant: Int = 0, priority: Int = 0, at time: Int = 0,
  class requestClass: Int? = nil
) -> PendingPod {
  PendingPod(
    id: id, tenant: tenant, priority: priority, arrivedAt: time,
    requestClass: requestClass ?? id)
}

/// A hand-checked order: pods pushed in the listed order, popped in
/// `expected` id order.
struct OrderCase: CustomTestStringConvertible, Sendable {
  var name: String
  var pods: [PendingPod]
  var expected: [Int]
  var testDescription: String { name }
}

private let orderCases: [OrderCase] = [
  OrderCase(
    name: "higher priority first whatever the arrival",
    pods: [pod(1, priority: 0, at: 0), pod(2, priority: 5, at: 9)],
    expected: [2, 1]),
  OrderCase(
    name: "equal priority: earlier arrival first",
    pods: [pod(1, at: 7), pod(2, at: 3), pod(3, at: 5)],
    expected: [2, 3, 1]),
  OrderCase(
    name: "equal priority and arrival: smaller id first",
    pods: [pod(9, at: 1), pod(4, at: 1), pod(6, at: 1)],
    expected: [4, 6, 9]),
  OrderCase(
    name: "negative priorities sort below zero",
    pods: [pod(1, priority: -5), pod(2, priority: 0), pod(3, priority: -1)],
    expected: [2, 3, 1]),
  OrderCase(
    name: "one class keeps queue order inside it",
    pods: [
      pod(1, at: 5, class: 7), pod(2, at: 1, class: 7),
      pod(3, priority: 1, at: 9, class: 7),
    ],
    expected: [3, 2, 1]),
]

@Test(arguments: orderCases)
func queuePopsInPriorityArrivalIDOrder(_ c: OrderCase) {
  var queue = PendingQueue()
  for p in c.pods { queue.push(p) }
  #expect(queue.orderedPods().map(\.id) == c.expected)
  var popped: [Int] = []
  while let next = queue.popBest() { popped.append(next.id) }
  #expect(popped == c.expected)
  #expect(queue.isEmpty)
}

@Test func removeByIDKeepsOrderAndCounts() {
  var queue = PendingQueue()
  for id in 0..<6 {
    queue.push(pod(id, tenant: id % 2, at: id, class: id % 2))
  }
  #expect(queue.count(ofTenant: 0) == 3)
  let removed = [queue.remove(0), queue.remove(3), queue.remove(3)]
  #expect(removed == [true, true, false])
  #expect(queue.best?.id == 1)
  #expect(queue.count(ofTenant: 0) == 2)
  #expect(queue.count(ofTenant: 1) == 2)
  #expect(queue.orderedPods().map(\.id) == [1, 2, 4, 5])
  queue.push(pod(0, tenant: 0, at: 0, class: 0))
  #expect(queue.best?.id == 0)
}

@Test func retryPassSkipsAWholeClassAfterOneFailure() {
  var queue = PendingQueue()
  // Class 1: 1000 pods of tenant 0; class 2: 2 pods of tenant 1, later.
  for id in 0..<1000 { queue.push(pod(id, tenant: 0, at: id, class: 1)) }
  queue.push(pod(5000, tenant: 1, at: 2000, class: 2))
  queue.push(pod(5001, tenant: 1, at: 2001, class: 2))

  var pass = queue.makeRetryPass()
  var offered: [Int] = []
  while let next = queue.nextCandidate(in: &pass) {
    offered.append(next.id)
    if next.requestClass == 1 {
      pass.skip(next)
    } else {
      queue.remove(next.id)
    }
  }
  // Class 1 is offered once; class 2 fits and is drained.
  #expect(offered == [0, 5000, 5001])
  #expect(queue.count == 1000)
  #expect(pass.skippedClasses == [1])
}

@Test func retryPassOffersEachClassHeadInQueueOrder() {
  var queue = PendingQueue()
  queue.push(pod(1, priority: 1, at: 5, class: 10))
  queue.push(pod(2, priority: 3, at: 9, class: 20))
  queue.push(pod(3, priority: 1, at: 1, class: 30))
  queue.push(pod(4, priority: 3, at: 10, class: 20))
  var pass = queue.makeRetryPass()
  var offered: [Int] = []
  while let next = queue.nextCandidate(in: &pass) {
    offered.append(next.id)
    // Pods of class 20 fit; the others fail.
    if next.requestClass == 20 {
      queue.remove(next.id)
    } else {
      pass.skip(next)
    }
  }
  #expect(offered == [2, 4, 3, 1])
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

@Test(arguments: 0..<100)
func queueMatchesASortedListUnderRandomOperations(seed: Int) {
  var rng = SeededGenerator(state: UInt64(seed))
  var queue = PendingQueue()
  var reference: [PendingPod] = []
  var nextID = 0
  for _ in 0..<400 {
    switch Int.random(in: 0..<4, using: &rng) {
    case 0, 1:
      let tenant = Int.random(in: 0..<3, using: &rng)
      let p = PendingPod(
        id: nextID, tenant: tenant,
        priority: Int.random(in: 0...3, using: &rng),
        arrivedAt: Int.random(in: 0...20, using: &rng),
        requestClass: tenant * 10 + Int.random(in: 0..<3, using: &rng))
      nextID += 1
      queue.push(p)
      reference.append(p)
    case 2:
      guard let victim = reference.randomElement(using: &rng) else { break }
      let removed = queue.remove(victim.id)
      #expect(removed)
      reference.removeAll { $0.id == victim.id }
    default:
      let expected = reference.min()
      #expect(queue.popBest() == expected, "seed \(seed)")
      reference.removeAll { $0.id == expected?.id }
    }
    #expect(queue.best == reference.min(), "seed \(seed)")
    #expect(queue.count == reference.count)
    for tenant in 0..<3 {
      #expect(
        queue.count(ofTenant: tenant)
          == reference.filter { $0.tenant == tenant }.count)
    }
  }
  #expect(queue.orderedPods() == reference.sorted())
}

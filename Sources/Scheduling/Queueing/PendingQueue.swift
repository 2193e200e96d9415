/// The pods waiting to be scheduled, best first: higher priority, then
/// earlier arrival, then smaller id (Kueue's StrictFIFO order [S16]).
///
/// Pods are grouped by request class: one heap per class, and a heap of
/// the classes' heads. A retry pass (`makeRetryPass()`) visits class heads
/// only, so a class whose head failed is skipped whole and a pass costs
/// O(classes) when nothing fits, whatever the number of pods. Removal by
/// id is lazy: a removed pod's entry stays in its class heap, marked dead,
/// until it reaches the top.
public struct PendingQueue: Sendable {
  /// A pod in its class heap; `sequence` tells a live entry from a dead
  /// one left by removal.
  struct Entry: Comparable, Sendable {
    var pod: PendingPod
    var sequence: Int

    static func < (a: Entry, b: Entry) -> Bool {
      if a.pod != b.pod { return a.pod < b.pod }
      return a.sequence < b.sequence
    }

    static func == (a: Entry, b: Entry) -> Bool {
      a.pod == b.pod && a.sequence == b.sequence
    }
  }

  /// A class head in the heap of heads (or of a retry pass); valid while
  /// its class's top entry has the same sequence.
  struct Head: Comparable, Sendable {
    var entry: Entry
    var slot: Int

    static func < (a: Head, b: Head) -> Bool {
      if a.entry != b.entry { return a.entry < b.entry }
      return a.slot < b.slot
    }
  }

  /// The pods of one request class.
  struct RequestClass: Sendable {
    var requestClass: Int
    var tenant: Int
    var heap = MinHeap<Entry>()
  }

  /// The classes, by slot.
  var classes: [RequestClass] = []
  /// The slot of each request class.
  var classSlot: [Int: Int] = [:]
  /// Every live pod: its class slot and entry.
  var live: [Int: (slot: Int, entry: Entry)] = [:]
  /// The heads of the classes, with stale heads left in place.
  var heads = MinHeap<Head>()
  /// Live pods per tenant.
  var tenantCounts: [Int: Int] = [:]
  /// The next entry sequence number.
  var nextSequence = 0

  /// Creates an empty queue.
  public init() {}

  // MARK: - API

  /// The number of waiting pods.
  public var count: Int { live.count }

  /// Whether no pod waits.
  public var isEmpty: Bool { live.isEmpty }

  /// The number of waiting pods of `tenant`.
  ///
  /// - Complexity: O(1) amortised.
  public func count(ofTenant tenant: Int) -> Int {
    tenantCounts[tenant] ?? 0
  }

  /// Whether a pod with `id` waits.
  public func contains(_ id: Int) -> Bool { live[id] != nil }

  /// The waiting pod with `id`, if any.
  public func pod(_ id: Int) -> PendingPod? { live[id]?.entry.pod }

  /// The best waiting pod, without removing it.
  public var best: PendingPod? { heads.min?.entry.pod }

  /// Adds a pod.
  ///
  /// - Parameter pod: The pod; its id must not be waiting already, and
  ///   its request class must hold only pods of its tenant.
  /// - Complexity: O(log *n*) amortised.
  public mutating func push(_ pod: PendingPod) {
    precondition(live[pod.id] == nil, "pod \(pod.id) is already queued")
    let slot = slot(for: pod)
    let entry = Entry(pod: pod, sequence: nextSequence)
    nextSequence += 1

    let oldHead = classes[slot].heap.min
    classes[slot].heap.insert(entry)
    live[pod.id] = (slot, entry)
    tenantCounts[pod.tenant, default: 0] += 1
    if oldHead.map({ entry < $0 }) ?? true {
      heads.insert(Head(entry: entry, slot: slot))
    }
    cleanHeads()
  }

  /// Removes and returns the best pod.
  ///
  /// - Complexity: O(log *n*) amortised.
  @discardableResult
  public mutating func popBest() -> PendingPod? {
    guard let top = heads.min else { return nil }
    return remove(top.entry.pod.id)
  }

  /// Removes the pod with `id` (scheduled, rejected or withdrawn).
  ///
  /// - Returns: The removed pod, `nil` when none waits with that id.
  /// - Complexity: O(log *n*) amortised.
  @discardableResult
  public mutating func remove(_ id: Int) -> PendingPod? {
    guard let (slot, entry) = live.removeValue(forKey: id) else {
      return nil
    }
    let wasHead = classes[slot].heap.min == entry
    tenantCounts[entry.pod.tenant, default: 0] -= 1
    if tenantCounts[entry.pod.tenant] == 0 {
      tenantCounts[entry.pod.tenant] = nil
    }
    cleanClass(slot)
    if wasHead, let next = classes[slot].heap.min {
      heads.insert(Head(entry: next, slot: slot))
    }
    cleanHeads()
    return entry.pod
  }

  /// Every waiting pod in queue order.
  ///
  /// - Complexity: O(*n* log *n*).
  public func orderedPods() -> [PendingPod] {
    live.values.map(\.entry.pod).sorted()
  }

  // MARK: - Internals

  /// The slot of `pod`'s class, created when new.
  mutating func slot(for pod: PendingPod) -> Int {
    if let slot = classSlot[pod.requestClass] {
      precondition(
        classes[slot].tenant == pod.tenant,
        "request class \(pod.requestClass) mixes tenants")
      return slot
    }
    let slot = classes.count
    classes.append(
      RequestClass(requestClass: pod.requestClass, tenant: pod.tenant))
    classSlot[pod.requestClass] = slot
    return slot
  }

  /// Whether `entry` is a live pod's current entry.
  func isLive(_ entry: Entry) -> Bool {
    live[entry.pod.id]?.entry.sequence == entry.sequence
  }

  /// Drops dead entries from the top of a class heap.
  mutating func cleanClass(_ slot: Int) {
    while let top = classes[slot].heap.min, !isLive(top) {
      classes[slot].heap.removeMin()
    }
  }

  /// Whether `head` is its class's current head.
  func isCurrent(_ head: Head) -> Bool {
    classes[head.slot].heap.min == head.entry
  }

  /// Drops stale heads from the top of the heap of heads.
  mutating func cleanHeads() {
    while let top = heads.min, !isCurrent(top) {
      heads.removeMin()
    }
  }
}

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
  /// A pod in its class heap: its ordering fields and a `sequence` that
  /// tells a live entry from a dead one left by removal (tenant and
  /// request class are the class's).
  struct Entry: Comparable, Sendable {
    var priority: Int
    var arrivedAt: Int
    var id: Int
    var sequence: Int

    /// Queue order, then sequence.
    static func < (a: Entry, b: Entry) -> Bool {
      if a.priority != b.priority { return a.priority > b.priority }
      if a.arrivedAt != b.arrivedAt { return a.arrivedAt < b.arrivedAt }
      if a.id != b.id { return a.id < b.id }
      return a.sequence < b.sequence
    }
  }

  /// Where a live pod's entry is.
  struct Location: Sendable {
    var slot: Int
    var sequence: Int
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
    /// Entries in `heap` whose pod was removed from below the top.
    var deadEntries = 0
  }

  /// The classes, by slot.
  var classes: [RequestClass] = []
  /// The slot of each request class.
  var classSlot: [Int: Int] = [:]
  /// Every live pod's location.
  var live: [Int: Location] = [:]
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

  /// The best waiting pod, without removing it.
  public var best: PendingPod? { heads.min.map(pod(at:)) }

  /// Adds a pod.
  ///
  /// - Parameter pod: The pod; its id must not be waiting already, and
  ///   its request class must hold only pods of its tenant.
  /// - Complexity: O(log *n*) amortised.
  public mutating func push(_ pod: PendingPod) {
    precondition(live[pod.id] == nil, "pod \(pod.id) is already queued")
    let slot = slot(for: pod)
    let entry = Entry(
      priority: pod.priority, arrivedAt: pod.arrivedAt, id: pod.id,
      sequence: nextSequence)
    nextSequence += 1

    let oldHead = classes[slot].heap.min
    classes[slot].heap.insert(entry)
    live[pod.id] = Location(slot: slot, sequence: entry.sequence)
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
    remove(top.entry.id)
    return pod(at: top)
  }

  /// Removes the pod with `id` (scheduled, rejected or withdrawn).
  ///
  /// - Returns: Whether a pod with that id was waiting.
  /// - Complexity: O(log *n*) amortised.
  @discardableResult
  public mutating func remove(_ id: Int) -> Bool {
    guard let location = live.removeValue(forKey: id) else { return false }
    let slot = location.slot
    let wasHead = classes[slot].heap.min?.sequence == location.sequence
    let tenant = classes[slot].tenant
    tenantCounts[tenant, default: 0] -= 1
    if tenantCounts[tenant] == 0 { tenantCounts[tenant] = nil }
    if wasHead {
      classes[slot].heap.removeMin()
    } else {
      classes[slot].deadEntries += 1
    }
    cleanClass(slot)
    if wasHead, let next = classes[slot].heap.min {
      heads.insert(Head(entry: next, slot: slot))
    }
    cleanHeads()
    return true
  }

  /// Every waiting pod in queue order.
  ///
  /// - Complexity: O(*n* log *n*).
  public func orderedPods() -> [PendingPod] {
    var pods: [PendingPod] = []
    pods.reserveCapacity(count)
    for slot in classes.indices {
      for entry in classes[slot].heap.storage where isLive(entry) {
        pods.append(pod(at: Head(entry: entry, slot: slot)))
      }
    }
    return pods.sorted()
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
    live[entry.id]?.sequence == entry.sequence
  }

  /// The pod an entry of a class stands for.
  func pod(at head: Head) -> PendingPod {
    let state = classes[head.slot]
    return PendingPod(
      id: head.entry.id, tenant: state.tenant,
      priority: head.entry.priority, arrivedAt: head.entry.arrivedAt,
      requestClass: state.requestClass)
  }

  /// Drops dead entries from the top of a class heap.
  mutating func cleanClass(_ slot: Int) {
    while classes[slot].deadEntries > 0, let top = classes[slot].heap.min,
      !isLive(top)
    {
      classes[slot].heap.removeMin()
      classes[slot].deadEntries -= 1
    }
  }

  /// Whether `head` is its class's current head.
  func isCurrent(_ head: Head) -> Bool {
    classes[head.slot].heap.min?.sequence == head.entry.sequence
  }

  /// Drops stale heads from the top of the heap of heads.
  mutating func cleanHeads() {
    while let top = heads.min, !isCurrent(top) {
      heads.removeMin()
    }
  }
}

/// One pass over the waiting pods after capacity was freed: it offers
/// class heads best first and forgets a class once told it failed.
///
/// Use with `PendingQueue.nextCandidate(in:share:)`; after each offered
/// pod the caller either removes it from the queue (it was scheduled) or
/// calls `skip(_:)` (it failed, and so would every pod of its class in
/// this pass).
public struct RetryPass: Sendable {
  /// Class heads to visit; one heap, or one per tenant in fair-share
  /// order.
  var heaps: [MinHeap<PendingQueue.Head>]
  /// The request classes that failed in this pass.
  public private(set) var skippedClasses: Set<Int> = []
  /// The entry offered last, to catch a caller that neither removed nor
  /// skipped it.
  var lastOffered: Int?

  /// Marks `pod`'s request class as failed for the rest of the pass.
  public mutating func skip(_ pod: PendingPod) {
    skippedClasses.insert(pod.requestClass)
  }
}

extension PendingQueue {
  /// How a retry pass orders pods of different tenants.
  public enum PassOrder: Hashable, Sendable {
    /// Queue order across all tenants.
    case priority
    /// Dominant resource fairness: the tenant with the smallest share
    /// first, queue order inside a tenant and between equal shares.
    case fairShare
  }

  /// Starts a retry pass over the current class heads.
  ///
  /// Classes created after this call are not visited by the pass.
  ///
  /// - Parameter order: Priority or fair-share order.
  /// - Complexity: O(*c* log *c*) for *c* request classes.
  public func makeRetryPass(order: PassOrder = .priority) -> RetryPass {
    var current: [Head] = []
    for slot in classes.indices {
      if let entry = classes[slot].heap.min {
        current.append(Head(entry: entry, slot: slot))
      }
    }
    switch order {
    case .priority:
      return RetryPass(heaps: [MinHeap(current)])
    case .fairShare:
      let byTenant = Dictionary(grouping: current) {
        classes[$0.slot].tenant
      }
      let heaps = byTenant.keys.sorted().map { MinHeap(byTenant[$0] ?? []) }
      return RetryPass(heaps: heaps)
    }
  }

  /// The next pod to try in a pass: the best head of a class the pass has
  /// not skipped; in fair-share order, of the tenant with the smallest
  /// `share`, ties by queue order. The pod stays queued.
  ///
  /// - Parameters:
  ///   - pass: The pass.
  ///   - share: A tenant's dominant share (per-mille), evaluated at each
  ///     call so admissions within the pass count; ignored in priority
  ///     order. `QuotaLedger.dominantSharePerMille(of:)` fits.
  /// - Returns: The pod, or `nil` when the pass is over.
  /// - Precondition: The previous pod offered was removed or skipped.
  /// - Complexity: O(*t* log *c*) amortised for *t* tenants in fair-share
  ///   order, O(log *c*) in priority order.
  public func nextCandidate(
    in pass: inout RetryPass, share: (_ tenant: Int) -> Int = { _ in 0 }
  ) -> PendingPod? {
    var best: (share: Int, head: Head)?
    let skipped = pass.skippedClasses
    for index in pass.heaps.indices {
      guard let head = currentTop(of: &pass.heaps[index], skipped) else {
        continue
      }
      let value = pass.heaps.count == 1 ? 0 : share(classes[head.slot].tenant)
      if best.map({ (value, head) < ($0.share, $0.head) }) ?? true {
        best = (value, head)
      }
    }
    guard let best else { return nil }
    precondition(
      pass.lastOffered != best.head.entry.sequence,
      "a pod offered by a retry pass must be removed or skipped")
    pass.lastOffered = best.head.entry.sequence
    return pod(at: best.head)
  }

  /// The current head of the best unskipped class in one pass heap,
  /// dropping skipped and emptied classes and refreshing moved heads.
  func currentTop(of heap: inout MinHeap<Head>, _ skipped: Set<Int>)
    -> Head?
  {
    while let top = heap.min {
      guard !skipped.contains(classes[top.slot].requestClass),
        let entry = classes[top.slot].heap.min
      else {
        heap.removeMin()
        continue
      }
      if entry.sequence == top.entry.sequence { return top }
      heap.removeMin()
      heap.insert(Head(entry: entry, slot: top.slot))
    }
    return nil
  }
}

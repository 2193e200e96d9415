import RandomStreams
import Testing

@testable import Simulation

/// A plain reference for the queue: a list searched for its minimum.
private struct ReferenceQueue {
  struct Item: Equatable {
    var time: Int64
    var rank: UInt8
    var sequence: UInt64
    var payload: Int
  }

  var items: [Item] = []
  var nextSequence: UInt64 = 0

  mutating func schedule(_ payload: Int, at time: Int64, rank: UInt8) {
    items.append(
      Item(time: time, rank: rank, sequence: nextSequence, payload: payload))
    nextSequence += 1
  }

  mutating func popNext() -> Item? {
    let first = items.min {
      ($0.time, $0.rank, $0.sequence) < ($1.time, $1.rank, $1.sequence)
    }
    guard let first else { return nil }
    items.removeAll { $0.sequence == first.sequence }
    return first
  }

  mutating func cancel(_ sequence: UInt64) -> Bool {
    let before = items.count
    items.removeAll { $0.sequence == sequence }
    return items.count < before
  }
}

@Suite struct EngineEventQueueTests {
  /// Runs one random sequence of operations on the queue and the reference
  /// and reports the first disagreement.
  private func compareWithReference(seed: UInt64, operations: Int) {
    var stream = RandomStream(seed: seed, name: "queue-operations")
    var queue = EventQueue<Int>()
    var reference = ReferenceQueue()
    var handles: [EventHandle] = []
    let timeSpan = 1 + stream.nextInt(below: 30)
    for step in 0..<operations {
      let choice = stream.nextInt(below: 10)
      if choice < 5 {
        let time = Int64(stream.nextInt(below: timeSpan))
        let rank = UInt8(stream.nextInt(below: 3))
        handles.append(queue.schedule(step, at: time, class: .init(rank: rank)))
        reference.schedule(step, at: time, rank: rank)
      } else if choice < 8 {
        let got = queue.popNext()
        let want = reference.popNext()
        #expect(
          got?.event == want?.payload && got?.time == want?.time
            && got?.eventClass.rank == want?.rank
            && got?.handle.sequenceNumber == want?.sequence,
          "seed \(seed) step \(step): popped \(String(describing: got?.event))")
      } else if !handles.isEmpty {
        let handle = handles[stream.nextInt(below: handles.count)]
        let cancelled = queue.cancel(handle)
        #expect(
          cancelled == reference.cancel(handle.sequenceNumber),
          "seed \(seed) step \(step): cancel \(handle.sequenceNumber)")
      }
      #expect(queue.invariantViolation() == nil, "seed \(seed) step \(step)")
      #expect(queue.count == reference.items.count, "seed \(seed) step \(step)")
      #expect(
        queue.nextTime == reference.items.map(\.time).min(),
        "seed \(seed) step \(step)")
    }
    while let want = reference.popNext() {
      let got = queue.popNext()?.event
      #expect(got == want.payload, "seed \(seed) drain")
    }
    let extra = queue.popNext()
    #expect(queue.isEmpty && extra == nil, "seed \(seed) drain")
  }

  @Test func popsInTimeClassSequenceOrderOverRandomOperationSequences() {
    for seed in UInt64(0)..<300 {
      compareWithReference(seed: seed, operations: 400)
    }
  }

  @Test func tiesOfTimeAndClassComeOutFirstInFirstOut() {
    var queue = EventQueue<Int>()
    for index in 0..<1000 {
      queue.schedule(index, at: 5, class: EventClass(rank: 2))
    }
    var popped: [Int] = []
    while let entry = queue.popNext() { popped.append(entry.event) }
    #expect(popped == Array(0..<1000))
  }

  @Test func lowerClassRankComesFirstAtEqualTimesWhateverTheInsertionOrder() {
    // Every insertion order of three classes at one time, plus an earlier
    // event of the highest rank, exhaustively.
    let ranks: [UInt8] = [0, 1, 2]
    for permutation in permutations(of: ranks) {
      var queue = EventQueue<UInt8>()
      for rank in permutation {
        queue.schedule(rank, at: 10, class: EventClass(rank: rank))
      }
      queue.schedule(99, at: 9, class: EventClass(rank: 255))
      var popped: [UInt8] = []
      while let entry = queue.popNext() { popped.append(entry.event) }
      #expect(popped == [99, 0, 1, 2], "insertion order \(permutation)")
    }
  }

  @Test func sortsEveryPermutationOfSmallKeySetsCorrectly() {
    // All orders of up to 6 distinct times, exhaustively.
    for size in 0...6 {
      for permutation in permutations(of: Array(Int64(0)..<Int64(size))) {
        var queue = EventQueue<Int64>()
        for time in permutation {
          queue.schedule(time, at: time, class: EventClass(rank: 0))
        }
        var popped: [Int64] = []
        while let entry = queue.popNext() { popped.append(entry.event) }
        #expect(popped == Array(0..<Int64(size)), "order \(permutation)")
      }
    }
  }

  @Test func cancelledEventIsNeverPoppedAndCancelReportsWhetherItWasPending() {
    var queue = EventQueue<String>()
    let early = queue.schedule("early", at: 1, class: EventClass(rank: 0))
    let middle = queue.schedule("middle", at: 2, class: EventClass(rank: 0))
    queue.schedule("late", at: 3, class: EventClass(rank: 0))
    #expect(queue.count == 3)

    let firstCancel = queue.cancel(early)
    let secondCancel = queue.cancel(early)
    #expect(firstCancel && !secondCancel)
    #expect(!queue.isPending(early))
    #expect(queue.count == 2)
    #expect(queue.nextTime == 2)
    #expect(queue.peek()?.event == "middle")

    let popped = (0..<3).map { _ in queue.popNext()?.event }
    #expect(popped == ["middle", "late", nil])
    let cancelTaken = queue.cancel(middle)
    #expect(!cancelTaken, "an event already taken is not pending")
  }

  @Test func cancellingMostEventsRebuildsTheHeapAndKeepsTheRest() {
    var queue = EventQueue<Int>()
    var handles: [EventHandle] = []
    for index in 0..<10_000 {
      let time = Int64((index * 7919) % 10_000)
      handles.append(queue.schedule(index, at: time, class: EventClass(rank: 0)))
    }
    for (index, handle) in handles.enumerated() where index % 10 != 0 {
      let cancelled = queue.cancel(handle)
      #expect(cancelled)
    }
    #expect(queue.invariantViolation() == nil)
    #expect(queue.count == 1000)
    #expect(queue.slots.count < 2000, "tombstones were not purged")
    var times: [Int64] = []
    while let entry = queue.popNext() {
      #expect(entry.event % 10 == 0)
      times.append(entry.time)
    }
    #expect(times.count == 1000)
    #expect(times == times.sorted())
  }

  @Test func pendingSetForgetsOldSequenceNumbersButAnswersForThem() {
    var queue = EventQueue<Int>()
    var handles: [EventHandle] = []
    for round in 0..<200_000 {
      handles.append(queue.schedule(round, at: Int64(round), class: .init(rank: 0)))
      _ = queue.popNext()
    }
    #expect(queue.pending.words.count < 4096, "old words were not dropped")
    let cancelledOldest = queue.cancel(handles[0])
    let cancelledLater = queue.cancel(handles[150_000])
    #expect(!cancelledOldest && !cancelledLater)
  }
}

/// Every ordering of `elements`.
func permutations<T>(of elements: [T]) -> [[T]] {
  guard let first = elements.first else { return [[]] }
  var result: [[T]] = []
  for rest in permutations(of: Array(elements.dropFirst())) {
    for position in 0...rest.count {
      var permutation = rest
      permutation.insert(first, at: position)
      result.append(permutation)
    }
  }
  return result
}

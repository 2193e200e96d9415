import Testing

@testable import Simulation

extension EventClass {
  fileprivate static let first = EventClass(rank: 0)
  fileprivate static let second = EventClass(rank: 1)
}

@Suite struct EngineRunTests {
  /// An engine holding one event, number 0, due at second 0.
  private func tickingEngine() -> SimulationEngine<Int> {
    var engine = SimulationEngine<Int>()
    engine.schedule(0, at: 0, class: .first)
    return engine
  }

  @Test func stopsAtTheHorizonAfterHandlingEventsDueExactlyThen() {
    var engine = tickingEngine()
    var seen: [Int64] = []
    let reason = engine.run(until: 35) { engine, tick in
      seen.append(engine.now)
      engine.schedule(tick + 1, after: 10, class: .first)
    }
    #expect(reason == .horizonReached)
    #expect(seen == [0, 10, 20, 30])
    #expect(engine.now == 35)
    #expect(engine.queue.nextTime == 40)

    let again = engine.run(until: 40) { engine, _ in seen.append(engine.now) }
    #expect(again == .queueEmpty)
    #expect(seen == [0, 10, 20, 30, 40])
    #expect(engine.now == 40)
  }

  @Test func stopsAfterTheEventLimitAndResumesWhereItStopped() {
    var engine = tickingEngine()
    var handled: [Int] = []
    let handler = { (engine: inout SimulationEngine<Int>, tick: Int) in
      handled.append(tick)
      engine.schedule(tick + 1, after: 1, class: .first)
    }
    let firstReason = engine.run(maxEvents: 5, handler: handler)
    #expect(firstReason == .eventLimitReached)
    #expect(handled == [0, 1, 2, 3, 4])
    #expect(engine.now == 4)
    let secondReason = engine.run(maxEvents: 3, handler: handler)
    #expect(secondReason == .eventLimitReached)
    #expect(handled == Array(0..<8))
    #expect(engine.handledEventCount == 8)
    let thirdReason = engine.run(maxEvents: 0, handler: handler)
    #expect(thirdReason == .eventLimitReached)
    #expect(handled.count == 8)
  }

  @Test func stopsWhenTheQueueEmptiesWithoutMovingTheClockFurther() {
    var engine = SimulationEngine<String>(startTime: 100)
    engine.schedule("a", at: 150, class: .first)
    engine.schedule("b", after: 20, class: .first)
    var seen: [String] = []
    let reason = engine.run(until: 1000) { _, name in seen.append(name) }
    #expect(reason == .queueEmpty)
    #expect(seen == ["b", "a"])
    #expect(engine.now == 150)
  }

  @Test func handlerCanStopTheRunAndCancelPendingEvents() {
    var engine = SimulationEngine<String>()
    engine.schedule("stop", at: 5, class: .second)
    engine.schedule("same-second-earlier-class", at: 5, class: .first)
    let doomed = engine.schedule("never", at: 6, class: .first)
    var seen: [String] = []
    let reason = engine.run { engine, name in
      seen.append(name)
      if name == "stop" {
        let cancelled = engine.cancel(doomed)
        #expect(cancelled)
        engine.stop()
      }
    }
    #expect(reason == .stopRequested)
    #expect(seen == ["same-second-earlier-class", "stop"])
    #expect(engine.queue.isEmpty)
    let after = engine.run { _, name in seen.append(name) }
    #expect(after == .queueEmpty)
    #expect(seen.count == 2)
  }

  @Test func errorsThrownByTheHandlerPropagateAfterTheEventIsConsumed() {
    struct Failure: Error {}
    var engine = SimulationEngine<Int>()
    engine.schedule(1, at: 3, class: .first)
    engine.schedule(2, at: 4, class: .first)
    #expect(throws: Failure.self) {
      try engine.run { _, _ in throw Failure() }
    }
    #expect(engine.now == 3)
    #expect(engine.queue.count == 1)
  }

  @Test func identicalSchedulesGiveIdenticalRuns() {
    func trace() -> [String] {
      var engine = SimulationEngine<Int>()
      for index in 0..<50 {
        engine.schedule(
          index, at: Int64(index % 7), class: EventClass(rank: UInt8(index % 3)))
      }
      var log: [String] = []
      _ = engine.run { engine, index in
        log.append("\(engine.now):\(index)")
        if index < 200 {
          engine.schedule(index + 50, after: Int64(index % 5), class: .second)
        }
      }
      return log
    }
    let first = trace()
    #expect(first.count == 250)
    #expect(first == trace())
  }
}

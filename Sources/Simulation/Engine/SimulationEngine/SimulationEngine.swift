/// A discrete-event simulation clock and its pending events.
///
/// The engine holds the simulated time `now`, in integer seconds, and an
/// `EventQueue`. `run` takes events one by one in (time, class, sequence
/// number) order, advances `now` to each event's time and passes the event
/// to a handler, which may schedule or cancel further events. The engine
/// never reads the wall clock: the same events and handler give the same
/// run.
public struct SimulationEngine<Event> {
  /// The simulated time, in seconds.
  @inlinable public var now: Int64 { clock }

  /// The pending events.
  @inlinable public var queue: EventQueue<Event> { events }

  /// The number of events handled since the engine was created.
  @inlinable public var handledEventCount: Int { handledCount }

  @usableFromInline var clock: Int64
  @usableFromInline var events = EventQueue<Event>()
  @usableFromInline var handledCount = 0

  /// Whether the handler asked the current run to stop.
  @usableFromInline var isStopRequested = false

  /// An engine with no events and the clock at `startTime`.
  ///
  /// - Parameter startTime: the initial simulated time, in seconds.
  public init(startTime: Int64 = 0) {
    clock = startTime
  }
}

extension SimulationEngine: Sendable where Event: Sendable {}

// MARK: - API

extension SimulationEngine {
  /// Schedules `event` at `time`.
  ///
  /// - Parameters:
  ///   - event: the event.
  ///   - time: when it is due, in seconds; not before `now`.
  ///   - eventClass: its class, ordering it among events due at `time`.
  /// - Returns: a handle with which the event can be cancelled.
  /// - Precondition: `time >= now`.
  /// - Complexity: O(log n) for n pending events.
  @inlinable
  @discardableResult
  public mutating func schedule(
    _ event: Event, at time: Int64, class eventClass: EventClass
  ) -> EventHandle {
    precondition(time >= now, "cannot schedule an event in the past")
    return events.schedule(event, at: time, class: eventClass)
  }

  /// Schedules `event` `delay` seconds after `now`.
  ///
  /// - Parameters:
  ///   - event: the event.
  ///   - delay: seconds from now; not negative.
  ///   - eventClass: its class, ordering it among events due at that time.
  /// - Returns: a handle with which the event can be cancelled.
  /// - Precondition: `delay >= 0` and `now + delay` does not overflow.
  /// - Complexity: O(log n) for n pending events.
  @inlinable
  @discardableResult
  public mutating func schedule(
    _ event: Event, after delay: Int64, class eventClass: EventClass
  ) -> EventHandle {
    precondition(delay >= 0, "delay must not be negative")
    return schedule(event, at: now + delay, class: eventClass)
  }

  /// Cancels a pending event.
  ///
  /// - Parameter handle: a handle returned by this engine's `schedule`.
  /// - Returns: whether the event was pending.
  /// - Complexity: O(log n) amortised; see `EventQueue.cancel(_:)`.
  @inlinable
  @discardableResult
  public mutating func cancel(_ handle: EventHandle) -> Bool {
    events.cancel(handle)
  }

  /// Asks the current run to return after the event being handled.
  public mutating func stop() {
    isStopRequested = true
  }

  /// Handles events in order until one of the stop conditions holds.
  ///
  /// Before each event the conditions are checked in this order: the
  /// handler asked to stop; the queue is empty; `maxEvents` events were
  /// handled in this call; the next event is due after `horizon`, in which
  /// case the clock moves to `horizon`. Events due exactly at `horizon` are
  /// handled. A later call resumes where this one stopped.
  ///
  /// If the handler throws, the event it was handling counts as handled,
  /// the clock stands at its time, and the error propagates.
  ///
  /// - Parameters:
  ///   - horizon: the last second at which events are handled; not
  ///     before `now`.
  ///   - maxEvents: the most events this call handles; not negative.
  ///   - handler: called with the engine, its clock at the event's time,
  ///     and the event.
  /// - Returns: why the run stopped.
  /// - Complexity: O(k log n) for k events handled, plus the handler.
  @inlinable
  public mutating func run(
    until horizon: Int64 = .max,
    maxEvents: Int = .max,
    handler: (inout SimulationEngine, Event) throws -> Void
  ) rethrows -> EngineStopReason {
    precondition(horizon >= now, "the horizon is in the past")
    precondition(maxEvents >= 0, "maxEvents must not be negative")
    isStopRequested = false
    var handledInRun = 0
    while true {
      if isStopRequested {
        isStopRequested = false
        return .stopRequested
      }
      guard let time = events.nextTime else { return .queueEmpty }
      if handledInRun == maxEvents { return .eventLimitReached }
      if time > horizon {
        clock = horizon
        return .horizonReached
      }

      guard let entry = events.popNext() else { return .queueEmpty }
      assert(entry.time >= now, "events must not go back in time")
      clock = entry.time
      handledInRun += 1
      handledCount += 1
      try handler(&self, entry.event)
    }
  }
}

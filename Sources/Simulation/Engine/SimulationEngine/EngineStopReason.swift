/// Why `SimulationEngine.run` returned.
public enum EngineStopReason: Hashable, Sendable {
  /// No event was left to handle.
  case queueEmpty

  /// The next event is due after the horizon; the clock stands at the
  /// horizon and later events stay queued.
  case horizonReached

  /// The run handled as many events as it was allowed to.
  case eventLimitReached

  /// The handler called `SimulationEngine.stop()`.
  case stopRequested
}

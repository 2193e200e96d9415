import RandomStreams

/// Random: a uniformly random feasible node; a sharing pod goes to a
/// uniformly random GPU with room, a whole-GPU pod to the first wholly
/// free GPUs by index.
///
/// The pre-score step draws one feasible node, which scores 100; all
/// others score 0. Draws come from the stream `policy/random` of the run's
/// seed.
public struct FractionalRandomPolicy: PlacementStrategy {
  public typealias Node = FractionalNode

  private var stream: RandomStream
  private var chosen = -1

  /// Creates the policy for one run.
  ///
  /// - Parameter seed: the run's seed.
  public init(seed: UInt64) {
    stream = RandomStream(seed: seed, name: "policy/random")
  }

  /// `Random`.
  public var name: String { "Random" }

  /// Scores depend on a draw, so they are never reused.
  public var reusesScores: Bool { false }

  /// Draws the winning node among the feasible ones.
  public mutating func prepareScores(
    for request: FractionalRequest, feasible: [Int],
    in cluster: PlacementCluster<FractionalNode>
  ) {
    chosen = feasible[stream.nextInt(below: feasible.count)]
  }

  /// 100 for the drawn node, 0 for the others.
  public func score(
    _ request: FractionalRequest, on node: FractionalNode, at index: Int
  ) -> Int {
    index == chosen ? 100 : 0
  }

  /// A random GPU with room for a sharing pod (reservoir sampling in index
  /// order: the c-th GPU with room replaces the choice with probability
  /// 1/c), the first wholly free GPUs otherwise.
  public mutating func assignment(
    for request: FractionalRequest, on node: FractionalNode
  ) -> FractionalAssignment {
    guard request.isSharing else { return node.bestFitAssignment(for: request) }
    var choice = -1
    var seen = 0
    for index in 0..<node.gpuCount
    where node.gpuFreeMilli[index] >= request.gpuMilliPerGPU {
      seen += 1
      if stream.nextInt(below: seen) == 0 { choice = index }
    }
    precondition(choice >= 0, "request does not fit")
    return FractionalAssignment(
      gpuMask: 1 << UInt8(choice), milliPerGPU: request.gpuMilliPerGPU)
  }
}

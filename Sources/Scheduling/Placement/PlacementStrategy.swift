/// A placement policy in the shape of the Kubernetes scheduler framework:
/// after the node model's filters, an optional pre-score step sees the
/// feasible nodes, each feasible node gets an integer score, scores may be
/// normalised, the highest score wins (ties to the node earliest in the
/// cluster's fixed priority order), and the strategy then picks the
/// devices inside the chosen node.
///
/// A strategy is a value owned by one run; it may hold random streams and
/// therefore mutates when it draws.
public protocol PlacementStrategy: Sendable {
  /// The node model this strategy scores.
  associatedtype Node: PlacementNodeState

  /// A short stable name for reports, such as `FGD`.
  var name: String { get }

  /// Whether a score depends only on the node's state and the request's
  /// score class, so the scheduler may reuse it until the node changes.
  /// Defaults to `true`.
  var reusesScores: Bool { get }

  /// The pre-score step: called once per request with the feasible node
  /// indices in priority order, before any `score` call. Defaults to
  /// nothing.
  mutating func prepareScores(
    for request: Node.Request, feasible: [Int],
    in cluster: PlacementCluster<Node>)

  /// The score of a feasible node; higher is better.
  ///
  /// - Parameters:
  ///   - request: the pod.
  ///   - node: the node's state; it passed the filters.
  ///   - index: the node's index in the cluster.
  func score(_ request: Node.Request, on node: Node, at index: Int) -> Int

  /// Rewrites the scores of all feasible nodes (in the order of the
  /// `feasible` list) before the winner is chosen. Defaults to nothing.
  func normalize(_ scores: inout [Int])

  /// The devices the pod uses on the chosen node.
  ///
  /// - Precondition: `node.fits(request)`.
  mutating func assignment(
    for request: Node.Request, on node: Node) -> Node.Assignment
}

extension PlacementStrategy {
  /// Scores are reusable unless a strategy says otherwise.
  @inlinable public var reusesScores: Bool { true }

  /// No pre-score step.
  @inlinable
  public mutating func prepareScores(
    for request: Node.Request, feasible: [Int],
    in cluster: PlacementCluster<Node>
  ) {}

  /// No normalisation.
  @inlinable public func normalize(_ scores: inout [Int]) {}
}

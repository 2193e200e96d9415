/// What a pod asks of a node, as a placement strategy sees it.
public protocol PlacementRequest: Sendable {
  /// A label under which scores may be reused: two requests with the same
  /// score class must receive the same score from a strategy on nodes in
  /// the same state. `nil` means scores for this request are never reused.
  var scoreClass: Int? { get }
}

import ClusterModel
import MIGGeometry

/// How a pool's GPUs are counted.
enum PoolKind: Hashable, Sendable {
  case exclusive
  case mig
  case timeSlicing
  case mps
  case fractional
}

/// One pool as the scheduler holds it: the facts shared by its nodes and
/// the indexes over its nodes' free capacity.
struct PoolState: Hashable, Sendable {
  /// The pool as the scenario states it.
  var spec: NodePool
  /// The labels every node of the pool carries.
  var labels: [String: String]
  var kind: PoolKind
  /// The GPU model, when the catalog knows it.
  var model: GPUModel?
  /// Units per GPU: 1, replicas, client limit or 1000; 0 for MIG.
  var unitsPerGPU: Int32
  /// The index of the pool's first node in the cluster.
  var firstNode: Int
  /// Fit dimensions: one per MIG profile, else one.
  var unitDimensions: Int
  /// Max per dimension: CPU, memory, emptiness, then the unit dimensions.
  var tree: CapacityTree
  /// Per unit dimension, nodes by free units; then one by free CPU.
  var buckets: [BucketIndex]
  /// Per MIG profile, nodes by the rank of their smallest fragmentation
  /// cost; empty unless the fragmentation index is enabled.
  var fragmentationBuckets: [BucketIndex] = []
  /// Mask tables of the model, for MIG pools.
  var masks: MIGMaskTable?

  /// The tree dimension of free CPU.
  static let cpuDimension = 0
  /// The tree dimension of free memory.
  static let memoryDimension = 1
  /// The tree dimension that is 1 for a node without pods.
  static let emptyDimension = 2
  /// The first unit dimension.
  static let firstUnitDimension = 3

  /// The bucket index of free CPU.
  var cpuBucket: Int { unitDimensions }

  /// The number of nodes.
  var nodeCount: Int { spec.nodeCount }
}

/// The GPUs a pod uses inside a fractional node: a set of GPU indices,
/// each giving the pod `milliPerGPU`.
public struct FractionalAssignment: Hashable, Sendable {
  /// Bit `i` is set when the pod uses GPU `i`.
  public var gpuMask: UInt8
  /// Milli-GPU taken on each GPU of the mask.
  public var milliPerGPU: Int

  /// Creates an assignment.
  @inlinable
  public init(gpuMask: UInt8, milliPerGPU: Int) {
    self.gpuMask = gpuMask
    self.milliPerGPU = milliPerGPU
  }

  /// No GPU (a CPU-only pod).
  public static let none = FractionalAssignment(gpuMask: 0, milliPerGPU: 0)

  /// The GPU indices used, ascending.
  public var gpuIndices: [Int] {
    (0..<8).filter { gpuMask & (1 << UInt8($0)) != 0 }
  }
}

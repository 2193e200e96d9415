extension FractionalNode {
  /// The GPU with the least free milli among those with at least `milli`
  /// free, lowest index among equals; `nil` when none has room.
  ///
  /// - Complexity: O(GPUs).
  @inlinable
  public func tightestGPU(withFreeAtLeast milli: Int) -> Int? {
    var best: Int?
    for index in 0..<gpuCount {
      let free = gpuFreeMilli[index]
      if free >= milli, best.map({ free < gpuFreeMilli[$0] }) ?? true {
        best = index
      }
    }
    return best
  }

  /// The first `count` GPUs by index with at least `milli` free, as a bit
  /// mask; `nil` when fewer have room.
  ///
  /// - Complexity: O(GPUs).
  @inlinable
  public func firstGPUs(count: Int, withFreeAtLeast milli: Int) -> UInt8? {
    var mask: UInt8 = 0
    var taken = 0
    for index in 0..<gpuCount where taken < count {
      if gpuFreeMilli[index] >= milli {
        mask |= 1 << UInt8(index)
        taken += 1
      }
    }
    return taken == count ? mask : nil
  }

  /// The `count` GPUs with the least free milli among those with at least
  /// `milli` free, lower index first among equals, as a bit mask; `nil`
  /// when fewer have room.
  ///
  /// - Complexity: O(GPUs × count).
  @inlinable
  public func tightestGPUs(count: Int, withFreeAtLeast milli: Int) -> UInt8? {
    var mask: UInt8 = 0
    for _ in 0..<count {
      var best: Int?
      for index in 0..<gpuCount where mask & (1 << UInt8(index)) == 0 {
        let free = gpuFreeMilli[index]
        if free >= milli, best.map({ free < gpuFreeMilli[$0] }) ?? true {
          best = index
        }
      }
      guard let best else { return nil }
      mask |= 1 << UInt8(best)
    }
    return mask
  }

  /// The published simulator's default ("best") device choice: a sharing
  /// pod goes to the tightest GPU with room, a whole-GPU pod to the first
  /// wholly free GPUs by index, a CPU-only pod to no GPU.
  ///
  /// - Precondition: the request fits.
  @inlinable
  public func bestFitAssignment(
    for request: FractionalRequest
  ) -> FractionalAssignment {
    if request.gpuCount == 0 { return .none }
    let mask: UInt8?
    if request.isSharing {
      mask = tightestGPU(withFreeAtLeast: request.gpuMilliPerGPU)
        .map { 1 << UInt8($0) }
    } else {
      mask = firstGPUs(
        count: request.gpuCount, withFreeAtLeast: request.gpuMilliPerGPU)
    }
    guard let mask else { preconditionFailure("request does not fit") }
    return FractionalAssignment(
      gpuMask: mask, milliPerGPU: request.gpuMilliPerGPU)
  }

  /// The node as it would be after binding `request` on `mask`, for
  /// scoring; pod counts are not updated.
  public func afterTaking(
    _ request: FractionalRequest, onGPUs mask: UInt8
  ) -> FractionalNode {
    var copy = self
    copy.cpuFreeMilli -= request.cpuMilli
    copy.memoryFreeMiB -= request.memoryMiB
    let bits = SIMD8<Int32>(1, 2, 4, 8, 16, 32, 64, 128)
    copy.gpuFreeMilli = gpuFreeMilli.replacing(
      with: gpuFreeMilli &- Int32(request.gpuMilliPerGPU),
      where: (bits & Int32(mask)) .!= 0)
    return copy
  }
}

extension FractionalNode {
  /// Takes the request's CPU, memory and GPU milli on the assigned GPUs.
  ///
  /// - Precondition: the request fits and every assigned GPU has
  ///   `assignment.milliPerGPU` free.
  public mutating func bind(
    _ request: FractionalRequest, to assignment: FractionalAssignment
  ) {
    precondition(fits(request), "bind of a request that does not fit")
    precondition(
      assignment.gpuMask.nonzeroBitCount == request.gpuCount
        && assignment.milliPerGPU == request.gpuMilliPerGPU,
      "assignment does not match the request")
    let taken = Self.lanes(assignment)
    precondition(
      all((gpuFreeMilli .>= Int32(assignment.milliPerGPU)) .| .!taken),
      "assignment uses a GPU without room")

    cpuFreeMilli -= request.cpuMilli
    memoryFreeMiB -= request.memoryMiB
    podCount += 1
    gpuFreeMilli = gpuFreeMilli.replacing(
      with: gpuFreeMilli &- Int32(assignment.milliPerGPU), where: taken)
    adjustClassCount(of: request, by: 1)

    assert(checkInvariants())
  }

  /// Gives back what `bind` took.
  ///
  /// - Precondition: the request was bound here with this assignment.
  public mutating func release(
    _ request: FractionalRequest, from assignment: FractionalAssignment
  ) {
    let taken = Self.lanes(assignment)
    precondition(podCount > 0, "release on a node without pods")
    precondition(
      all((gpuFreeMilli &+ Int32(assignment.milliPerGPU)
        .<= Int32(Self.milliPerGPU)) .| .!taken),
      "release of GPU milli that was not taken")

    cpuFreeMilli += request.cpuMilli
    memoryFreeMiB += request.memoryMiB
    podCount -= 1
    gpuFreeMilli = gpuFreeMilli.replacing(
      with: gpuFreeMilli &+ Int32(assignment.milliPerGPU), where: taken)
    adjustClassCount(of: request, by: -1)

    assert(checkInvariants())
  }

  // MARK: - Internals

  /// The lanes of the assignment's GPUs.
  static func lanes(
    _ assignment: FractionalAssignment
  ) -> SIMDMask<SIMD8<Int32>> {
    let bits = SIMD8<Int32>(1, 2, 4, 8, 16, 32, 64, 128)
    return (bits & Int32(assignment.gpuMask)) .!= 0
  }

  private mutating func adjustClassCount(
    of request: FractionalRequest, by delta: Int32
  ) {
    if request.gpuCount == 0 { return }
    if request.isSharing {
      sharingPodCount += Int(delta)
    } else {
      wholeGPUPodCounts[request.gpuCount - 1] += delta
    }
  }

  /// The node's invariants: resources within capacity, free milli within
  /// 0...1000 on existing GPUs and 0 past them, class counts not negative.
  func checkInvariants() -> Bool {
    guard (0...cpuCapacityMilli).contains(cpuFreeMilli),
      (0...memoryCapacityMiB).contains(memoryFreeMiB),
      sharingPodCount >= 0, all(wholeGPUPodCounts .>= 0)
    else { return false }
    for lane in 0..<Self.maximumGPUs {
      let free = Int(gpuFreeMilli[lane])
      if lane < gpuCount ? !(0...Self.milliPerGPU).contains(free) : free != 0 {
        return false
      }
    }
    return true
  }
}

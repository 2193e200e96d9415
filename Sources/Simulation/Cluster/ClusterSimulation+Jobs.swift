import ClusterModel
import Scheduling

extension ClusterSimulation {
  // MARK: - Submission

  /// Creates a job, applies the admission rules and either starts it,
  /// queues it, or rejects it for good.
  mutating func submit(
    name: String, generator: Int, key: RequestSlotKey, durationSeconds: Int,
    _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    let slotIndex = slot(for: key)
    let slot = slots[slotIndex]
    let template = input.demand.templates[key.template]
    let job = jobs.count
    jobs.append(
      SimulatedJob(
        name: name, generator: generator, tenant: key.tenant,
        template: key.template, kind: template.kind, pods: slot.pods,
        requests: slot.requests, priority: slot.request.priority,
        durationSeconds: durationSeconds, arrivalSeconds: now,
        waitSeconds: 0, outcome: .waiting, preemptions: 0, disruptions: 0,
        borrowingSeconds: 0, failedAttempts: 0))
    runtime.append(JobRuntime(slot: slotIndex, firstPod: podJob.count))
    podJob.append(contentsOf: repeatElement(Int32(job), count: slot.pods))
    note(.arrival, job: job)

    if let reason = slot.rejection {
      jobs[job].outcome = .rejected(reason: reason)
      if reason.hasPrefix("admission:") {
        admissionRefusals[String(reason.dropFirst(10)), default: 0] += 1
      }
      note(.reject, job: job, reason)
      return
    }
    // Jobs of a class already waiting would fail alike: queue behind them.
    if slot.waiting == 0, tryStart(job, &engine) { return }
    if jobs[job].lastRefusal == nil {
      jobs[job].lastRefusal = slot.lastRefusal
    }
    enqueue(job)
  }

  /// Puts a job in the queue with its original arrival time.
  mutating func enqueue(_ job: Int) {
    let slotIndex = runtime[job].slot
    runtime[job].isQueued = true
    runtime[job].queuedSince = now
    slots[slotIndex].waiting += 1
    queue.push(
      PendingPod(
        id: job, tenant: jobs[job].tenant, priority: jobs[job].priority,
        arrivedAt: jobs[job].arrivalSeconds, requestClass: slotIndex))
  }

  // MARK: - Request slots

  /// The slot of a request key, resolving and checking it the first time.
  mutating func slot(for key: RequestSlotKey) -> Int {
    if let index = slotByKey[key] { return index }
    let template = input.demand.templates[key.template]
    var unconfined = template
    if let requests = key.requests { unconfined.requests = requests }
    if let placement = key.placement { unconfined.placement = placement }
    let rules = input.admission
    let confines = template.kind == .agent && !rules.agentPools.isEmpty
    var resolved = unconfined
    if confines {
      resolved.placement = Self.confining(
        resolved.placement, toPools: rules.agentPools)
    }
    var rejection: String?
    if !rules.admitsImage(template.imageVulnerability) {
      rejection = "admission:denyImagesAbove"
    } else if let taintKey = rules.requiredGPUTolerationKey,
      resolved.requests.gpu.needsGPU,
      !resolved.tolerations.contains(where: {
        $0.key == taintKey || ($0.key.isEmpty && $0.operator == .exists)
      })
    {
      rejection = "admission:requireGPUToleration"
    }
    let pods = max(1, template.gangSize)
    var slot = RequestSlot(
      request: PodRequest(cpuMilli: 0, memoryMiB: 0, tenant: key.tenant),
      requests: resolved.requests, pods: pods,
      charge: chargeRules.charge(for: resolved.requests, pods: pods),
      gpuShare: gpuShare(of: resolved.requests.gpu), rejection: rejection)
    do {
      slot.request = try scheduler.makeRequest(
        tenant: key.tenant, template: resolved)
    } catch {
      slot.rejection = slot.rejection ?? "invalid:\(error.message)"
    }
    if slot.rejection == nil {
      slot.rejection = neverRunnable(slot, resolved)
      // When confinement to the agent pools is what makes it unplaceable,
      // the admission rule refused it.
      if slot.rejection != nil, confines,
        neverRunnable(slot, unconfined) == nil
      {
        slot.rejection = "admission:agentPools"
      }
    }
    slots.append(slot)
    slotByKey[key] = slots.count - 1
    return slots.count - 1
  }

  /// `placement` with every required term also demanding a pool among
  /// `pools`.
  static func confining(_ placement: NodePlacement, toPools pools: [String])
    -> NodePlacement
  {
    let inPools = NodeSelectorRequirement(
      key: "migsim.io/pool", operator: .in, values: pools)
    var confined = placement
    if var selector = confined.requiredAffinity, !selector.terms.isEmpty {
      for i in selector.terms.indices {
        selector.terms[i].matchExpressions.append(inPools)
      }
      confined.requiredAffinity = selector
    } else {
      confined.requiredAffinity = NodeSelector(
        terms: [NodeSelectorTerm(matchExpressions: [inPools])])
    }
    return confined
  }

  /// Why no job of `slot` could ever run, even alone on the idle cluster,
  /// or `nil` when one could.
  mutating func neverRunnable(
    _ slot: RequestSlot, _ template: WorkloadTemplate
  ) -> String? {
    let fresh = QuotaLedger(cluster: input.cluster)
    if case .refused(let refusals) = fresh.check(
      slot.charge, of: slot.request.tenant),
      let first = refusals.first
    {
      return "quota:\(first.resource)"
    }
    guard
      let request = try? idleScheduler.makeRequest(
        tenant: slot.request.tenant, template: template)
    else { return "invalid:request" }
    if slot.pods == 1 {
      switch idleScheduler.decide(request) {
      case .placed: return nil
      case .unschedulable(let reason):
        if input.settings.migReconfiguration == .dynamic,
          idleScheduler.state.repartitionPlan(for: request) != nil
        {
          return nil
        }
        return "unschedulable:\(reason)"
      }
    }
    var probe = idleScheduler
    let gang = (0..<slot.pods).map { (pod: $0, request: request) }
    switch probe.placeGang(gang) {
    case .placed: return nil
    case .unschedulable(_, let reason):
      return "unschedulable:\(reason)"
    }
  }

  /// GPU equivalents one pod of a request holds: whole GPUs count 1
  /// each, a MIG instance its compute slices over the GPU's, a replica
  /// or client one over the GPU's replicas or clients, milli-GPUs a
  /// thousandth each (docs/simulator.md).
  func gpuShare(of gpu: GPURequest) -> Double {
    switch gpu {
    case .none: return 0
    case .wholeGPUs(let n): return Double(n)
    case .milliGPUs(let m): return Double(m) / 1000
    case .migInstances(let profile, let n):
      for pool in input.cluster.pools {
        guard case .mig = pool.sharing, let model = pool.model,
          let p = model.profiles.first(where: { $0.name == profile })
        else { continue }
        return Double(n * p.computeSlices) / Double(model.computeSliceCount)
      }
      return 0
    case .timeSliceReplicas(let n):
      for pool in input.cluster.pools {
        if case .timeSlicing(let replicas) = pool.sharing {
          return Double(n) / Double(replicas)
        }
      }
      return 0
    case .mpsClients(let n):
      for pool in input.cluster.pools {
        if case .mps(let limit) = pool.sharing {
          return Double(n) / Double(limit)
        }
      }
      return 0
    }
  }

  // MARK: - Starting

  /// Tries to start a job now: quota (reclaiming lent quota when that
  /// helps), placement (preempting lower priorities when that helps), or a
  /// MIG reconfiguration that will let it start later.
  ///
  /// - Returns: whether the job is running.
  mutating func tryStart(
    _ job: Int, _ engine: inout SimulationEngine<ClusterEvent>
  ) -> Bool {
    counters.startAttempts += 1
    let slot = slots[runtime[job].slot]
    let tenant = jobs[job].tenant
    var quota = ledger.check(slot.charge, of: tenant)
    if case .refused(let refusals) = quota,
      refusals.contains(where: { $0.cause == .nominalLentOut })
    {
      if reclaimQuota(for: job, &engine) {
        quota = ledger.check(slot.charge, of: tenant)
      }
    }
    if case .refused(let refusals) = quota {
      refuse(job, .quota(refusals.first))
      return false
    }
    let first = runtime[job].firstPod
    counters.placementDecisions += slot.pods
    if slot.pods == 1 {
      switch scheduler.place(first, slot.request) {
      case .placed:
        break
      case .unschedulable(let reason):
        if preemptForPriority(job, &engine) {
          break
        }
        requestReconfiguration(for: job, &engine)
        refuse(job, .placement(reason))
        return false
      }
    } else {
      let gang = (0..<slot.pods).map {
        (pod: first + $0, request: slot.request)
      }
      if case .unschedulable(_, let reason) = scheduler.placeGang(gang) {
        refuse(job, .placement(reason))
        return false
      }
    }
    start(job, &engine)
    return true
  }

  /// Records why a job could not start. The text is built only when the
  /// cause differs from the slot's last one: most failed attempts repeat
  /// it, and formatting it each time was a tenth of a long run.
  mutating func refuse(_ job: Int, _ cause: RefusalCause) {
    jobs[job].failedAttempts += 1
    let slot = runtime[job].slot
    if slots[slot].lastCause != cause {
      slots[slot].lastCause = cause
      slots[slot].lastRefusal = cause.description
    }
    let reason = slots[slot].lastRefusal
    if jobs[job].lastRefusal != reason {
      jobs[job].lastRefusal = reason
      note(.wait, job: job, reason ?? "")
    }
  }


  /// Marks a placed job running: quota admitted, completion scheduled,
  /// allocation and intervals opened.
  mutating func start(
    _ job: Int, _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    let slot = slots[runtime[job].slot]
    let tenant = jobs[job].tenant
    _ = ledger.admit(slot.charge, of: tenant)
    let borrowing = ledger.isBorrowing(tenant)
    var rt = runtime[job]
    if rt.isQueued {
      jobs[job].waitSeconds += now - rt.queuedSince
      rt.isQueued = false
    }
    rt.epoch += 1
    rt.isRunning = true
    rt.awaitsReconfiguration = false
    rt.borrowingSince = borrowing ? now : nil
    if jobs[job].firstStartSeconds == nil { jobs[job].firstStartSeconds = now }
    jobs[job].lastStartSeconds = now
    let first = rt.firstPod
    jobs[job].node = scheduler.state.binding(of: first)?.node
    if input.recordsIntervals {
      rt.openIntervals = intervals.count
      for pod in 0..<slot.pods {
        guard let binding = scheduler.state.binding(of: first + pod) else {
          continue
        }
        intervals.append(
          RecordedInterval(
            job: job, pod: pod, node: binding.node,
            devices: binding.devices, cpuMilli: slot.requests.cpuMilli,
            memoryMiB: slot.requests.memoryMiB, startSeconds: now,
            endSeconds: now))
      }
    }
    runtime[job] = rt
    runningCount += 1
    runningJobsByTenant[tenant].insert(job)
    runningByPriority[jobs[job].priority, default: 0] += 1
    accrueAllocation()
    allocatedGPUs += slot.gpuShare * Double(slot.pods)
    engine.schedule(
      .completion(job: job, epoch: rt.epoch),
      at: Int64(now + jobs[job].durationSeconds), class: .completion)
    if input.recordsEvents {
      let devices = scheduler.state.binding(of: first)?.devices
      note(.start, job: job, node: jobs[job].node, devices.map(\.description) ?? "")
    }
  }

  /// Releases everything a running job holds.
  mutating func stopRunning(_ job: Int) {
    let slot = slots[runtime[job].slot]
    var rt = runtime[job]
    for pod in rt.firstPod..<(rt.firstPod + slot.pods) {
      scheduler.release(pod)
    }
    ledger.release(slot.charge, of: jobs[job].tenant)
    if let since = rt.borrowingSince {
      jobs[job].borrowingSeconds += now - since
    }
    if rt.openIntervals >= 0 {
      var i = rt.openIntervals
      while i < intervals.count, intervals[i].job == job,
        intervals[i].startSeconds == jobs[job].lastStartSeconds
      {
        intervals[i].endSeconds = now
        i += 1
      }
      rt.openIntervals = -1
    }
    rt.isRunning = false
    rt.borrowingSince = nil
    rt.epoch += 1
    runtime[job] = rt
    runningCount -= 1
    runningJobsByTenant[jobs[job].tenant].remove(job)
    let priority = jobs[job].priority
    runningByPriority[priority, default: 1] -= 1
    if runningByPriority[priority] == 0 {
      runningByPriority[priority] = nil
    }
    accrueAllocation()
    allocatedGPUs -= slot.gpuShare * Double(slot.pods)
    if runningCount == 0 { allocatedGPUs = 0 }
  }

  /// A job ran to its end.
  mutating func complete(_ job: Int) {
    stopRunning(job)
    jobs[job].outcome = .finished
    jobs[job].endSeconds = now
    note(.finish, job: job, node: jobs[job].node)
  }

  /// Why a job was stopped before its end.
  enum EvictionCause: String {
    case priorityPreemption, quotaReclaim, nodeFailure, gpuFailure, drain
  }

  /// Stops a running job and queues it again; it restarts from the
  /// beginning, as a pod without checkpoints does.
  mutating func evict(
    _ job: Int, _ cause: EvictionCause,
    _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    guard runtime[job].isRunning else { return }
    let node = jobs[job].node
    stopRunning(job)
    switch cause {
    case .priorityPreemption:
      jobs[job].preemptions += 1
      counters.priorityPreemptions += 1
    case .quotaReclaim:
      jobs[job].preemptions += 1
      counters.quotaReclaims += 1
    case .nodeFailure, .gpuFailure, .drain:
      jobs[job].disruptions += 1
      counters.disruptions += 1
    }
    note(
      cause == .priorityPreemption || cause == .quotaReclaim
        ? .preempt : .evict, job: job, node: node, cause.rawValue)
    enqueue(job)
    scheduleRetry(&engine)
  }

  /// The jobs with a pod on `node`, in pod order, each once.
  func jobs(onNode node: Int) -> [Int] {
    var seen = Set<Int>()
    return scheduler.state.pods(onNode: node).compactMap {
      let job = Int(podJob[$0])
      return seen.insert(job).inserted ? job : nil
    }
  }

  // MARK: - The horizon

  /// Closes what is still open at the horizon.
  mutating func finishAtHorizon() {
    accrueAllocation()
    for job in jobs.indices {
      let rt = runtime[job]
      if rt.isRunning {
        jobs[job].outcome = .running
        if let since = rt.borrowingSince {
          jobs[job].borrowingSeconds += horizon - since
        }
        if rt.openIntervals >= 0 {
          var i = rt.openIntervals
          while i < intervals.count, intervals[i].job == job,
            intervals[i].startSeconds == jobs[job].lastStartSeconds
          {
            intervals[i].endSeconds = horizon
            i += 1
          }
        }
      } else if rt.isQueued {
        jobs[job].outcome = .waiting
        jobs[job].waitSeconds += horizon - rt.queuedSince
      }
    }
  }
}

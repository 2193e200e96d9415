import ClusterModel
import Scheduling

extension ClusterSimulation {
  // MARK: - Priority preemption

  /// Evicts lower-priority jobs from one node, chosen as kube-scheduler
  /// chooses, and places `job` there.
  ///
  /// Only lone pods preempt (as kube-scheduler preempts per pod). Nodes
  /// refused for a reason eviction cannot fix (unschedulable, taints,
  /// affinity, sharing mode, model) are left out.
  ///
  /// - Returns: whether the job is now placed.
  /// - Complexity: O(nodes) to collect candidates, then the preemption
  ///   rule's cost; nothing when no lower priority runs.
  mutating func preemptForPriority(
    _ job: Int, _ engine: inout SimulationEngine<ClusterEvent>
  ) -> Bool {
    let priority = jobs[job].priority
    guard let lowest = runningByPriority.keys.min(), lowest < priority else {
      return false
    }
    let request = slots[runtime[job].slot].request
    var candidates: [PreemptionNode] = []
    // FIXME(perf): candidates come from a scan of every node; a
    // per-priority node index would make preemption O(candidates).
    for node in 0..<scheduler.state.nodeCount {
      guard let refusal = scheduler.state.refusal(for: request, onNode: node),
        refusal.reason.stage >= 6
      else { continue }
      let pods = scheduler.state.pods(onNode: node).map { pod in
        let owner = Int(podJob[pod])
        return RunningPod(
          id: pod, priority: jobs[owner].priority,
          startedAt: jobs[owner].lastStartSeconds ?? 0)
      }
      if pods.contains(where: { $0.priority < priority }) {
        candidates.append(PreemptionNode(node: node, pods: pods))
      }
    }
    guard !candidates.isEmpty else { return false }
    let rule = PriorityPreemption(priority: priority)
    let limit = PriorityPreemption.candidateLimit(
      nodeCount: scheduler.state.nodeCount)
    let outcome = rule.choose(among: candidates, limit: limit) {
      node, removing in
      fitsAfterRemoving(removing, request: request, node: node)
    }
    guard let choice = outcome.choice, !choice.victims.isEmpty else {
      return false
    }
    var victimJobs: [Int] = []
    for victim in choice.victims {
      let owner = Int(podJob[victim.id])
      if !victimJobs.contains(owner) { victimJobs.append(owner) }
    }
    for victim in victimJobs {
      evict(victim, .priorityPreemption, &engine)
    }
    let first = runtime[job].firstPod
    return scheduler.place(first, request).node != nil
  }

  /// Whether `request` fits `node` with `pods` removed; the cluster is
  /// left as it was.
  mutating func fitsAfterRemoving(
    _ pods: [Int], request: PodRequest, node: Int
  ) -> Bool {
    var removed: [(pod: Int, node: Int, devices: DeviceAssignment)] = []
    for pod in pods {
      guard let binding = scheduler.state.binding(of: pod) else { continue }
      removed.append((pod, binding.node, binding.devices))
      scheduler.state.release(pod)
    }
    let fits = scheduler.state.fits(request, onNode: node)
    for entry in removed.reversed() {
      let owner = Int(podJob[entry.pod])
      scheduler.state.bind(
        entry.pod, slots[runtime[owner].slot].request, toNode: entry.node,
        devices: entry.devices)
    }
    return fits
  }

  // MARK: - Quota reclaim

  /// Evicts borrowing cohort members' jobs, chosen as Kueue's classic
  /// preemption chooses, when that lets `job` fit its nominal quota.
  ///
  /// - Returns: whether anything was evicted.
  mutating func reclaimQuota(
    for job: Int, _ engine: inout SimulationEngine<ClusterEvent>
  ) -> Bool {
    let tenant = jobs[job].tenant
    let slot = slots[runtime[job].slot]
    let cohort = ledger.cohort(of: tenant)
    var admitted: [AdmittedWorkload] = []
    for (other, running) in runningJobsByTenant.enumerated()
    where other == tenant || (cohort != nil && ledger.cohort(of: other) == cohort)
    {
      for id in running.sorted() {
        admitted.append(
          AdmittedWorkload(
            id: id, tenant: other, priority: jobs[id].priority,
            admittedAt: jobs[id].lastStartSeconds ?? 0,
            charge: slots[runtime[id].slot].charge))
      }
    }
    let pending = PendingWorkload(
      tenant: tenant, priority: jobs[job].priority,
      arrivedAt: jobs[job].arrivalSeconds, charge: slot.charge)
    guard let victims = ledger.reclaimVictims(for: pending, among: admitted),
      !victims.isEmpty, placesAfterReleasing(victims.map(\.id), job: job)
    else { return false }
    for victim in victims {
      evict(victim.id, .quotaReclaim, &engine)
    }
    return true
  }

  /// Whether `job`'s pods would all be placed once `victims` released
  /// theirs, tried on a copy of the scheduler.
  ///
  /// Reclaiming quota evicts running jobs; doing it for a job that would
  /// still not fit evicts them for nothing, and the evicted jobs, started
  /// again in the same second, would be reclaimed again without end.
  ///
  /// - Complexity: O(cluster) for the copy, then one placement per pod.
  func placesAfterReleasing(_ victims: [Int], job: Int) -> Bool {
    var probe = scheduler
    for victim in victims {
      let first = runtime[victim].firstPod
      for pod in first..<(first + jobs[victim].pods) {
        probe.release(pod)
      }
    }
    let slot = slots[runtime[job].slot]
    let first = runtime[job].firstPod
    let gang = (0..<slot.pods).map {
      (pod: first + $0, request: slot.request)
    }
    if case .placed = probe.placeGang(gang) { return true }
    return false
  }

  // MARK: - Dynamic MIG repartitioning

  /// Re-lays out idle MIG instances so that `job` can start when the
  /// reconfiguration ends, if the run repartitions dynamically and some
  /// node allows it.
  mutating func requestReconfiguration(
    for job: Int, _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    guard input.settings.migReconfiguration == .dynamic,
      !runtime[job].awaitsReconfiguration
    else { return }
    let request = slots[runtime[job].slot].request
    guard case .migInstances = request.gpu,
      let plan = scheduler.state.repartitionPlan(for: request)
    else { return }
    let end = now + input.settings.reconfigurationSeconds
    scheduler.state.apply(plan, endingAt: end)
    for change in plan.changes {
      engine.schedule(
        .reconfigured(node: plan.node, gpu: change.gpu), at: Int64(end),
        class: .recovery)
    }
    counters.reconfigurations += plan.changes.count
    counters.destroyedInstances += plan.destroyedCount
    runtime[job].awaitsReconfiguration = true
    note(.reconfigureStart, job: job, node: plan.node, "\(plan)")
  }
}

// MARK: - Invariants

extension Demand {
  /// Every broken invariant of the templates and generators, checked
  /// against `cluster` for references.
  ///
  /// Checks unique names, request sizes, tolerations and node selection,
  /// duration models, interference ranges, and that each generator names a
  /// known tenant and known templates whose priority classes the tenant
  /// defines.
  ///
  /// - Parameter cluster: The cluster the demand runs on.
  /// - Returns: The violations; empty when valid.
  /// - Complexity: O(templates × their size + generators × mix ×
  ///   (templates + tenants)).
  public func validate(in cluster: Cluster) -> [ModelViolation] {
    var found = ViolationCollector()
    found.checkUnique(
      templates.map(\.name), at: { "templates[\($0)].name" },
      what: "template")
    for (index, template) in templates.enumerated() {
      found.add(template.violations(at: "templates[\(index)]"))
      if case .migInstances(let profile, _) = template.requests.gpu,
        !profile.isEmpty
      {
        let offered = cluster.pools.contains { pool in
          guard case .mig = pool.sharing else { return false }
          return pool.model?.profile(named: profile) != nil
        }
        found.check(
          offered, at: "templates[\(index)].requests.mig",
          "no MIG pool has a GPU model with profile '\(profile)'")
      }
    }
    found.checkUnique(
      generators.map(\.name), at: { "workloads[\($0)].name" },
      what: "workload")
    for (index, generator) in generators.enumerated() {
      found.add(
        generatorViolations(generator, in: cluster, at: "workloads[\(index)]"))
    }
    return found.violations
  }

  private func generatorViolations(
    _ generator: WorkloadGenerator, in cluster: Cluster, at path: String
  ) -> [ModelViolation] {
    var found = ViolationCollector()
    found.check(
      !generator.name.isEmpty, at: "\(path).name",
      "a workload name must not be empty")
    let tenant = cluster.tenant(named: generator.tenant)
    found.check(
      tenant != nil, at: "\(path).tenant",
      "unknown tenant '\(generator.tenant)'; expected one of "
        + Cluster.list(cluster.tenants.map(\.name)))
    if let maxJobs = generator.maxJobs {
      found.check(
        maxJobs >= 1, at: "\(path).maxJobs",
        "maxJobs must be at least 1, found \(maxJobs)")
    }
    switch generator.source {
    case .jobList(let file, _):
      found.check(
        !file.isEmpty, at: "\(path).jobs", "a job list path must not be empty")
    case .arrivals(let arrival, let mix):
      found.add(arrival.violations(at: "\(path).arrival"))
      found.check(
        !mix.isEmpty, at: "\(path).mix",
        "a request mix needs at least one template, found none")
      for (i, entry) in mix.enumerated() {
        let entryPath = "\(path).mix[\(i)]"
        found.check(
          entry.weight > 0 && entry.weight.isFinite, at: "\(entryPath).weight",
          "a weight must be a positive number, found \(entry.weight)")
        guard let template = template(named: entry.template) else {
          found.add(
            at: "\(entryPath).template",
            "unknown template '\(entry.template)'; expected one of "
              + Cluster.list(templates.map(\.name)))
          continue
        }
        if let tenant, let wanted = template.priorityClass,
          tenant.priorityClasses[wanted] == nil
        {
          found.add(
            at: "\(entryPath).template",
            "template '\(template.name)' uses priority class '\(wanted)', "
              + "which tenant '\(tenant.name)' does not define; expected one "
              + "of \(Cluster.list(tenant.priorityClasses.keys.sorted()))")
        }
      }
    }
    return found.violations
  }
}

extension WorkloadTemplate {
  /// The ways the template breaks the model's invariants, not counting
  /// uniqueness of its name.
  ///
  /// - Parameter path: The template's field path.
  /// - Returns: The violations, empty when valid.
  public func violations(at path: String) -> [ModelViolation] {
    var found = ViolationCollector()
    found.check(
      !name.isEmpty, at: "\(path).name", "a template name must not be empty")
    let requestsPath = "\(path).requests"
    switch requests.gpu {
    case .none:
      break
    case .wholeGPUs(let n), .timeSliceReplicas(let n), .mpsClients(let n):
      found.check(
        n >= 1, at: requestsPath,
        "a GPU request must be at least 1, found \(n)")
    case .migInstances(let profile, let n):
      found.check(
        !profile.isEmpty, at: "\(requestsPath).mig",
        "a MIG profile name must not be empty")
      found.check(
        n >= 1, at: "\(requestsPath).migCount",
        "a MIG instance count must be at least 1, found \(n)")
    case .milliGPUs(let m):
      found.check(
        (1...GPUSharing.milliGPUsPerGPU).contains(m),
        at: "\(requestsPath).milliGPU",
        "a GPU fraction must lie in 1...1000 milli-GPU, found \(m)")
    }
    found.check(
      requests.cpuMilli >= 0, at: "\(requestsPath).cpu",
      "a CPU request must not be negative, found \(requests.cpuMilli)m")
    found.check(
      requests.memoryMiB >= 0, at: "\(requestsPath).memory",
      "a memory request must not be negative, found \(requests.memoryMiB) MiB")
    for (index, toleration) in tolerations.enumerated() {
      found.add(toleration.violations(at: "\(path).tolerations[\(index)]"))
    }
    found.add(placement.violations(at: path))
    found.check(
      gangSize >= 1, at: "\(path).gangSize",
      "a gang needs at least 1 pod, found \(gangSize)")
    found.add(duration.violations(at: "\(path).duration"))
    found.add(interference.violations(at: "\(path).interference"))
    return found.violations
  }
}

extension InterferenceProfile {
  /// The ways the fractions lie outside their ranges.
  ///
  /// - Parameter path: The profile's field path.
  /// - Returns: The violations, empty when valid.
  public func violations(at path: String) -> [ModelViolation] {
    var found = ViolationCollector()
    found.check(
      gpuBusyFraction > 0 && gpuBusyFraction <= 1, at: "\(path).gpuBusy",
      "gpuBusy must lie in (0, 1], found \(gpuBusyFraction)")
    let unitFractions: [(String, Double)] = [
      ("memoryBandwidth", memoryBandwidthIntensity),
      ("pcie", pcieIntensity),
      ("communication", communicationFraction),
    ]
    for (name, value) in unitFractions {
      found.check(
        value >= 0 && value <= 1, at: "\(path).\(name)",
        "\(name) must lie in [0, 1], found \(value)")
    }
    return found.violations
  }
}

extension ArrivalProcess {
  /// The ways the rates and periods lie outside their ranges.
  ///
  /// - Parameter path: The arrival process's field path.
  /// - Returns: The violations, empty when valid.
  public func violations(at path: String) -> [ModelViolation] {
    var found = ViolationCollector()
    func positive(_ value: Double, _ field: String) {
      found.check(
        value > 0 && value.isFinite, at: "\(path).\(field)",
        "\(field) must be a positive number, found \(value)")
    }
    switch self {
    case .poisson(let rate):
      positive(rate, "ratePerHour")
    case .diurnal(let base, let peak, let hour):
      positive(base, "baseRatePerHour")
      found.check(
        peak >= 1 && peak.isFinite, at: "\(path).peakFactor",
        "peakFactor must be at least 1, found \(peak)")
      found.check(
        (0...23).contains(hour), at: "\(path).peakHour",
        "peakHour must lie in 0...23, found \(hour)")
    case .bursty(let on, let off, let onRate, let offRate):
      found.check(
        on >= 1, at: "\(path).on", "on must be at least 1 second, found \(on)")
      found.check(
        off >= 1, at: "\(path).off",
        "off must be at least 1 second, found \(off)")
      positive(onRate, "onRatePerHour")
      found.check(
        offRate >= 0 && offRate.isFinite, at: "\(path).offRatePerHour",
        "offRatePerHour must not be negative, found \(offRate)")
    }
    return found.violations
  }
}

import ClusterModel

extension ScenarioReader {
  static let templateKeys = [
    "name", "kind", "requests", "tolerations", "nodeSelector", "affinity",
    "priorityClass", "gangSize", "duration", "imageVulnerability",
    "interference",
  ]

  static func template(_ node: NodeReader) -> WorkloadTemplate? {
    guard let m = node.mapping(allowedKeys: templateKeys) else { return nil }
    guard let name = m.required("name", { $0.string(nonEmpty: true) }) else {
      return nil
    }
    let kind = m.required("kind") { $0.oneOf(WorkloadKind.self) } ?? .batch
    let requests =
      m.required("requests", Self.requests)
      ?? ResourceRequests(cpuMilli: 0, memoryMiB: 0)
    let affinity = m.optional("affinity") { $0.sequence(term) }
    return WorkloadTemplate(
      name: name, kind: kind, requests: requests,
      tolerations: m.optional("tolerations") { $0.sequence(toleration) }
        ?? [],
      placement: NodePlacement(
        nodeSelector: m.optional("nodeSelector", labels) ?? [:],
        requiredAffinity: affinity.map { NodeSelector(terms: $0) }),
      priorityClass: m.optional("priorityClass") { $0.string(nonEmpty: true) },
      gangSize: m.optional("gangSize") { $0.int(min: 1) } ?? 1,
      duration: m.required("duration", durationModel)
        ?? .fixed(seconds: 1),
      imageVulnerability: m.optional("imageVulnerability") {
        $0.oneOf(VulnerabilityLevel.self)
      } ?? .none,
      interference: m.optional("interference", interference)
        ?? InterferenceProfile())
  }

  static let gpuRequestKeys = [
    "gpus", "mig", "milliGPU", "timeSliceReplicas", "mpsClients",
  ]

  static func requests(_ node: NodeReader) -> ResourceRequests? {
    guard
      let m = node.mapping(
        allowedKeys: gpuRequestKeys + ["migCount", "cpu", "memory"])
    else { return nil }
    let cpu = m.optional("cpu") { $0.milliCPU(min: 0) } ?? 0
    let memory = m.optional("memory") { $0.memoryMiB(min: 0) } ?? 0
    let given = gpuRequestKeys.filter(m.contains)
    if given.count > 1 {
      m.error(
        "give at most one GPU request, found "
          + given.joined(separator: " and "))
    }
    if m.contains("migCount") && given.first != "mig" {
      m.required("migCount")?.error("key 'migCount' needs key 'mig'")
    }
    var gpu = GPURequest.none
    switch given.first {
    case "gpus":
      gpu = .wholeGPUs(m.required("gpus") { $0.int(min: 1) } ?? 1)
    case "mig":
      gpu = .migInstances(
        profile: m.required("mig") { $0.string(nonEmpty: true) } ?? "?",
        count: m.optional("migCount") { $0.int(min: 1) } ?? 1)
    case "milliGPU":
      gpu = .milliGPUs(
        m.required("milliGPU") { $0.int(min: 1, max: 1000) } ?? 1)
    case "timeSliceReplicas":
      gpu = .timeSliceReplicas(
        m.required("timeSliceReplicas") { $0.int(min: 1) } ?? 1)
    case "mpsClients":
      gpu = .mpsClients(m.required("mpsClients") { $0.int(min: 1) } ?? 1)
    default:
      break
    }
    return ResourceRequests(gpu: gpu, cpuMilli: cpu, memoryMiB: memory)
  }

  static func interference(_ node: NodeReader) -> InterferenceProfile? {
    guard
      let m = node.mapping(allowedKeys: [
        "gpuBusy", "memoryBandwidth", "pcie", "cpuClass", "communication",
        "latencySensitive",
      ])
    else { return nil }
    let defaults = InterferenceProfile()
    return InterferenceProfile(
      gpuBusyFraction: m.optional("gpuBusy") {
        $0.double(min: 0, max: 1, excludingMin: true)
      } ?? defaults.gpuBusyFraction,
      memoryBandwidthIntensity: m.optional("memoryBandwidth") {
        $0.double(min: 0, max: 1)
      } ?? defaults.memoryBandwidthIntensity,
      pcieIntensity: m.optional("pcie") { $0.double(min: 0, max: 1) }
        ?? defaults.pcieIntensity,
      cpuClass: m.optional("cpuClass") {
        $0.oneOf(InterferenceProfile.CPUClass.self)
      } ?? defaults.cpuClass,
      communicationFraction: m.optional("communication") {
        $0.double(min: 0, max: 1)
      } ?? defaults.communicationFraction,
      latencySensitive: m.optional("latencySensitive") { $0.bool() }
        ?? defaults.latencySensitive)
  }

  static let generatorKeys = [
    "name", "tenant", "arrival", "mix", "jobs", "format", "maxJobs",
  ]

  static func generator(_ node: NodeReader) -> WorkloadGenerator? {
    guard let m = node.mapping(allowedKeys: generatorKeys) else { return nil }
    guard let name = m.required("name", { $0.string(nonEmpty: true) }) else {
      return nil
    }
    let tenant = m.required("tenant") { $0.string(nonEmpty: true) } ?? ""
    let maxJobs = m.optional("maxJobs") { $0.int(min: 1) }
    let random = m.contains("arrival") || m.contains("mix")
    if random && m.contains("jobs") {
      m.error("give either arrival and mix or jobs, not both")
      return nil
    }
    if m.contains("jobs") {
      guard let path = m.required("jobs", { $0.string(nonEmpty: true) })
      else { return nil }
      let guessed: JobListFormat =
        path.lowercased().hasSuffix(".json") ? .json : .csv
      let format =
        m.optional("format") { $0.oneOf(JobListFormat.self) } ?? guessed
      return WorkloadGenerator(
        name: name, tenant: tenant,
        source: .jobList(path: path, format: format), maxJobs: maxJobs)
    }
    if m.contains("format") {
      m.required("format")?.error("key 'format' needs key 'jobs'")
    }
    let arrival = m.required("arrival", arrivalProcess)
    let mix = m.required("mix") { $0.sequence(weightedTemplate) }
    guard let arrival, let mix else { return nil }
    return WorkloadGenerator(
      name: name, tenant: tenant, source: .arrivals(arrival, mix: mix),
      maxJobs: maxJobs)
  }

  static func weightedTemplate(_ node: NodeReader) -> WeightedTemplate? {
    if case .scalar = node.node.value {
      return node.string(nonEmpty: true).map { WeightedTemplate(template: $0) }
    }
    guard let m = node.mapping(allowedKeys: ["template", "weight"]) else {
      return nil
    }
    let template = m.required("template") { $0.string(nonEmpty: true) }
    let weight =
      m.optional("weight") { $0.double(min: 0, excludingMin: true) } ?? 1
    return template.map { WeightedTemplate(template: $0, weight: weight) }
  }

  static let arrivalKeys: [String: [String]] = [
    "poisson": ["ratePerHour"],
    "diurnal": ["baseRatePerHour", "peakFactor", "peakHour"],
    "bursty": ["on", "off", "onRatePerHour", "offRatePerHour"],
  ]

  static func arrivalProcess(_ node: NodeReader) -> ArrivalProcess? {
    let processes = ["poisson", "diurnal", "bursty"]
    guard
      let m = node.mapping(
        allowedKeys: ["process"] + processes.flatMap { arrivalKeys[$0] ?? [] }
      ), let process = m.required("process", { $0.oneOf(processes) })
    else { return nil }
    let allowed = arrivalKeys[process] ?? []
    for key in m.keys where key != "process" && !allowed.contains(key) {
      m.required(key)?.error(
        "key '\(key)' does not apply to process '\(process)'; expected one "
          + "of: \(allowed.joined(separator: ", "))")
    }
    func rate(_ key: String) -> Double? {
      m.required(key) { $0.double(min: 0, excludingMin: true) }
    }
    switch process {
    case "poisson":
      return rate("ratePerHour").map { .poisson(ratePerHour: $0) }
    case "diurnal":
      let base = rate("baseRatePerHour")
      let peak = m.required("peakFactor") { $0.double(min: 1) }
      let hour = m.required("peakHour") { $0.int(min: 0, max: 23) }
      guard let base, let peak, let hour else { return nil }
      return .diurnal(baseRatePerHour: base, peakFactor: peak, peakHour: hour)
    default:
      let on = m.required("on") { $0.durationSeconds(min: 1) }
      let off = m.required("off") { $0.durationSeconds(min: 1) }
      let onRate = rate("onRatePerHour")
      let offRate = m.optional("offRatePerHour") { $0.double(min: 0) } ?? 0
      guard let on, let off, let onRate else { return nil }
      return .bursty(
        onSeconds: on, offSeconds: off, onRatePerHour: onRate,
        offRatePerHour: offRate)
    }
  }
}

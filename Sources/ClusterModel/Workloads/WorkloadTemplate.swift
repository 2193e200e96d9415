/// A kind of job a tenant submits: what each pod asks for, where it may
/// land, how long it runs.
///
/// Templates are named and shared; a `WorkloadGenerator` draws from a
/// weighted mix of them for one tenant.
public struct WorkloadTemplate: Hashable, Sendable {
  /// The template's name, unique in the scenario.
  public var name: String
  /// What the workload does.
  public var kind: WorkloadKind
  /// What each pod requests.
  public var requests: ResourceRequests
  /// The pods' tolerations.
  public var tolerations: [Toleration]
  /// The pods' node selector and required node affinity.
  public var placement: NodePlacement
  /// The priority class name, looked up in the submitting tenant's classes;
  /// `nil` for the tenant's default.
  public var priorityClass: String?
  /// How many pods must be placed together (all or nothing); at least 1.
  public var gangSize: Int
  /// How long the job runs alone.
  public var duration: DurationModel
  /// The worst vulnerability in the image.
  public var imageVulnerability: VulnerabilityLevel
  /// How the job uses shared hardware, for the interference model.
  public var interference: InterferenceProfile

  /// Creates a template.
  ///
  /// - Parameters:
  ///   - name: The template's name.
  ///   - kind: The workload kind.
  ///   - requests: Per-pod requests.
  ///   - tolerations: Tolerations, none by default.
  ///   - placement: Node selection, any node by default.
  ///   - priorityClass: Priority class, the tenant's default by default.
  ///   - gangSize: Pods per gang, 1 by default.
  ///   - duration: The duration model.
  ///   - imageVulnerability: Image vulnerability, `none` by default.
  ///   - interference: Interference profile, the defaults by default.
  public init(
    name: String,
    kind: WorkloadKind,
    requests: ResourceRequests,
    tolerations: [Toleration] = [],
    placement: NodePlacement = NodePlacement(),
    priorityClass: String? = nil,
    gangSize: Int = 1,
    duration: DurationModel,
    imageVulnerability: VulnerabilityLevel = .none,
    interference: InterferenceProfile = InterferenceProfile()
  ) {
    self.name = name
    self.kind = kind
    self.requests = requests
    self.tolerations = tolerations
    self.placement = placement
    self.priorityClass = priorityClass
    self.gangSize = gangSize
    self.duration = duration
    self.imageVulnerability = imageVulnerability
    self.interference = interference
  }
}

/// How a job loads shared hardware, the per-job inputs of the interference
/// model (docs/interference.md).
public struct InterferenceProfile: Hashable, Sendable {
  /// Host CPU demand per GPU, for the CPU interference term.
  public enum CPUClass: String, CaseIterable, Hashable, Sendable {
    /// Throughput drops when fewer than 3 CPUs per GPU are available.
    case inputHeavy
    /// Insensitive to CPUs per GPU.
    case light
  }

  /// Fraction of time the GPU is busy when the job runs alone, (0, 1].
  public var gpuBusyFraction: Double
  /// Memory-bandwidth intensity, [0, 1].
  public var memoryBandwidthIntensity: Double
  /// Host-to-device transfer intensity, [0, 1].
  public var pcieIntensity: Double
  /// Host CPU demand class.
  public var cpuClass: CPUClass
  /// Fraction of an iteration spent communicating across nodes, [0, 1].
  public var communicationFraction: Double
  /// Whether the job's tail latency matters (serving).
  public var latencySensitive: Bool

  /// Creates a profile; defaults: busy 1.0, bandwidth 0.5, PCIe 0,
  /// `light`, communication 0.3, not latency sensitive.
  public init(
    gpuBusyFraction: Double = 1.0,
    memoryBandwidthIntensity: Double = 0.5,
    pcieIntensity: Double = 0,
    cpuClass: CPUClass = .light,
    communicationFraction: Double = 0.3,
    latencySensitive: Bool = false
  ) {
    self.gpuBusyFraction = gpuBusyFraction
    self.memoryBandwidthIntensity = memoryBandwidthIntensity
    self.pcieIntensity = pcieIntensity
    self.cpuClass = cpuClass
    self.communicationFraction = communicationFraction
    self.latencySensitive = latencySensitive
  }
}

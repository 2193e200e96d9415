import ClusterModel

/// How a job stood when the run ended.
public enum JobOutcome: Hashable, Sendable {
  /// Ran to completion.
  case finished
  /// Still running at the horizon.
  case running
  /// Still queued at the horizon, never started or preempted and waiting.
  case waiting
  /// Refused for good (admission policy, quota, no feasible node); the
  /// reason is a short stable key such as `admission:image` that reports
  /// group by.
  case rejected(reason: String)
}

/// One job of a run, as the simulator saw it.
public struct JobRecord: Hashable, Sendable {
  /// The job's name, for reports.
  public var name: String
  /// Index into `RunObservation.tenants`.
  public var tenant: Int
  /// What the job does.
  public var kind: WorkloadKind
  /// Submission time, seconds from the run's start.
  public var arrivalSeconds: Int
  /// First time it started running, if it did.
  public var startSeconds: Int?
  /// Completion time, for finished jobs.
  public var endSeconds: Int?
  /// How it stood at the horizon.
  public var outcome: JobOutcome
  /// How many times it was preempted.
  public var preemptions: Int
  /// Seconds it ran on capacity borrowed from its cohort.
  public var borrowingSeconds: Int
  /// How it loads shared hardware (interference model inputs).
  public var interference: InterferenceProfile

  /// Creates a job record.
  ///
  /// - Parameters:
  ///   - name: The job name.
  ///   - tenant: The tenant index.
  ///   - kind: The workload kind.
  ///   - arrivalSeconds: Submission time, seconds.
  ///   - startSeconds: First start, seconds; `nil` if never started.
  ///   - endSeconds: Completion, seconds; `nil` unless finished.
  ///   - outcome: The outcome at the horizon.
  ///   - preemptions: Preemptions suffered; 0 by default.
  ///   - borrowingSeconds: Seconds on borrowed capacity; 0 by default.
  ///   - interference: The interference profile; the default profile
  ///     by default.
  public init(
    name: String,
    tenant: Int,
    kind: WorkloadKind,
    arrivalSeconds: Int,
    startSeconds: Int? = nil,
    endSeconds: Int? = nil,
    outcome: JobOutcome,
    preemptions: Int = 0,
    borrowingSeconds: Int = 0,
    interference: InterferenceProfile = InterferenceProfile()
  ) {
    self.name = name
    self.tenant = tenant
    self.kind = kind
    self.arrivalSeconds = arrivalSeconds
    self.startSeconds = startSeconds
    self.endSeconds = endSeconds
    self.outcome = outcome
    self.preemptions = preemptions
    self.borrowingSeconds = borrowingSeconds
    self.interference = interference
  }
}

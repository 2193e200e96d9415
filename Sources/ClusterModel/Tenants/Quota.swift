/// A resource a tenant's quota can limit, with its unit.
public enum QuotaResource: Hashable, Sendable, Comparable,
  CustomStringConvertible
{
  /// GPU capacity in milli-GPUs (1000 = one whole GPU).
  case milliGPUs
  /// Instances of one MIG profile, counted one per instance.
  case migProfile(String)
  /// MIG compute slices, counted one per slice.
  case computeSlices
  /// GPU memory in MiB.
  case gpuMemoryMiB
  /// CPU in milli-cores.
  case cpuMilli
  /// Host memory in MiB.
  case memoryMiB

  /// The name used in scenario files and reports: `gpus`,
  /// `mig:<profile>`, `computeSlices`, `gpuMemory`, `cpu`, `memory`.
  public var description: String {
    switch self {
    case .milliGPUs: "gpus"
    case .migProfile(let profile): "mig:\(profile)"
    case .computeSlices: "computeSlices"
    case .gpuMemoryMiB: "gpuMemory"
    case .cpuMilli: "cpu"
    case .memoryMiB: "memory"
    }
  }

  /// Orders resources as listed in the declaration, MIG profiles by name.
  public static func < (lhs: QuotaResource, rhs: QuotaResource) -> Bool {
    (lhs.rank, lhs.profileName) < (rhs.rank, rhs.profileName)
  }

  /// An amount of this resource as a person reads it: `2.5 GPUs`,
  /// `512 MiB`, `500m CPU`, `3 instances`, `28 slices`.
  ///
  /// - Parameter amount: The amount in the resource's unit.
  public func format(_ amount: Int) -> String {
    switch self {
    case .milliGPUs:
      let whole = amount / 1000
      let rest = abs(amount % 1000)
      guard rest != 0 else { return "\(whole) GPUs" }
      var fraction = String(rest + 1000).dropFirst()
      while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
      let sign = amount < 0 && whole == 0 ? "-" : ""
      return "\(sign)\(whole).\(fraction) GPUs"
    case .migProfile: return "\(amount) instances"
    case .computeSlices: return "\(amount) slices"
    case .gpuMemoryMiB, .memoryMiB: return "\(amount) MiB"
    case .cpuMilli: return "\(amount)m CPU"
    }
  }

  private var rank: Int {
    switch self {
    case .milliGPUs: 0
    case .migProfile: 1
    case .computeSlices: 2
    case .gpuMemoryMiB: 3
    case .cpuMilli: 4
    case .memoryMiB: 5
    }
  }

  private var profileName: String {
    if case .migProfile(let name) = self { return name }
    return ""
  }
}

/// A tenant's limit on one resource, in the resource's unit, with Kueue's
/// cohort semantics.
public struct ResourceQuota: Hashable, Sendable {
  /// The amount the tenant is guaranteed; at least 0.
  public var nominal: Int
  /// How much above `nominal` the tenant may borrow from its cohort;
  /// `nil` means as much as the cohort can lend. Needs a cohort.
  public var borrowingLimit: Int?
  /// How much of `nominal` other cohort members may borrow; `nil` means
  /// all of it; at most `nominal`. Needs a cohort.
  public var lendingLimit: Int?

  /// Creates a resource quota.
  ///
  /// - Parameters:
  ///   - nominal: The guaranteed amount.
  ///   - borrowingLimit: The most that may be borrowed, `nil` for no limit.
  ///   - lendingLimit: The most that may be lent, `nil` for all.
  public init(nominal: Int, borrowingLimit: Int? = nil, lendingLimit: Int? = nil)
  {
    self.nominal = nominal
    self.borrowingLimit = borrowingLimit
    self.lendingLimit = lendingLimit
  }

  /// The most the tenant may use, `nominal + borrowingLimit`; `nil` when
  /// borrowing is unlimited.
  public var ceiling: Int? { borrowingLimit.map { nominal + $0 } }

  /// The part of `nominal` kept for the tenant, `nominal − lendingLimit`
  /// (0 when all may be lent).
  public var reserved: Int { lendingLimit.map { nominal - $0 } ?? 0 }
}

/// A tenant's quotas: one entry per limited resource. A resource without an
/// entry is not limited.
public struct Quota: Hashable, Sendable {
  /// The limits by resource.
  public var limits: [QuotaResource: ResourceQuota]

  /// Creates a quota.
  ///
  /// - Parameter limits: The limits by resource, none by default.
  public init(_ limits: [QuotaResource: ResourceQuota] = [:]) {
    self.limits = limits
  }

  /// The limit on `resource`, or `nil` when it is not limited.
  public subscript(resource: QuotaResource) -> ResourceQuota? {
    get { limits[resource] }
    set { limits[resource] = newValue }
  }

  /// The limited resources in a stable order (`QuotaResource` order).
  ///
  /// - Complexity: O(*r* log *r*) for *r* limited resources.
  public var resources: [QuotaResource] { limits.keys.sorted() }
}

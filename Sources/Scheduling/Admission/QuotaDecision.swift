import ClusterModel

/// The outcome of asking whether a tenant's quota admits a charge.
public enum QuotaDecision: Hashable, Sendable {
  /// The charge fits; `borrowed` lists what it takes above the tenant's
  /// nominal quota (empty when it fits within nominal).
  case admitted(borrowed: [QuotaBorrowing])
  /// The charge does not fit; one refusal per resource that does not fit,
  /// in resource order.
  case refused([QuotaRefusal])

  /// Whether the charge fits.
  public var isAdmitted: Bool {
    if case .admitted = self { return true }
    return false
  }

  /// The refusals, empty when admitted.
  public var refusals: [QuotaRefusal] {
    if case .refused(let list) = self { return list }
    return []
  }
}

/// Part of a charge taken from the cohort above the tenant's nominal
/// quota.
public struct QuotaBorrowing: Hashable, Sendable, CustomStringConvertible {
  /// The resource borrowed.
  public var resource: QuotaResource
  /// The amount this charge borrows, in the resource's unit.
  public var amount: Int

  /// Creates a borrowing record.
  ///
  /// - Parameters:
  ///   - resource: The resource.
  ///   - amount: The amount borrowed, at least 1.
  public init(resource: QuotaResource, amount: Int) {
    self.resource = resource
    self.amount = amount
  }

  /// `borrows 2 GPUs of gpus`.
  public var description: String {
    "borrows \(resource.format(amount)) of \(resource)"
  }
}

/// Why a tenant's quota refuses a charge on one resource, with the figures
/// a person needs to check it.
public struct QuotaRefusal: Hashable, Sendable, CustomStringConvertible {
  /// Which rule refused.
  public enum Cause: String, Hashable, Sendable, CaseIterable {
    /// No cohort, and the charge exceeds the unused nominal quota.
    case exceedsNominal
    /// Usage plus the charge would exceed `nominal + borrowingLimit`.
    case exceedsBorrowingLimit
    /// The charge needs borrowing and the cohort cannot lend enough.
    case cohortExhausted
    /// The charge fits the nominal quota, but cohort members borrowed the
    /// unused part; reclaiming it by preemption would make room.
    case nominalLentOut
  }

  /// The tenant's name.
  public var tenant: String
  /// The resource.
  public var resource: QuotaResource
  /// Which rule refused.
  public var cause: Cause
  /// The amount requested, in the resource's unit.
  public var requested: Int
  /// The tenant's nominal quota.
  public var nominal: Int
  /// The tenant's borrowing limit, `nil` when unlimited.
  public var borrowingLimit: Int?
  /// What the tenant's admitted workloads hold.
  public var used: Int
  /// The most the tenant could be admitted now: its unused guaranteed
  /// part plus what its cohort can lend, capped by its borrowing limit.
  public var available: Int

  /// Creates a refusal.
  ///
  /// - Parameters:
  ///   - tenant: The tenant's name.
  ///   - resource: The resource.
  ///   - cause: Which rule refused.
  ///   - requested: The amount requested.
  ///   - nominal: The nominal quota.
  ///   - borrowingLimit: The borrowing limit.
  ///   - used: The current usage.
  ///   - available: The most admissible now.
  public init(
    tenant: String, resource: QuotaResource, cause: Cause, requested: Int,
    nominal: Int, borrowingLimit: Int?, used: Int, available: Int
  ) {
    self.tenant = tenant
    self.resource = resource
    self.cause = cause
    self.requested = requested
    self.nominal = nominal
    self.borrowingLimit = borrowingLimit
    self.used = used
    self.available = available
  }

  /// One line such as `quota/gpus (cohortExhausted): tenant research
  /// requested 2 GPUs, nominal 4 GPUs, used 4 GPUs, available 1 GPUs`.
  public var description: String {
    let limit =
      borrowingLimit.map {
        ", borrowing limit \(resource.format($0))"
      } ?? ""
    return "quota/\(resource) (\(cause.rawValue)): tenant \(tenant) "
      + "requested \(resource.format(requested)), "
      + "nominal \(resource.format(nominal))\(limit), "
      + "used \(resource.format(used)), "
      + "available \(resource.format(available))"
  }
}

/// Who may open connections to a tenant's pods, a summary of the
/// namespace's NetworkPolicy objects.
///
/// A connection from tenant A to tenant B is allowed when B's policy admits
/// A. Egress policies are not modelled: every tenant may send, and the
/// receiver's ingress decides.
public enum NetworkPolicy: Hashable, Sendable {
  /// No policy selects the pods: every tenant may connect.
  case allowAll
  /// Deny all ingress except from the tenant's own pods (the
  /// "default deny plus allow same namespace" pattern).
  case defaultDeny
  /// Like `defaultDeny`, plus connections from the listed tenants.
  case allowTenants([String])

  /// Whether pods of tenant `source` may connect to pods of tenant `owner`,
  /// the tenant this policy belongs to.
  ///
  /// - Parameters:
  ///   - source: The connecting tenant's name.
  ///   - owner: The name of the tenant the policy protects.
  /// - Complexity: O(*n*) for *n* listed tenants.
  public func admits(_ source: String, into owner: String) -> Bool {
    switch self {
    case .allowAll: true
    case .defaultDeny: source == owner
    case .allowTenants(let tenants): source == owner || tenants.contains(source)
    }
  }
}

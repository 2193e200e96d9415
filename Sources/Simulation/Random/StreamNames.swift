/// The names of the random streams a simulation draws from.
///
/// One stream per independent source, named `<purpose>/<owner>`, so that
/// adding a tenant, a node or a strategy never shifts another source's
/// draws. Pass the name to `RandomStream(seed:name:)`.
public enum StreamNames {
  /// The stream of a tenant's arrival times: `arrivals/<tenant>`.
  public static func arrivals(tenant: String) -> String {
    "arrivals/\(tenant)"
  }

  /// The stream of a tenant's job durations: `durations/<tenant>`.
  public static func durations(tenant: String) -> String {
    "durations/\(tenant)"
  }

  /// The stream of a tenant's job shapes (sizes, profiles):
  /// `shapes/<tenant>`.
  public static func shapes(tenant: String) -> String {
    "shapes/\(tenant)"
  }

  /// The stream of a node's faults: `faults/<node>`.
  public static func faults(node: String) -> String {
    "faults/\(node)"
  }

  /// The stream of a placement strategy's random choices:
  /// `strategy/<name>`.
  public static func strategy(_ name: String) -> String {
    "strategy/\(name)"
  }
}

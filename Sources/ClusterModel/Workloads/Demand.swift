/// What the tenants submit: the workload templates and the generators that
/// draw from them.
public struct Demand: Hashable, Sendable {
  /// The templates, in scenario order.
  public var templates: [WorkloadTemplate]
  /// The generators, in scenario order.
  public var generators: [WorkloadGenerator]

  /// Creates a demand description.
  ///
  /// - Parameters:
  ///   - templates: The templates.
  ///   - generators: The generators.
  public init(
    templates: [WorkloadTemplate] = [], generators: [WorkloadGenerator] = []
  ) {
    self.templates = templates
    self.generators = generators
  }

  /// The template named `name`, if any.
  ///
  /// - Complexity: O(templates).
  public func template(named name: String) -> WorkloadTemplate? {
    templates.first { $0.name == name }
  }
}

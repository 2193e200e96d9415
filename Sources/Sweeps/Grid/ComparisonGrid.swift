import ClusterModel
import Scenarios
import Scheduling
import Scoring
import Simulation

/// Every (layout × strategy) cell of a comparison, each run on the same
/// seeds: seed s gives every cell the same arrivals (common random
/// numbers), because every random draw of the simulator comes from a
/// stream named after its source, not from a shared sequence.
public struct ComparisonGrid: Sendable {
  /// One cell: a strategy on a layout.
  public struct Cell: Sendable {
    /// The placement strategy.
    public var strategy: StrategyName
    /// The layout.
    public var layout: LayoutChoice
    /// The scenario with the layout applied.
    public var scenario: Scenario
  }

  /// The cells, layout by layout, strategies in the order given.
  public var cells: [Cell]
  /// The seeds every cell runs.
  public var seeds: [UInt64]
  /// Wait SLO per kind.
  public var waitTargetSeconds: [WorkloadKind: Int]

  /// Builds the grid, applying each layout once.
  ///
  /// - Parameters:
  ///   - scenario: The scenario as loaded (with any horizon override).
  ///   - strategies: The strategies, at least one.
  ///   - layouts: The layouts; `[.asWritten]` by default.
  ///   - seeds: The seeds, at least one.
  ///   - waitTargetSeconds: Wait SLO per kind; the defaults by default.
  /// - Throws: `LayoutError` when a layout cannot be applied, or
  ///   `.input` when the simulator refuses a cell's setup.
  /// - Complexity: O(layouts × (validation + strategies × setup)).
  public init(
    scenario: Scenario, strategies: [StrategyName],
    layouts: [LayoutChoice] = [.asWritten], seeds: [UInt64],
    waitTargetSeconds: [WorkloadKind: Int] =
      RunObservation.defaultWaitTargetSeconds
  ) throws(LayoutError) {
    precondition(!strategies.isEmpty && !seeds.isEmpty, "an empty grid")
    var cells: [Cell] = []
    for layout in layouts {
      let applied = try layout.apply(to: scenario)
      for strategy in strategies {
        cells.append(
          Cell(strategy: strategy, layout: layout, scenario: applied))
      }
    }
    self.cells = cells
    self.seeds = seeds
    self.waitTargetSeconds = waitTargetSeconds
    for index in cells.indices {
      do {
        _ = try ClusterSimulation(input(ofCell: index, seed: seeds[0]))
      } catch {
        let here = SourceLocation(file: scenario.name, line: 1, column: 1)
        throw .input(
          InputErrors([InputError(at: here, path: error.path, error.message)]))
      }
    }
  }

  /// Whether the grid has more than one layout (rows then name both).
  public var comparesLayouts: Bool {
    Set(cells.map(\.layout)).count > 1
  }

  /// The simulation input of one cell and seed: the cell's scenario and
  /// strategy, allocation intervals recorded.
  ///
  /// - Parameters:
  ///   - cell: The cell's index.
  ///   - seed: The seed.
  public func input(ofCell cell: Int, seed: UInt64) -> SimulationInput {
    let scenario = cells[cell].scenario
    var settings = scenario.simulation
    settings.seed = seed
    return SimulationInput(
      cluster: scenario.cluster, demand: scenario.demand,
      jobLists: scenario.jobLists, settings: settings,
      admission: scenario.admission, strategy: cells[cell].strategy,
      recordsIntervals: true)
  }
}

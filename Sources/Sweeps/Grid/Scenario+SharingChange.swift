import ClusterModel
import MIGGeometry
import Scenarios

/// A pool's GPU sharing mode changed for a comparison: `POOL=MODE`.
public struct SharingChange: Hashable, Sendable, CustomStringConvertible {
  /// The pool's name.
  public var pool: String
  /// The mode as written: `exclusive`, `fractional`, `timeSlicing:N`,
  /// `mps:N`, or a MIG config name such as `all-balanced`.
  public var mode: String

  /// Creates a change.
  ///
  /// - Parameters:
  ///   - pool: The pool's name.
  ///   - mode: The new mode, as written.
  public init(pool: String, mode: String) {
    self.pool = pool
    self.mode = mode
  }

  /// `POOL=MODE`.
  public var description: String { "\(pool)=\(mode)" }

  /// The modes a change accepts, for messages.
  static let forms =
    "exclusive, fractional, timeSlicing:N (N ≥ 2), mps:N (2 ≤ N ≤ "
    + "\(Cluster.maxMPSClients)) or a MIG config name such as all-balanced"

  /// The sharing `mode` stands for on `pool`.
  func sharing(on pool: NodePool) throws(LayoutError) -> GPUSharing {
    let parts = mode.split(
      separator: ":", maxSplits: 1, omittingEmptySubsequences: false
    ).map(String.init)
    let count = parts.count == 2 ? Int(parts[1]) : nil
    switch parts.first ?? "" {
    case "exclusive" where parts.count == 1: return .exclusive
    case "fractional" where parts.count == 1: return .fractional
    case "timeSlicing":
      guard let count, count >= 2 else { break }
      return .timeSlicing(replicas: count)
    case "mps":
      guard let count, count >= 2, count <= Cluster.maxMPSClients else {
        break
      }
      return .mps(clientLimit: count)
    default:
      guard parts.count == 1, mode.lowercased().hasPrefix("all-") else {
        break
      }
      guard let model = pool.model else {
        throw .usage(
          "pool '\(pool.name)' has GPU model '\(pool.gpuModel)', which "
            + "has no MIG geometry; it cannot take '\(mode)'")
      }
      do {
        let config = try NamedMIGConfig.resolve(mode, for: model)
        guard config.isMIGEnabled else { return .exclusive }
        return .mig(MIGSharing(layouts: [.named(config.name)]))
      } catch {
        throw .usage("layout '\(self)': \(error)")
      }
    }
    throw .usage(
      "layout '\(self)': unknown sharing mode '\(mode)'; expected "
        + Self.forms)
  }
}

extension Scenario {
  /// Applies sharing changes to pools, then moves every request that fit
  /// a changed pool's old mode and fits no pool any more to the new mode,
  /// keeping its share of a GPU (see `GPURequest.translated`).
  ///
  /// - Parameter changes: The changes, in order.
  /// - Throws: `LayoutError.usage` for an unknown pool or mode;
  ///   `LayoutError.input` when the changed scenario fails its checks.
  /// - Complexity: O(changes × (pools + templates + listed jobs)) plus
  ///   validation.
  mutating func applySharingChanges(_ changes: [SharingChange])
    throws(LayoutError)
  {
    for change in changes {
      guard
        let index = cluster.pools.firstIndex(where: {
          $0.name == change.pool
        })
      else {
        throw .usage(
          "layout '\(change)': no pool named '\(change.pool)'; pools: "
            + cluster.pools.map(\.name).joined(separator: ", "))
      }
      let old = cluster.pools[index].sharing
      let new = try change.sharing(on: cluster.pools[index])
      cluster.pools[index].sharing = new
      let pools = cluster.pools
      func moved(_ request: GPURequest) -> GPURequest {
        guard request.fits(old),
          !pools.contains(where: { request.fits($0.sharing) })
        else { return request }
        return request.translated(from: old, to: new) ?? request
      }
      for template in demand.templates.indices {
        demand.templates[template].requests.gpu = moved(
          demand.templates[template].requests.gpu)
      }
      for name in jobLists.keys.sorted() {
        guard var list = jobLists[name] else { continue }
        for job in list.indices {
          if let gpu = list[job].requests?.gpu {
            list[job].requests?.gpu = moved(gpu)
          }
        }
        jobLists[name] = list
      }
    }
    let violations = validate()
    guard violations.isEmpty else {
      let here = SourceLocation(file: "--layouts", line: 1, column: 1)
      let label = changes.map(\.description).joined(separator: "+")
      throw .input(
        InputErrors(
          violations.map {
            InputError(
              at: here, path: $0.path, "with layout '\(label)': \($0.message)")
          }))
    }
  }
}

extension GPURequest {
  /// The same share of a GPU asked for under another sharing mode, or
  /// `nil` when the new mode cannot express it.
  ///
  /// The share f is n for n whole GPUs, n / R for n of R time-slice
  /// replicas, n / C for n of C MPS clients, m / 1000 for m milli-GPUs.
  /// Under exclusive sharing the request becomes ⌈f⌉ whole GPUs; under
  /// time-slicing, MPS or fractions of one GPU (f ≤ 1) the nearest whole
  /// number of units, at least 1. MIG instances are neither translated
  /// from nor to: their profiles have no single share.
  ///
  /// - Parameters:
  ///   - old: The mode the request fitted.
  ///   - new: The mode it should fit.
  public func translated(from old: GPUSharing, to new: GPUSharing)
    -> GPURequest?
  {
    let share: Double
    switch (self, old) {
    case (.wholeGPUs(let n), _): share = Double(n)
    case (.timeSliceReplicas(let n), .timeSlicing(let replicas)):
      share = Double(n) / Double(max(replicas, 1))
    case (.mpsClients(let n), .mps(let clients)):
      share = Double(n) / Double(max(clients, 1))
    case (.milliGPUs(let m), _): share = Double(m) / 1000
    default: return nil
    }
    func units(_ perGPU: Int) -> Int? {
      share <= 1
        ? max(1, Int((share * Double(perGPU)).rounded())) : nil
    }
    switch new {
    case .exclusive: return .wholeGPUs(max(1, Int(share.rounded(.up))))
    case .timeSlicing(let replicas):
      return units(replicas).map {
        .timeSliceReplicas($0)
      }
    case .mps(let clients): return units(clients).map { .mpsClients($0) }
    case .fractional: return units(1000).map { .milliGPUs($0) }
    case .mig: return nil
    }
  }
}

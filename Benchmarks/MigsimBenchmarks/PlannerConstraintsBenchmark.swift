import Foundation
import MIGGeometry
import Planner

/// The 10,000-GPU request of `benchmarkPlanner` under the constraints
/// the speed target does not name, each alone: one config per node on
/// every group, two tenants on whole GPUs and capacity instead of
/// instances, and at most 30 distinct layouts (the plan without a limit uses 37).
/// Figures only, no target.
func benchmarkPlannerConstraints() {
  print("== planner: the same fleet under further constraints ==")
  let base = plannerBenchmarkRequest()
  var perNode = base
  for g in perNode.fleet.indices { perNode.fleet[g].configScope = .node }
  var mixed = base
  mixed.tenants[0].wholeGPUs = 400
  mixed.tenants[11].wholeGPUs = 120
  mixed.tenants[11].wholeGPUModels = [GPUModel.h100SXM5_80GB.name]
  mixed.tenants[1].capacity = CapacityDemand(
    computeSlices: 900, memoryGiB: 9000,
    profiles: ["1g.10gb", "2g.20gb", "3g.40gb"])
  var limited = base
  limited.maxDistinctLayouts = 30
  let clock = ContinuousClock()
  for (name, request) in [
    ("config per node", perNode), ("whole GPUs and capacity", mixed),
    ("at most 30 layouts", limited),
  ] {
    let start = clock.now
    do {
      let plan = try Planner.plan(request)
      let seconds = plannerSeconds(clock.now - start)
      print(
        "\(name): \(seconds) s; GPUs: \(plan.gpusUsed);"
          + " bound: \(Int(plan.bound)); gap: \(Int(plan.gap));"
          + " optimal: \(plan.isOptimal)")
    } catch {
      print("\(name): \(error)")
    }
  }
}

import ClusterModel
import Foundation
import Scenarios
import Testing

@Suite("Trace CSV import")
struct TraceCSVTests {
  static let nodeHeader = "sn,cpu_milli,memory_mib,gpu,model\n"
  static let podHeader =
    "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,"
    + "creation_time,deletion_time,scheduled_time\n"

  @Test func readsGPUAndCPUOnlyNodes() throws {
    let nodes = try TraceCSV.parseNodes(
      Self.nodeHeader + "n-1,64000,262144,2,P100\r\nn-0,32000,131072,0,\n",
      file: "nodes.csv")
    #expect(nodes == [
      TraceNode(name: "n-1", cpuMilli: 64000, memoryMiB: 262144,
        gpuCount: 2, gpuModel: "P100"),
      TraceNode(name: "n-0", cpuMilli: 32000, memoryMiB: 131072,
        gpuCount: 0, gpuModel: ""),
    ])
  }

  @Test func readsElevenColumnPodsWithEmptyAndJoinedSpecs() throws {
    let pods = try TraceCSV.parsePods(
      Self.podHeader
        + "p0,12000,16384,1,1000,,LS,Running,0,100,0\n"
        + "p1,6000,12288,1,460,V100M16|V100M32,BE,Pending,5,9,\n"
        + "p2,8000,30517,0,0,,Burstable,Failed,7,8,7\n",
      file: "pods.csv")
    #expect(pods.count == 3)
    #expect(pods[0].gpuSpec.isEmpty && pods[0].kind == .wholeGPU)
    #expect(pods[1].gpuSpec == ["V100M16", "V100M32"])
    #expect(pods[1].kind == .sharing && pods[1].scheduledTime == nil)
    #expect(pods[1].creationTime == 5 && pods[1].deletionTime == 9)
    #expect(pods[2].kind == .cpuOnly && pods[2].qos == "Burstable")
  }

  @Test func readsFiveColumnMultiGPUList() throws {
    let pods = try TraceCSV.parsePods(
      "name,cpu_milli,memory_mib,num_gpu,gpu_milli\n"
        + "m0,32000,65536,8,1000\nm1,4000,8192,2,1000\n",
      file: "multigpu50.csv")
    #expect(pods.map(\.kind) == [.multiGPU, .multiGPU])
    #expect(pods[0].gpuDemandMilli == 8000)
    #expect(pods[0].creationTime == nil && pods[0].gpuSpec.isEmpty)
  }

  @Test func reportsBadNumberWithFileLineColumnAndField() {
    let text = Self.nodeHeader + "n0,64000,262144,2,T4\nn1,6x000,1,2,T4\n"
    let errors = collectErrors { try TraceCSV.parseNodes(text, file: "n.csv") }
    #expect(errors.count == 1)
    let error = errors[0]
    #expect(error.location == SourceLocation(file: "n.csv", line: 3, column: 4))
    #expect(error.path == "cpu_milli")
    #expect(error.message.contains("\"6x000\""))
  }

  @Test func reportsWrongColumnCountAndCollectsEveryError() {
    let text = Self.podHeader
      + "p0,1000,10,1,1000,,LS,Running,0,1\n"  // 10 fields
      + "p1,1000,10,1,1200,,LS,Running,0,1,0\n"  // milli above 1000
      + "p2,1000,10,0,500,,LS,Running,0,1,0\n"  // milli without GPU
      + "p2,abc,10,0,0,,LS,Running,0,1,0\n"  // repeated name, bad cpu
    let errors = collectErrors { try TraceCSV.parsePods(text, file: "p.csv") }
    #expect(errors.map(\.location.line) == [2, 3, 4, 5, 5])
    #expect(errors[0].message.contains("found 10 fields; expected 11"))
    #expect(errors[1].path == "gpu_milli")
    #expect(errors[2].path == "gpu_milli")
    #expect(Set(errors[3...].map(\.path)) == ["name", "cpu_milli"])
  }

  @Test func reportsMissingHeaderColumns() {
    let errors = collectErrors {
      try TraceCSV.parsePods("name,cpu_milli,num_gpu\np,1,0\n", file: "x.csv")
    }
    #expect(errors.count == 1)
    #expect(errors[0].message.contains("memory_mib,gpu_milli"))
  }

  @Test func summarisesCapacityAndDemandByKind() throws {
    let nodes = [
      TraceNode(name: "a", cpuMilli: 1000, memoryMiB: 1, gpuCount: 8,
        gpuModel: "G2"),
      TraceNode(name: "b", cpuMilli: 2000, memoryMiB: 1, gpuCount: 2,
        gpuModel: "T4"),
      TraceNode(name: "c", cpuMilli: 500, memoryMiB: 1, gpuCount: 0,
        gpuModel: ""),
    ]
    let pods = [
      TracePod(name: "s", cpuMilli: 1, memoryMiB: 1, gpuCount: 1,
        gpuMilliPerGPU: 500),
      TracePod(name: "w", cpuMilli: 1, memoryMiB: 1, gpuCount: 1,
        gpuMilliPerGPU: 1000, gpuSpec: ["T4"]),
      TracePod(name: "m", cpuMilli: 1, memoryMiB: 1, gpuCount: 4,
        gpuMilliPerGPU: 1000),
      TracePod(name: "c", cpuMilli: 1, memoryMiB: 1, gpuCount: 0,
        gpuMilliPerGPU: 0),
    ]
    let summary = TraceSummary(nodes: nodes, pods: pods)
    #expect(summary.gpuCount == 10 && summary.gpuNodeCount == 2)
    #expect(summary.cpuMilli == 3500)
    #expect(summary.models.map(\.model) == ["G2", "T4", ""])
    #expect(summary.kinds.map(\.pods) == [1, 1, 1, 1])
    #expect(summary.gpuDemandMilli == 500 + 1000 + 4000)
    #expect(summary.podsWithGPUSpec == 1)
    #expect(summary.demandPercentOfCapacity == 55)
  }

  // The published default lists (skipped when the trace is absent).
  @Test(.enabled(if: OpenbData.isPresent, "openb data absent"))
  func defaultListsMatchTheDocumentedFacts() throws {
    let nodes = try TraceCSV.readNodes(atPath: OpenbData.gpuNodes)
    let pods = try TraceCSV.readPods(atPath: OpenbData.defaultPods)
    let summary = TraceSummary(nodes: nodes, pods: pods)
    #expect(summary.nodeCount == 1213 && summary.gpuCount == 6212)
    #expect(summary.cpuMilli == 107_018_000)
    #expect(summary.models.first?.model == "G2")
    #expect(summary.models.first?.gpus == 4392)
    #expect(summary.kinds.map(\.pods) == [1088, 3078, 3911, 75])
    #expect(summary.gpuDemandMilli == 6_086_800)
  }

  private func collectErrors(_ body: () throws -> Any) -> [InputError] {
    do {
      _ = try body()
      Issue.record("expected errors")
      return []
    } catch let errors as InputErrors {
      return errors.errors
    } catch {
      Issue.record("unexpected error \(error)")
      return []
    }
  }
}

/// Where the openb trace lives: `$MIGSIM_OPENB_DIR`, else
/// `../shared/data/openb` from the package root.
enum OpenbData {
  static let directory: String = {
    if let path = ProcessInfo.processInfo.environment["MIGSIM_OPENB_DIR"] {
      return path
    }
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return root.appendingPathComponent("../shared/data/openb").path
  }()
  static let gpuNodes = directory + "/openb_node_list_gpu_node.csv"
  static let defaultPods = directory + "/openb_pod_list_default.csv"
  static let isPresent: Bool = {
    let present = FileManager.default.fileExists(atPath: gpuNodes)
      && FileManager.default.fileExists(atPath: defaultPods)
    if !present {
      print("skipping openb data tests: no trace at \(directory)")
    }
    return present
  }()
}

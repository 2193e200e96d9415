import ClusterModel
import Scenarios
import Testing

/// Decodes YAML text and returns the errors as `line:column path: message`
/// lines, or an empty list when it decodes.
func errors(in text: String, format: DocumentFormat = .yaml) -> [String] {
  do {
    _ = try Scenario.decode(text: text, file: "s.yaml", format: format)
    return []
  } catch {
    return error.errors.map {
      "\($0.location.line):\($0.location.column) \($0.path): \($0.message)"
    }
  }
}

/// A valid scenario to break one line at a time.
let minimal = """
  name: minimal
  pools:
    - name: gpu
      gpuModel: A100-SXM4-80GB
      gpuCount: 8
      cpu: 64
      memory: 512Gi
      taints:
        - {key: nvidia.com/gpu, effect: NoSchedule}
  tenants:
    - name: team
      priorityClasses: {high: 100}
      quota: {gpus: 4}
  templates:
    - name: job
      kind: training
      requests: {gpus: 1}
      tolerations: [{key: nvidia.com/gpu, operator: Exists}]
      duration: 1h
  workloads:
    - name: jobs
      tenant: team
      arrival: {process: poisson, ratePerHour: 1}
      mix: [job]
  """

@Test func minimalScenarioDecodes() {
  #expect(errors(in: minimal) == [])
}

@Test func threeMistakesGiveExactlyThreeErrors() {
  var text = minimal
  text = text.replacingOccurrences(
    of: "effect: NoSchedule}", with: "effect: NoScheduled}")
  text = text.replacingOccurrences(of: "tolerations:", with: "tolerances:")
  text = text.replacingOccurrences(of: "tenant: team", with: "tenant: teem")
  #expect(
    errors(in: text) == [
      "9:39 pools[0].taints[0].effect: found \"NoScheduled\", expected one "
        + "of: NoSchedule, PreferNoSchedule, NoExecute; did you mean "
        + "'NoSchedule'?",
      "18:5 templates[0].tolerances: unknown key 'tolerances'; did you mean "
        + "'tolerations'?",
      "22:13 workloads[0].tenant: unknown tenant 'teem'; expected one of "
        + "'team'",
    ])
}

@Test func jsonErrorsCarryTheSamePathsAndMessages() {
  let json = """
    {"name": "j", "pools": [{"name": "p", "gpuModel": "A100-SXM4-80GB",
      "gpuCount": 8, "cpu": 8, "memory": "64Gi", "sharing": "mig"}],
     "tenant": []}
    """
  #expect(
    errors(in: json, format: .json) == [
      "2:57 pools[0].sharing: mode 'mig' needs parameters; write it as a "
        + "mapping such as {mode: mig, strategy: …}",
      "3:2 tenant: unknown key 'tenant'; did you mean 'tenants'?",
    ])
}

@Test func unknownGPUModelAndProfileAreReferenceErrors() {
  var text = minimal.replacingOccurrences(
    of: "gpuModel: A100-SXM4-80GB", with: "gpuModel: A100-SXM4-90GB"
  ).replacingOccurrences(
    of: "    taints:\n", with: "    sharing: {mode: mig, layout: all-balanced}\n"
      + "    taints:\n")
  #expect(errors(in: text).count == 1)
  #expect(errors(in: text).first?.hasPrefix(
    "4:15 pools[0].gpuModel: unknown GPU model 'A100-SXM4-90GB'") == true)

  // A pool that does not use MIG may name a model outside the catalog.
  text = minimal.replacingOccurrences(
    of: "gpuModel: A100-SXM4-80GB", with: "gpuModel: T4")
  #expect(errors(in: text).isEmpty)

  text = minimal.replacingOccurrences(
    of: "    taints:\n",
    with: "    sharing: {mode: mig, layout: [1g.5gb@0, 3g.40gb@4]}\n"
      + "    taints:\n")
  let found = errors(in: text)
  #expect(found.count == 1)
  #expect(found.first?.hasPrefix(
    "8:35 pools[0].sharing.layout[0]: MIG profile '1g.5gb' does not exist "
      + "on NVIDIA-A100-SXM4-80GB") == true)
}

@Test func invalidLayoutReportsTheGeometryReason() {
  let text = minimal.replacingOccurrences(
    of: "    taints:\n",
    with: "    sharing: {mode: mig, layout: [3g.40gb@0, 4g.40gb@0]}\n"
      + "    taints:\n")
  let found = errors(in: text)
  #expect(
    found == [
      "8:34 pools[0].sharing.layout: NVIDIA-A100-SXM4-80GB refuses the "
        + "layout 3g.40gb@0 4g.40gb@0: 3g.40gb@0 and 4g.40gb@0 share memory "
        + "slices 0-3"
    ])
}

@Test func unknownNamedConfigIsRefusedForTheModel() {
  let text = minimal.replacingOccurrences(
    of: "    taints:\n",
    with: "    sharing: {mode: mig, layout: all-2g.35gb}\n"
      + "    taints:\n")
  let found = errors(in: text)
  #expect(found.count == 1)
  #expect(found.first?.hasPrefix(
    "8:34 pools[0].sharing.layout: NVIDIA-A100-SXM4-80GB refuses the layout "
      + "all-2g.35gb") == true)
}

@Test func unknownTemplateAndPriorityClassAreReferenceErrors() {
  var text = minimal.replacingOccurrences(of: "mix: [job]",
    with: "mix: [job, jobb]")
  #expect(
    errors(in: text) == [
      "24:16 workloads[0].mix[1].template: unknown template 'jobb'; expected "
        + "one of 'job'"
    ])
  text = minimal.replacingOccurrences(
    of: "kind: training", with: "kind: training\n    priorityClass: urgent")
  #expect(
    errors(in: text) == [
      "25:11 workloads[0].mix[0].template: template 'job' uses priority "
        + "class 'urgent', which tenant 'team' does not define; expected one "
        + "of 'high'"
    ])
}

@Test func duplicateNamesAndUnknownCohortAreReported() {
  let text = minimal.replacingOccurrences(
    of: "  - name: team\n",
    with: "  - name: team\n    cohort: shared\n")
    + "\ncohorts: [{name: other}]\n"
    + "admission: {agentPools: [gpu, agents]}\n"
  #expect(
    errors(in: text) == [
      "12:13 tenants[0].cohort: unknown cohort 'shared'; expected one of "
        + "'other'",
      "27:31 admission.agentPools[1]: unknown pool 'agents'; expected one "
        + "of 'gpu'",
    ])
  let twice = minimal.replacingOccurrences(
    of: "templates:\n", with: "templates:\n  - name: job\n    kind: batch\n"
      + "    requests: {cpu: 1}\n    duration: 5m\n")
  #expect(
    errors(in: twice) == [
      "19:11 templates[1].name: duplicate template name 'job'; first used "
        + "at index 0"
    ])
}

@Test func missingRequiredKeysAreAllReportedAtOnce() {
  let text = """
    pools:
      - name: p
        gpuCount: 0
    """
  #expect(
    errors(in: text) == [
      "1:1 : missing required key 'name'",
      "2:5 pools[0]: missing required key 'cpu'",
      "2:5 pools[0]: missing required key 'gpuModel'",
      "2:5 pools[0]: missing required key 'memory'",
      "3:15 pools[0].gpuCount: found integer 0, expected an integer of at "
        + "least 1",
    ])
}

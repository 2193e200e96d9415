import Reports
import Scenarios
import Simulation

// The forms `migsim simulate` writes a run in: the summary as text, JSON
// and CSV; one CSV row per job; the event log as JSON lines; the
// timeline as CSV. Columns and keys are defined in docs/simulator.md.

extension SimulationSummary {
  /// The tenant table: one row per tenant.
  func tenantTable() -> Table {
    var table = Table(columns: [
      .init("tenant"), .init("arrived", rightAligned: true),
      .init("finished", rightAligned: true),
      .init("running", rightAligned: true),
      .init("waiting", rightAligned: true),
      .init("rejected", rightAligned: true),
      .init("waitP50", rightAligned: true),
      .init("waitP95", rightAligned: true),
      .init("waitMax", rightAligned: true),
      .init("preemptions", rightAligned: true),
    ])
    func seconds(_ value: Int?) -> Cell { value.map { .integer($0) } ?? .empty }
    for line in tenants {
      table.append([
        .text(line.tenant), .integer(line.arrived), .integer(line.finished),
        .integer(line.running), .integer(line.waiting),
        .integer(line.rejected), seconds(line.waitP50),
        seconds(line.waitP95), seconds(line.waitMax),
        .integer(line.preemptions),
      ])
    }
    return table
  }

  /// The summary a capacity planner reads.
  func text(scenario: String, record: SimulationRecord) -> String {
    var lines: [String] = []
    let mode = record.reconfigurationMode
    lines.append(
      "scenario \(scenario): strategy \(record.strategy.rawValue), seed "
        + "\(record.seed), horizon \(Self.duration(horizonSeconds)), "
        + "MIG layouts \(mode)")
    lines.append(
      "jobs: \(arrived) arrived, \(finished) finished, \(running) running, "
        + "\(waiting) waiting, \(rejected) rejected")
    lines.append(
      "GPU allocation: \(formatFixed(gpuAllocationPercent, decimals: 2)) % "
        + "of \(gpuCount) GPUs over the horizon (peak "
        + "\(formatFixed(peakAllocatedGPUs, decimals: 2)) GPUs)")
    if !rejectedByReason.isEmpty {
      lines.append("rejected by reason:")
      for entry in rejectedByReason {
        lines.append("  \(entry.count)  \(entry.reason)")
      }
    }
    lines.append("waits by tenant (seconds; percentiles over jobs that started):")
    var text = lines.joined(separator: "\n") + "\n"
    text += tenantTable().render(as: .table)
    let c = counters
    text +=
      "events \(c.events), preemptions \(c.priorityPreemptions), quota "
      + "reclaims \(c.quotaReclaims), disruptions \(c.disruptions), "
      + "reconfigurations \(c.reconfigurations), node failures "
      + "\(c.nodeFailures), GPU failures \(c.gpuFailures), drained nodes "
      + "\(c.drainedNodes)\n"
    return text
  }

  /// `2d`, `12h`, `90m`, `45s`, or the largest exact unit with seconds.
  static func duration(_ seconds: Int) -> String {
    if seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
    if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
    if seconds % 60 == 0 { return "\(seconds / 60)m" }
    return "\(seconds)s"
  }

  /// The summary as a JSON value.
  func outputValue(scenario: String, record: SimulationRecord) -> OutputValue {
    func optional(_ value: Int?) -> OutputValue {
      value.map { .integer($0) } ?? .null
    }
    let tenantValues: [OutputValue] = tenants.map { line in
      [
        "tenant": .string(line.tenant), "arrived": .integer(line.arrived),
        "finished": .integer(line.finished),
        "running": .integer(line.running),
        "waiting": .integer(line.waiting),
        "rejected": .integer(line.rejected),
        "waitP50": optional(line.waitP50), "waitP95": optional(line.waitP95),
        "waitMax": optional(line.waitMax),
        "waitMean": line.waitMean.map { .number($0) } ?? .null,
        "preemptions": .integer(line.preemptions),
      ]
    }
    let c = counters
    return [
      "scenario": .string(scenario),
      "strategy": .string(record.strategy.rawValue),
      "seed": .integer(Int(truncatingIfNeeded: record.seed)),
      "horizonSeconds": .integer(horizonSeconds),
      "migReconfiguration": .string(record.reconfigurationMode),
      "jobs": [
        "arrived": .integer(arrived), "finished": .integer(finished),
        "running": .integer(running), "waiting": .integer(waiting),
        "rejected": .integer(rejected),
      ],
      "rejectedByReason": .mapping(
        rejectedByReason.map { .init($0.reason, .integer($0.count)) }),
      "gpus": .integer(gpuCount),
      "gpuAllocationPercent": .number(gpuAllocationPercent),
      "peakAllocatedGPUs": .number(peakAllocatedGPUs),
      "tenants": .sequence(tenantValues),
      "counters": [
        "events": .integer(c.events),
        "startAttempts": .integer(c.startAttempts),
        "placementDecisions": .integer(c.placementDecisions),
        "priorityPreemptions": .integer(c.priorityPreemptions),
        "quotaReclaims": .integer(c.quotaReclaims),
        "disruptions": .integer(c.disruptions),
        "reconfigurations": .integer(c.reconfigurations),
        "destroyedInstances": .integer(c.destroyedInstances),
        "nodeFailures": .integer(c.nodeFailures),
        "gpuFailures": .integer(c.gpuFailures),
        "drainedNodes": .integer(c.drainedNodes),
      ],
      "admissionRefusals": .mapping(
        record.admissionRefusals.keys.sorted().map {
          .init($0, .integer(record.admissionRefusals[$0] ?? 0))
        }),
    ]
  }
}

extension SimulationRecord {
  /// `static` or `dynamic`.
  var reconfigurationMode: String {
    counters.reconfigurations > 0 ? "dynamic" : "as configured"
  }

  /// One row per job, in arrival order.
  func jobTable() -> Table {
    var table = Table(columns: [
      .init("job"), .init("tenant"), .init("template"), .init("kind"),
      .init("pods"), .init("gpu"), .init("priority"), .init("arrival"),
      .init("start"), .init("end"), .init("wait"), .init("duration"),
      .init("outcome"), .init("reason"), .init("preemptions"),
      .init("disruptions"), .init("node"),
    ])
    for job in jobs {
      let reason: String
      switch job.outcome {
      case .rejected(let why): reason = why
      case .waiting: reason = job.lastRefusal ?? ""
      default: reason = ""
      }
      table.append([
        .text(job.name), .text(cluster.tenants[job.tenant].name),
        .text(templateName(job.template)), .text(job.kind.rawValue),
        .integer(job.pods), .text(job.requests.gpu.description),
        .integer(job.priority), .integer(job.arrivalSeconds),
        job.firstStartSeconds.map { .integer($0) } ?? .empty,
        job.endSeconds.map { .integer($0) } ?? .empty,
        .integer(job.waitSeconds), .integer(job.durationSeconds),
        .text(job.outcome.name), .text(reason), .integer(job.preemptions),
        .integer(job.disruptions),
        job.node.map { .text(nodeNames[$0]) } ?? .empty,
      ])
    }
    return table
  }

  func templateName(_ index: Int) -> String {
    templateNames.indices.contains(index) ? templateNames[index] : "?"
  }

  /// The event log, one JSON object per line.
  func eventLines() -> String {
    var out = ""
    for event in events {
      out += "{\"time\":\(event.time),\"event\":\"\(event.kind.rawValue)\""
      if let job = event.job {
        out += ",\"job\":" + JSONWriter.quoted(jobs[job].name)
        out += ",\"tenant\":"
          + JSONWriter.quoted(cluster.tenants[jobs[job].tenant].name)
      }
      if let node = event.node {
        out += ",\"node\":" + JSONWriter.quoted(nodeNames[node])
      }
      if !event.detail.isEmpty {
        out += ",\"detail\":" + JSONWriter.quoted(event.detail)
      }
      out += "}\n"
    }
    return out
  }

  /// The timeline as a table.
  func timelineTable() -> Table {
    var table = Table(columns: [
      .init("time"), .init("allocatedGPUs"), .init("running"),
      .init("waiting"),
    ])
    for sample in timeline {
      table.append([
        .integer(sample.time), .number(sample.allocatedGPUs, decimals: 3),
        .integer(sample.running), .integer(sample.waiting),
      ])
    }
    return table
  }

  /// The whole record as JSON: the summary and every job.
  func outputValue(summary: SimulationSummary, scenario: String)
    -> OutputValue
  {
    let rows = jobTable()
    let names = rows.columns.map(\.name)
    let jobValues: [OutputValue] = rows.rows.map { row in
      .mapping(
        zip(names, row).map { name, cell in
          switch cell {
          case .integer(let v): .init(name, .integer(v))
          case .number(let v, _): .init(name, .number(v))
          case .empty: .init(name, .null)
          default: .init(name, .string(cell.text))
          }
        })
    }
    return [
      "summary": summary.outputValue(scenario: scenario, record: self),
      "jobs": .sequence(jobValues),
    ]
  }

  /// What happened to a job and, if it waits at the horizon, why no node
  /// takes it; `nil` when no job has that name.
  func explanation(ofJob name: String) -> String? {
    guard let index = jobIndex(named: name) else { return nil }
    let job = jobs[index]
    var lines = [
      "job \(job.name) (tenant \(cluster.tenants[job.tenant].name), "
        + "template \(templateName(job.template)), \(job.pods) pod(s) of "
        + "\(job.requests.gpu.description), priority \(job.priority))",
      "  arrived at \(job.arrivalSeconds) s; outcome \(job.outcome.name)",
    ]
    if let start = job.firstStartSeconds {
      lines.append(
        "  first started at \(start) s after waiting "
          + "\(start - job.arrivalSeconds) s; \(job.waitSeconds) s queued in all")
    }
    if case .rejected(let reason) = job.outcome {
      lines.append("  rejected: \(reason)")
    }
    if job.failedAttempts > 0 {
      lines.append(
        "  \(job.failedAttempts) failed start attempt(s); the last said: "
          + (job.lastRefusal ?? "-"))
    }
    if job.preemptions + job.disruptions > 0 {
      lines.append(
        "  evicted \(job.preemptions) time(s) by preemption, "
          + "\(job.disruptions) by failures or drains")
    }
    if case .waiting = job.outcome {
      switch quotaDecision(ofJob: index) {
      case .admitted:
        lines.append("  quota at the horizon: the charge fits")
      case .refused(let refusals):
        for refusal in refusals {
          lines.append("  quota at the horizon: \(refusal)")
        }
      }
      lines.append(
        "  placement at the horizon: \(placementExplanation(ofJob: index))")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

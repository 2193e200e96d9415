import ClusterModel
import Foundation

/// Reads the node and pod lists of the Alibaba GPU-sharing trace
/// (`openb_node_list_*.csv`, `openb_pod_list_*.csv`).
///
/// Columns are found by their header names, so their order does not
/// matter and unknown columns are ignored. Node lists need
/// `sn,cpu_milli,memory_mib,gpu,model`. Pod lists need
/// `name,cpu_milli,memory_mib,num_gpu,gpu_milli`; the columns `gpu_spec`,
/// `qos`, `pod_phase`, `creation_time`, `deletion_time` and
/// `scheduled_time` are read when present (the `multigpu` lists have only
/// the first five). Every mistake in a file is collected before the reader
/// throws; see `docs/trace-study.md` for the format.
public enum TraceCSV {
  /// The most GPUs a node may have; the fractional node model holds at
  /// most this many.
  public static let maximumGPUsPerNode = 8

  /// The node-list columns that must be present.
  public static let nodeColumns = [
    "sn", "cpu_milli", "memory_mib", "gpu", "model",
  ]

  /// The pod-list columns that must be present.
  public static let podColumns = [
    "name", "cpu_milli", "memory_mib", "num_gpu", "gpu_milli",
  ]

  // MARK: - Files

  /// Reads a node list from a file.
  ///
  /// - Parameter path: the file's path, reported in errors as given.
  /// - Returns: the nodes in file order.
  /// - Throws: `InputErrors` with every mistake found, or one error for
  ///   the whole file if it cannot be read.
  /// - Complexity: O(file size).
  public static func readNodes(atPath path: String) throws -> [TraceNode] {
    try parseNodes(contentsOf(path), file: path)
  }

  /// Reads a pod list from a file.
  ///
  /// - Parameter path: the file's path, reported in errors as given.
  /// - Returns: the pods in file order.
  /// - Throws: `InputErrors` with every mistake found, or one error for
  ///   the whole file if it cannot be read.
  /// - Complexity: O(file size).
  public static func readPods(atPath path: String) throws -> [TracePod] {
    try parsePods(contentsOf(path), file: path)
  }

  private static func contentsOf(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      throw InputErrors([
        InputError(
          at: SourceLocation(file: path, line: 0, column: 0), path: "",
          "cannot read the file; expected a readable UTF-8 CSV file")
      ])
    }
    return text
  }

  // MARK: - Text

  /// Parses the text of a node list.
  ///
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - file: the path to report in errors.
  /// - Returns: the nodes in file order.
  /// - Throws: `InputErrors` with every mistake found.
  /// - Complexity: O(length of `text`).
  public static func parseNodes(
    _ text: String, file: String
  ) throws -> [TraceNode] {
    var (table, errors) = CSVTable.split(text, file: file)
    let columns = headerColumns(table, required: nodeColumns, &errors)
    var nodes: [TraceNode] = []
    var firstLineByName: [String: Int] = [:]
    if let columns {
      for row in table.rows {
        guard checkWidth(row, table: table, &errors) else { continue }
        var reader = TraceRowReader(file: file, columns: columns, row: row)
        let name = String(reader.text("sn"))
        if name.isEmpty {
          reader.fail("sn", "found an empty field; expected a node name")
        } else if let first = firstLineByName[name] {
          reader.fail("sn", "found \"\(name)\" again; names must be unique "
            + "(first on line \(first))")
        } else {
          firstLineByName[name] = row.line
        }
        let cpu = reader.integer("cpu_milli", in: 0...Int(Int32.max),
          unit: "milli-cores") ?? 0
        let memory = reader.integer("memory_mib", in: 0...Int(Int32.max),
          unit: "MiB") ?? 0
        let gpus = reader.integer("gpu", in: 0...maximumGPUsPerNode,
          unit: "GPUs") ?? 0
        let model = String(reader.text("model"))
        errors += reader.errors
        nodes.append(
          TraceNode(name: name, cpuMilli: cpu, memoryMiB: memory,
            gpuCount: gpus, gpuModel: model))
      }
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return nodes
  }

  /// Parses the text of a pod list (11-column or 5-column).
  ///
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - file: the path to report in errors.
  /// - Returns: the pods in file order.
  /// - Throws: `InputErrors` with every mistake found.
  /// - Complexity: O(length of `text`).
  public static func parsePods(
    _ text: String, file: String
  ) throws -> [TracePod] {
    var (table, errors) = CSVTable.split(text, file: file)
    let columns = headerColumns(table, required: podColumns, &errors)
    var pods: [TracePod] = []
    var firstLineByName: [String: Int] = [:]
    if let columns {
      for row in table.rows {
        guard checkWidth(row, table: table, &errors) else { continue }
        var reader = TraceRowReader(file: file, columns: columns, row: row)
        let name = String(reader.text("name"))
        if name.isEmpty {
          reader.fail("name", "found an empty field; expected a pod name")
        } else if let first = firstLineByName[name] {
          reader.fail("name", "found \"\(name)\" again; names must be "
            + "unique (first on line \(first))")
        } else {
          firstLineByName[name] = row.line
        }
        pods.append(readPod(named: name, &reader))
        errors += reader.errors
      }
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return pods
  }

  // MARK: - Internals

  private static func readPod(
    named name: String, _ reader: inout TraceRowReader
  ) -> TracePod {
    let cpu = reader.integer("cpu_milli", in: 0...Int(Int32.max),
      unit: "milli-cores") ?? 0
    let memory = reader.integer("memory_mib", in: 0...Int(Int32.max),
      unit: "MiB") ?? 0
    let gpuField = reader.integer("num_gpu", in: 0...1024, unit: "GPUs")
    let milliField = reader.integer("gpu_milli", in: 0...1000,
      unit: "milli-GPU")
    let gpus = gpuField ?? 0
    let milli = milliField ?? 0
    if gpuField == nil || milliField == nil {
      // Already reported; the pair cannot be checked.
    } else if gpus == 0, milli != 0 {
      reader.fail("gpu_milli", "found \(milli) for a pod with num_gpu 0; "
        + "expected 0")
    } else if gpus > 0, milli == 0 {
      reader.fail("gpu_milli", "found 0 for a pod with num_gpu \(gpus); "
        + "expected 1 to 1000 milli-GPU per GPU")
    }
    let spec = reader.text("gpu_spec").split(separator: "|")
      .map { String($0) }.filter { !$0.isEmpty }
    let created = reader.optionalInteger("creation_time", unit: "seconds")
    let deleted = reader.optionalInteger("deletion_time", unit: "seconds")
    let scheduled = reader.optionalInteger("scheduled_time", unit: "seconds")
    return TracePod(
      name: name, cpuMilli: cpu, memoryMiB: memory, gpuCount: gpus,
      gpuMilliPerGPU: milli, gpuSpec: gpus == 0 ? [] : spec,
      qos: String(reader.text("qos")), phase: String(reader.text("pod_phase")),
      creationTime: created, deletionTime: deleted, scheduledTime: scheduled)
  }

  /// Maps header names to field positions, reporting missing or repeated
  /// columns; `nil` when the table cannot be read further.
  private static func headerColumns(
    _ table: CSVTable, required: [String], _ errors: inout [InputError]
  ) -> [String: Int]? {
    guard let header = table.header else {
      errors.append(
        InputError(
          at: SourceLocation(file: table.file, line: 0, column: 0), path: "",
          "found an empty file; expected a header line with the columns "
            + required.joined(separator: ",")))
      return nil
    }
    var columns: [String: Int] = [:]
    var ok = true
    for (position, field) in header.fields.enumerated() {
      let name = field.text.trimmingCharacters(in: .whitespaces)
      if columns[name] != nil {
        errors.append(
          InputError(
            at: SourceLocation(
              file: table.file, line: header.line, column: field.column),
            path: name, "found column \"\(name)\" twice; expected it once"))
        ok = false
      }
      columns[name] = position
    }
    let missing = required.filter { columns[$0] == nil }
    if !missing.isEmpty {
      errors.append(
        InputError(
          at: SourceLocation(file: table.file, line: header.line, column: 1),
          path: "",
          "missing column(s) \(missing.joined(separator: ",")); expected "
            + "a header with at least \(required.joined(separator: ","))"))
      ok = false
    }
    return ok ? columns : nil
  }

  /// Reports a row whose field count differs from the header's.
  private static func checkWidth(
    _ row: CSVTable.Row, table: CSVTable, _ errors: inout [InputError]
  ) -> Bool {
    let expected = table.header?.fields.count ?? 0
    if row.fields.count == expected { return true }
    let column = row.fields.count > expected
      ? row.fields[expected].column : 1
    errors.append(
      InputError(
        at: SourceLocation(file: table.file, line: row.line, column: column),
        path: "",
        "found \(row.fields.count) fields; expected \(expected) as in the "
          + "header"))
    return false
  }
}

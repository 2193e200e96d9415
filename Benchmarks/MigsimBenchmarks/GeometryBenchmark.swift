import MIGGeometry

/// Times MIG layout enumeration and arrangement over the whole catalog
/// and prints the figures under a title.
///
/// Figures: the time of one pass that enumerates every maximal layout of
/// every catalog model with all of its profiles (median of 20 passes),
/// the number of layouts one pass finds, and the time to arrange every
/// named default config of every model once.
func benchmarkGeometry() {
  print("== MIG geometry: maximal layouts of every model, every profile ==")
  let clock = ContinuousClock()
  var layoutCount = 0
  var passes: [Duration] = []
  for _ in 0..<20 {
    let start = clock.now
    layoutCount = GPUModel.all.reduce(0) { $0 + $1.maximalLayouts().count }
    passes.append(clock.now - start)
  }
  passes.sort()
  print("models: \(GPUModel.all.count), maximal layouts per pass:"
    + " \(layoutCount)")
  print("enumeration pass: median \(milliseconds(passes[passes.count / 2]))"
    + " ms, min \(milliseconds(passes[0])) ms over \(passes.count) passes")

  var arranged = 0
  let start = clock.now
  for model in GPUModel.all {
    for name in NamedMIGConfig.names(for: model) {
      guard let config = try? NamedMIGConfig.resolve(name, for: model),
        (try? model.arrangement(of: config.mix.profileNames)) != nil
      else { continue }
      arranged += 1
    }
  }
  print("named configs arranged: \(arranged) in"
    + " \(milliseconds(clock.now - start)) ms")
}

/// A duration in milliseconds with three decimals.
private func milliseconds(_ duration: Duration) -> String {
  let (seconds, attoseconds) = duration.components
  let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
  let whole = micros / 1000
  let fraction = String(micros % 1000)
  return "\(whole)." + String(repeating: "0", count: 3 - fraction.count)
    + fraction
}

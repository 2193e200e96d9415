/// Colours readable by people with the common colour-vision deficiencies:
/// the eight-colour set of Okabe and Ito, black last, ordered so that the
/// first few differ most.
public enum Palette {
  /// Series colours as `#rrggbb`.
  public static let series = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
    "#F0E442", "#000000",
  ]

  /// The colour of series `index`, cycling.
  ///
  /// - Parameter index: A series index, at least 0.
  public static func color(_ index: Int) -> String {
    series[index % series.count]
  }

  /// A sequential colour for `value` in [0, 1], from near-white (0) to
  /// dark blue (1), interpolated in RGB; readable in grey as well.
  ///
  /// - Parameter value: Clamped to [0, 1].
  public static func sequential(_ value: Double) -> String {
    let t = min(max(value.isFinite ? value : 0, 0), 1)
    let low = (247.0, 251.0, 255.0)
    let high = (8.0, 48.0, 107.0)
    func channel(_ a: Double, _ b: Double) -> Int {
      Int((a + (b - a) * t).rounded())
    }
    let rgb = [
      channel(low.0, high.0), channel(low.1, high.1), channel(low.2, high.2),
    ]
    return "#" + rgb.map { hex($0) }.joined()
  }

  /// Whether text on `sequential(value)` should be white.
  public static func needsLightText(_ value: Double) -> Bool { value > 0.55 }

  private static func hex(_ value: Int) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[value / 16], digits[value % 16]])
  }
}

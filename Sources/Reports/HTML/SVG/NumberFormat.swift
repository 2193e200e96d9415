import Foundation

/// `value` with `decimals` digits after the point, `-0` shown as `0`;
/// the same text on every machine (POSIX formatting).
///
/// - Parameters:
///   - value: A finite number.
///   - decimals: Digits after the point, 0 to 6.
func formatted(_ value: Double, decimals: Int) -> String {
  let text = String(format: "%.\(min(max(decimals, 0), 6))f", value)
  if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." })
  {
    return String(text.dropFirst())
  }
  return text
}

/// A coordinate for SVG: at most two decimals, no trailing zeros.
func coordinate(_ value: Double) -> String {
  var text = formatted(value, decimals: 2)
  while text.contains("."), text.hasSuffix("0") { text.removeLast() }
  if text.hasSuffix(".") { text.removeLast() }
  return text
}

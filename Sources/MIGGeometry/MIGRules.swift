/// The driver-dependent rules a layout is checked against.
///
/// Which profiles exist and which pairs may coexist depend on the driver
/// release. Each release is written as its branch number: 510 for R510.
public struct MIGRules: Sendable, Hashable {
  /// The driver release branch, such as 580 for R580.
  public var driverRelease: Int

  /// The release from which a 4g instance and a 3g instance may coexist
  /// on one GPU; earlier drivers refuse that pair.
  public static let fourWithThreeSliceRelease = 510

  /// The release assumed when none is given: R580, a current production
  /// branch, which every model of the catalog supports.
  public static let defaultDriverRelease = 580

  /// Rules for a driver release.
  ///
  /// - Parameter driverRelease: the branch number, 580 for R580.
  public init(driverRelease: Int = MIGRules.defaultDriverRelease) {
    self.driverRelease = driverRelease
  }

  /// Whether a 4g and a 3g instance may share a GPU under these rules.
  public var allowsFourWithThreeSlice: Bool {
    driverRelease >= MIGRules.fourWithThreeSliceRelease
  }
}

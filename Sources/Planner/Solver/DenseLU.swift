import COpenBLAS

/// An LU factorization of a square matrix by LAPACK (`dgetrf`), solving
/// `B x = r` and `Bᵀ y = r` (`dgetrs`).
///
/// The simplex method factors its basis once per iteration and solves with
/// it three times (primal values, duals, the entering column).
struct DenseLU {
  /// The order of the matrix.
  let order: Int
  private var factors: [Double]
  private var pivots: [Int32]

  /// Factors a column-major `order × order` matrix.
  ///
  /// - Returns: `nil` when the matrix is singular.
  /// - Complexity: O(order³).
  init?(columnMajor matrix: [Double], order: Int) {
    DenseLU.pinThreads
    self.order = order
    factors = matrix
    pivots = Array(repeating: 0, count: max(order, 1))
    guard order > 0 else { return }
    let n = Int32(order)
    let info = factors.withUnsafeMutableBufferPointer { a in
      pivots.withUnsafeMutableBufferPointer { p in
        LAPACKE_dgetrf_work(
          LAPACK_COL_MAJOR, n, n, a.baseAddress, n, p.baseAddress)
      }
    }
    if info != 0 { return nil }
  }

  /// Solves `B x = rhs` (or `Bᵀ x = rhs` when `transposed`).
  ///
  /// - Complexity: O(order²).
  func solve(_ rhs: [Double], transposed: Bool = false) -> [Double] {
    guard order > 0 else { return rhs }
    var x = rhs
    let n = Int32(order)
    let trans: CChar = transposed ? 84 : 78  // "T" : "N"
    // dgetrs reads the factors and pivots without changing them.
    _ = factors.withUnsafeBufferPointer { ab in
      pivots.withUnsafeBufferPointer { pb in
        x.withUnsafeMutableBufferPointer { xb in
          LAPACKE_dgetrs_work(
            LAPACK_COL_MAJOR, trans, n, 1,
            UnsafeMutablePointer(mutating: ab.baseAddress), n,
            UnsafeMutablePointer(mutating: pb.baseAddress), xb.baseAddress, n)
        }
      }
    }
    return x
  }

  /// Sets OpenBLAS to one thread once: bases of a few hundred rows gain
  /// nothing from threads and lose time starting them.
  private static let pinThreads: Void = {
    openblas_set_num_threads(1)
  }()
}

// LAPACK through its C interface (Debian's liblapacke-dev) on OpenBLAS
// (libopenblas-dev). Only the planner's dense linear programs use them.
#include <lapacke.h>

// OpenBLAS threads help large matrices only; the planner's bases are
// small, so it pins OpenBLAS to one thread (see DenseLU).
void openblas_set_num_threads(int num_threads);

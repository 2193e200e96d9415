// swift-tools-version: 6.0
//
// migsim: a simulator of multi-tenant GPU clusters and a planner of their
// MIG layouts. Each library target is one layer; a layer imports only the
// layers below it (see docs/architecture.md).

import PackageDescription

let package = Package(
  name: "migsim",
  products: [
    .executable(name: "migsim", targets: ["migsim"]),
    .library(name: "RandomStreams", targets: ["RandomStreams"]),
    .library(name: "MIGGeometry", targets: ["MIGGeometry"]),
    .library(name: "ClusterModel", targets: ["ClusterModel"]),
    .library(name: "Planner", targets: ["Planner"]),
    .library(name: "Scenarios", targets: ["Scenarios"]),
    .library(name: "Scheduling", targets: ["Scheduling"]),
    .library(name: "Simulation", targets: ["Simulation"]),
    .library(name: "Scoring", targets: ["Scoring"]),
    .library(name: "Reports", targets: ["Reports"]),
    .library(name: "Sweeps", targets: ["Sweeps"]),
  ],
  targets: [
    // System libraries, wrapped by module maps.
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .systemLibrary(
      name: "COpenBLAS",
      providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
    ),

    // The layers, bottom up.
    .target(name: "RandomStreams"),
    .target(name: "MIGGeometry"),
    .target(name: "ClusterModel", dependencies: ["MIGGeometry"]),
    .target(name: "Planner", dependencies: ["MIGGeometry", "COpenBLAS"]),
    .target(
      name: "Scenarios",
      dependencies: ["ClusterModel", "MIGGeometry", "Planner", "CYAML"]
    ),
    .target(
      name: "Scheduling",
      dependencies: ["ClusterModel", "MIGGeometry", "RandomStreams"]
    ),
    .target(
      name: "Simulation",
      dependencies: [
        "Scheduling", "ClusterModel", "MIGGeometry", "RandomStreams",
      ]
    ),
    .target(
      name: "Scoring",
      dependencies: ["ClusterModel", "MIGGeometry", "RandomStreams"]
    ),
    .target(name: "Reports", dependencies: ["Scenarios", "Scoring"]),
    .target(
      name: "Sweeps",
      dependencies: [
        "Simulation", "Scoring", "Scenarios", "Scheduling", "ClusterModel",
        "MIGGeometry",
      ]
    ),
    .executableTarget(
      name: "migsim",
      dependencies: [
        "MIGGeometry", "ClusterModel", "Planner", "Scenarios", "Scheduling",
        "Simulation", "Scoring", "Reports", "Sweeps",
      ]
    ),

    // Benchmarks: run with `make bench` (release build).
    .executableTarget(
      name: "MigsimBenchmarks",
      dependencies: [
        "MIGGeometry", "ClusterModel", "Scenarios", "Scheduling",
        "Simulation", "RandomStreams", "Scoring", "Sweeps", "Planner",
      ],
      path: "Benchmarks/MigsimBenchmarks"
    ),

    // Tests, one target per layer.
    .testTarget(name: "RandomStreamsTests", dependencies: ["RandomStreams"]),
    .testTarget(name: "MIGGeometryTests", dependencies: ["MIGGeometry"]),
    .testTarget(
      name: "PlannerTests",
      dependencies: ["Planner", "MIGGeometry", "Scenarios", "RandomStreams"]
    ),
    .testTarget(
      name: "ClusterModelTests",
      dependencies: ["ClusterModel", "MIGGeometry"]
    ),
    .testTarget(
      name: "ScenariosTests",
      dependencies: ["Scenarios", "ClusterModel", "MIGGeometry"]
    ),
    .testTarget(
      name: "SchedulingTests",
      dependencies: ["Scheduling", "ClusterModel", "MIGGeometry"]
    ),
    .testTarget(
      name: "SimulationTests",
      dependencies: ["Simulation", "Scheduling", "ClusterModel", "Scenarios"]
    ),
    .testTarget(
      name: "ScoringTests",
      dependencies: ["Scoring", "ClusterModel", "MIGGeometry", "RandomStreams"]
    ),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "Scoring"]),
    .testTarget(
      name: "SweepsTests",
      dependencies: [
        "Sweeps", "Simulation", "Scoring", "Scenarios", "Scheduling",
        "ClusterModel",
      ]
    ),
    .testTarget(
      name: "CommandLineTests",
      dependencies: ["migsim", "Scenarios", "Planner"]),
  ],
  swiftLanguageModes: [.v6]
)

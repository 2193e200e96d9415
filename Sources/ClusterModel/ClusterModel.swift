// The ClusterModel layer; see docs/architecture.md.

// The Scheduling layer; see docs/architecture.md.

// The MIGGeometry layer; see docs/architecture.md.

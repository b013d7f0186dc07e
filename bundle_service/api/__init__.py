"""HTTP API of the bundle service."""

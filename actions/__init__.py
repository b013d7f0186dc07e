"""Custom actions of the assistant: thin adapters between dialogue and the bundle service."""

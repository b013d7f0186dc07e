"""Configuration and cross-cutting concerns."""

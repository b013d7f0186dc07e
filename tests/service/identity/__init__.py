"""Tests of ``bundle_service/identity/`` and its routes."""

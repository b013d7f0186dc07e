"""Tests of ``bundle_service/applications/`` and its routes."""

"""Tests of ``bundle_service/progress/`` and its routes."""

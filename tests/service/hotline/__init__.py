"""Tests of ``bundle_service/hotline/`` and its routes."""

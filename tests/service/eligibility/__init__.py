"""Tests of ``bundle_service/eligibility/`` and its routes."""

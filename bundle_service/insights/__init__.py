"""Figures of the admin dashboard: how the assistant is doing (issue 13).

One module per figure family, each a function of a read-only SQLAlchemy session (or the tracker store) and a
:class:`~bundle_service.insights.period.Period`; none writes, except :func:`~bundle_service.insights.gaps.resolve_gap`,
which writes through the knowledge wing. The admin API (``api/routes/insights.py``) calls them and the admin page
draws them (``docs/dashboard.md``).
"""

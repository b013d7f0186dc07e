"""免申即享 told before anyone asks: benefits shared data proves an identified person qualifies for, offered once.

Owns finding the offers of an identified person (``finding``: the eligibility rules of ``applications/one_click``,
restated nowhere), telling them once (an outbox notification, ``bundle_service.notifications``), showing the open
ones when they next talk, and confirming them in one step through the existing one-click filing (``confirming``);
``sweep`` finds them for known identified users without waiting for them to come. Called by the route ``offers``.
"""

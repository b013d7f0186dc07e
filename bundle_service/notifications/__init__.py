"""Telling users before they ask (issue 15): the outbox, its triggers, the sending worker and the channels.

Any wing enqueues with :func:`bundle_service.notifications.outbox.enqueue` in its own transaction
(``docs/notifications.md``).
"""

"""Consumer of Rasa's event broker: every conversation event RabbitMQ carries, recorded for the admin dashboard.

Rasa (``bot/endpoints.scaled.yml``, ``event_broker``) publishes each tracker event to a fanout exchange; this
process reads them from a durable queue and writes them into an ``events`` table laid out like Rasa's SQL tracker
store, which the dashboard reads (``BUNDLE_TRACKER_DB_URL``) instead of the live tracker store. Runs in the Rasa
environment (aio-pika, SQLAlchemy 1.4 and psycopg2 come with Rasa).
"""

# Event consumer: Rasa's events from RabbitMQ into the dashboard's events table (event_consumer/).
#   docker build -f deploy/docker/event-consumer.Dockerfile -t chuangye/event-consumer:<version> .
# Only what it imports, at the versions Rasa pins (requirements/rasa.lock).
FROM python:3.10-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements/rasa.lock requirements/rasa.lock
RUN pip install --no-cache-dir aio-pika aiohttp SQLAlchemy psycopg2-binary -c requirements/rasa.lock
COPY event_consumer event_consumer
RUN useradd --uid 10001 consumer
USER 10001
EXPOSE 5056
CMD ["python", "-m", "event_consumer"]

# Action server: thin adapters calling the bundle service (actions/). Build from the repository root:
#   docker build -f deploy/docker/actions.Dockerfile -t chuangye/actions:<version> .
FROM python:3.10-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 RASA_TELEMETRY_ENABLED=false
WORKDIR /app
COPY requirements/rasa.txt requirements/rasa.lock requirements/
RUN pip install --no-cache-dir -r requirements/rasa.txt -c requirements/rasa.lock
COPY contract contract
COPY actions actions
COPY nlu_data/gazetteer nlu_data/gazetteer
RUN useradd --uid 10001 actions
USER 10001
EXPOSE 5055
# ACTION_HOST, ACTION_PORT, ACTION_SERVER_TOKEN, BUNDLE_SERVICE_URL and BUNDLE_GATEWAY_TOKEN from the environment.
CMD ["python", "-m", "actions.server", "--actions", "actions"]

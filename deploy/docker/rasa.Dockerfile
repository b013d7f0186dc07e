# Rasa server: NLU, dialogue and the input channels (channels/). Build from the repository root:
#   docker build -f deploy/docker/rasa.Dockerfile -t chuangye/rasa:<version> .
# The model is trained before the build (make train) and baked in: a pod never trains.
FROM python:3.10-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3 \
    SQLALCHEMY_SILENCE_UBER_WARNING=1
WORKDIR /app
COPY requirements/rasa.txt requirements/rasa.lock requirements/
RUN pip install --no-cache-dir -r requirements/rasa.txt -c requirements/rasa.lock
COPY contract contract
COPY channels channels
COPY nlu_components nlu_components
COPY nlu_data nlu_data
COPY bot bot
COPY models/assistant.tar.gz models/assistant.tar.gz
RUN useradd --uid 10001 rasa && mkdir -p var && chown rasa var
USER 10001
EXPOSE 5005
# RASA_HOST, BUNDLE_RASA_TOKEN, RASA_CORS_ORIGINS and the endpoints' variables come from the environment
# (channels/server.py refuses them as arguments).
CMD ["python", "-m", "channels.server", "--model", "models/assistant.tar.gz", "--endpoints", "bot/endpoints.scaled.yml", \
     "--credentials", "bot/credentials.production.yml", "--enable-api", "--port", "5005"]

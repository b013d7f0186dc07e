# chroma's own server at the version the service's client speaks (requirements/service.lock), for the knowledge
# base's vectors. Built here rather than pulled so its version moves with the lock file.
#   docker build -f deploy/docker/chroma.Dockerfile -t chuangye/chroma:<version> .
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY requirements/service.lock /tmp/service.lock
RUN pip install --no-cache-dir chromadb -c /tmp/service.lock && useradd --uid 10001 chroma \
 && mkdir /data && chown chroma /data
USER 10001
EXPOSE 8001
CMD ["chroma", "run", "--path", "/data", "--host", "0.0.0.0", "--port", "8001"]

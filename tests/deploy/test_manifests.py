"""deploy/: the Kubernetes manifests parse and agree with the Dockerfiles and the code, mechanically.

No Docker daemon or cluster: each check reads files. Images are ``chuangye/<name>:<tag>``, built from
``deploy/docker/<name>.Dockerfile``. A variable a manifest sets must be one the deployable's code reads: for the
service a field of its settings (``BUNDLE_`` + name), elsewhere an upper-case string literal of its packages or a
``${VAR}`` of its Rasa configuration files (a grep, as the code names its variables as literals).
"""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bundle_service.core.config import Settings

ROOT = Path(__file__).resolve().parents[2]
K8S, DOCKER = ROOT / "deploy" / "k8s", ROOT / "deploy" / "docker"
IMAGE = re.compile(r"^chuangye/([a-z-]+):[\w.-]+$")
# What each image runs: the code whose variables it may be given, and the variable naming its port (None: the
# Dockerfile's command names the port).
CODE = {
    "rasa": (
        ["channels", "nlu_components", "contract"],
        ["bot/endpoints.scaled.yml", "bot/credentials.production.yml"],
    ),
    "actions": (["actions", "contract"], []),
    "event-consumer": (["event_consumer"], []),
    "chroma": ([], []),
}
PORT_VARIABLE = {"service": "BUNDLE_SERVICE_PORT", "actions": "ACTION_PORT", "event-consumer": "EVENT_CONSUMER_PORT"}
SECRET_NAME = re.compile(r"TOKEN|SECRET|PASSWORD|_KEY$|KEYS$|DATABASE_URL|DB_URL")
URL = re.compile(r"^https?://([a-z0-9-]+):(\d+)(/.*)?$")


def documents() -> list[dict[str, Any]]:
    found = [doc for path in sorted(K8S.glob("*.yml")) for doc in yaml.safe_load_all(path.read_text()) if doc]
    assert found, "no manifests under deploy/k8s"
    return found


def workloads() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(workload, container) for every container of every Deployment, StatefulSet and Job."""
    for doc in documents():
        if doc["kind"] in ("Deployment", "StatefulSet", "Job"):
            for container in doc["spec"]["template"]["spec"]["containers"]:
                yield doc, container


def image_name(container: dict[str, Any]) -> str:
    match = IMAGE.match(container["image"])
    assert match, f"{container['image']}: not a chuangye/<name>:<tag> image"
    return match.group(1)


def dockerfile(name: str) -> str:
    return (DOCKER / f"{name}.Dockerfile").read_text()


def variables_read(name: str) -> set[str]:
    if name == "service":
        return {f"BUNDLE_{field.upper()}" for field in Settings.model_fields}
    packages, configs = CODE[name]
    found: set[str] = set()
    for package in packages:
        for source in (ROOT / package).rglob("*.py"):
            found |= set(re.findall(r"[\"']([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)[\"']", source.read_text()))
    for config in configs:
        found |= set(re.findall(r"\$\{([A-Z0-9_]+)\}", (ROOT / config).read_text()))
    return found


def listening_port(name: str, container: dict[str, Any]) -> int:
    env = {item["name"]: item.get("value") for item in container.get("env", [])}
    variable = PORT_VARIABLE.get(name)
    if variable:
        assert env.get(variable), f"{name}: set {variable} (the port its process listens on)"
        return int(env[variable])
    command = re.search(r'"--port", "(\d+)"', dockerfile(name))
    assert command, f"{name}.Dockerfile: the command names no --port"
    return int(command.group(1))


def test_every_manifest_parses_and_names_its_kind() -> None:
    kinds = {doc["kind"] for doc in documents()}
    assert {"Deployment", "Service", "Ingress", "StatefulSet", "Job"} <= kinds
    assert all(doc.get("apiVersion") and doc.get("metadata", {}).get("name") for doc in documents())


def test_every_image_is_built_by_a_dockerfile_of_the_repository() -> None:
    names = {image_name(container) for _, container in workloads()}
    assert names == {"rasa", "actions", "service", "chroma", "event-consumer"}
    for name in names:
        assert (DOCKER / f"{name}.Dockerfile").is_file(), f"no deploy/docker/{name}.Dockerfile"
        copies = re.findall(r"^COPY (\S+)", dockerfile(name), re.MULTILINE)
        missing = [path for path in copies if not (ROOT / path).exists() and not path.startswith("models/")]
        assert not missing, f"{name}.Dockerfile copies what the repository lacks: {missing}"


def test_every_variable_set_is_one_the_code_reads() -> None:
    for workload, container in workloads():
        name = image_name(container)
        unread = sorted({item["name"] for item in container.get("env", [])} - variables_read(name))
        assert not unread, f"{workload['metadata']['name']}: nothing in {name} reads {unread}"


def test_no_secret_in_a_manifest() -> None:
    assert not [doc for doc in documents() if doc["kind"] == "Secret"], "Secrets are created apart, never committed"
    for workload, container in workloads():
        for item in container.get("env", []):
            if SECRET_NAME.search(item["name"]):
                assert (
                    "value" not in item and item["valueFrom"]["secretKeyRef"]["name"]
                ), f"{workload['metadata']['name']}: {item['name']} must come from a Secret"


def test_every_port_matches_the_process_listening_on_it() -> None:
    services = {doc["metadata"]["name"]: doc for doc in documents() if doc["kind"] == "Service"}
    for workload, container in workloads():
        name = image_name(container)
        if workload["kind"] == "Job":
            continue  # runs to completion, listens on nothing
        port = listening_port(name, container)
        declared = {p["containerPort"] for p in container["ports"]}
        assert declared == {port}, f"{name}: listens on {port}, declares {declared}"
        assert f"EXPOSE {port}" in dockerfile(name), f"{name}.Dockerfile does not expose {port}"
        named = {p["name"]: p["containerPort"] for p in container["ports"]}
        for probe in ("readinessProbe", "startupProbe", "livenessProbe"):
            if probe in container:
                target = container[probe]["httpGet"]["port"]
                assert named.get(target, target) == port, f"{name}: {probe} checks {target}, not {port}"
        labels = workload["spec"]["template"]["metadata"]["labels"]
        for service in services.values():
            if service["spec"]["selector"].items() <= labels.items():
                assert {p["targetPort"] for p in service["spec"]["ports"]} == {port}, service["metadata"]["name"]


def service_ports() -> dict[str, set[int]]:
    return {
        doc["metadata"]["name"]: {p["port"] for p in doc["spec"]["ports"]}
        for doc in documents()
        if doc["kind"] == "Service"
    }


def test_every_address_a_process_is_given_is_a_service_port() -> None:
    ports = service_ports()
    for _workload, container in workloads():
        env = {item["name"]: item.get("value") for item in container.get("env", [])}
        for variable, value in env.items():
            match = URL.match(value or "")
            if match and "." not in match.group(1):  # in-cluster names only
                assert int(match.group(2)) in ports.get(match.group(1), set()), f"{variable}={value}"
        if "BUNDLE_CHROMA_HOST" in env:
            assert int(env["BUNDLE_CHROMA_PORT"]) in ports[env["BUNDLE_CHROMA_HOST"]]
    for doc in documents():
        if doc["kind"] == "Ingress":
            for rule in doc["spec"]["rules"]:
                for path in rule["http"]["paths"]:
                    backend = path["backend"]["service"]
                    assert backend["port"]["number"] in ports[backend["name"]], backend


@pytest.mark.parametrize("name", ["rasa", "actions", "event-consumer"])
def test_the_grep_finds_what_the_code_really_reads(name: str) -> None:
    # The check above is only as good as this: each deployable's own known variables are found.
    expected = {"rasa": "BUNDLE_RASA_TOKEN", "actions": "ACTION_SERVER_TOKEN", "event-consumer": "RASA_EVENTS_QUEUE"}
    assert expected[name] in variables_read(name)
    assert "NOT_A_VARIABLE_ANYONE_READS" not in variables_read(name)

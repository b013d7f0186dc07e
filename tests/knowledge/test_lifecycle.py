"""Start-up of the knowledge base: seeded and indexed on the first question when warm-up is off, state in /health."""

from pathlib import Path

from bundle_service.main import build_services
from tests.apps import client_for
from tests.knowledge.conftest import knowledge_settings
from tests.knowledge.test_http_chroma import _knowledge_dir


def test_the_first_question_seeds_and_indexes_a_knowledge_base_that_was_never_warmed(tmp_path: Path) -> None:
    settings = knowledge_settings(
        tmp_path, knowledge_dir=_knowledge_dir(tmp_path / "kb"), kb_out_of_scope_files=[], migrate_on_startup=True
    )
    with client_for(build_services(settings)) as client:
        assert client.get("/health").json() == {"status": "ok", "knowledge": "idle"}
        answer = client.post("/api/v1/knowledge/search", json={"query": "申请参加创业培训办理时限几个工作日"}).json()
        assert answer["status"] != "not_found" and "5个工作日" in answer["answer"]
        assert client.get("/health").json() == {"status": "ok", "knowledge": "ready"}

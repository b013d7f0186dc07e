"""Chroma server mode (HttpClient): a real ``chroma run`` started here, a small knowledge base indexed into it."""

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bundle_service.core.clock import Clock
from bundle_service.core.db import make_engine, make_session_factory, migrate
from bundle_service.knowledge.faqs import FaqInput
from bundle_service.knowledge.service import KnowledgeBase
from tests.knowledge.conftest import knowledge_settings

CHROMA = Path(sys.executable).parent / "chroma"
FAQ = """- id: faq-001
  question: 创业担保贷款个人最多贷多少？
  answer: 个人最高20万元。
  item: guaranteed_loan
  tags: [贷款]
- id: faq-002
  question: 创业补贴有多少钱？
  answer: 一次性创业补贴5000元。
  item: startup_subsidy
  tags: [补贴]
"""
DOC = """---
title: 申请参加创业培训
item: training
region: 湖南省
effective_date: 2026-01-01
---
## 办理时限
5个工作日。从人社部门收到系统分发的信息采集表时开始计算。
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """``chroma run`` on a free loopback port, stopped after the module."""
    if not CHROMA.exists():
        pytest.fail(f"{CHROMA} missing: run make venvs")
    port = _free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    log = (folder / "chroma.log").open("w")
    process = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(folder / "data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail("chroma server did not start: " + (folder / "chroma.log").read_text())
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _knowledge_dir(folder: Path) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "faq.yml").write_text(FAQ, encoding="utf-8")
    (folder / "docs" / "training.md").write_text(DOC, encoding="utf-8")
    return folder


def _kb(folder: Path, port: int) -> KnowledgeBase:
    settings = knowledge_settings(
        folder,
        chroma_host="127.0.0.1",
        chroma_port=port,
        knowledge_dir=folder / "kb",
        chroma_collection="httptest",
        kb_out_of_scope_files=[],
    )
    engine = make_engine(settings)
    migrate(engine)
    return KnowledgeBase(settings, make_session_factory(engine), Clock(settings.timezone))


def test_search_and_reindex_through_a_chroma_server(chroma_server: int, tmp_path: Path) -> None:
    _knowledge_dir(tmp_path / "kb")
    kb = _kb(tmp_path, chroma_server)
    first = kb.start()
    assert first.total == first.embedded == 5  # 2 FAQs × 2 entries + 1 chunk
    assert not (tmp_path / "chroma").exists()  # nothing on local disk: the vectors live in the server
    result = kb.search("申请参加创业培训办理时限几个工作日")
    assert "5个工作日" in result.answer and result.answer.endswith("来源：《申请参加创业培训》· 办理时限")

    kb.update_faq(
        "faq-002", FaqInput("创业补贴有多少钱？", "一次性创业补贴6000元（测试）。", "startup_subsidy"), "admin"
    )
    assert kb.search("创业补贴有多少钱？").answer.startswith("一次性创业补贴6000元（测试）。")

    restarted = KnowledgeBase(kb.settings, kb.sessions, kb.clock)  # a new process: the server already has it all
    assert restarted.start().embedded == 0
    assert restarted.search("创业补贴有多少钱？").status == "faq"
    shutil.rmtree(tmp_path / "kb")

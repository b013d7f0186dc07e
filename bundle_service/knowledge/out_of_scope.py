"""Examples of questions the knowledge base must not answer (拒识语料), indexed next to the answers.

A similarity floor alone cannot tell "结婚登记要带什么" from "营业执照登记要带什么": both score alike against
the registration FAQs. So the index also holds examples of what is out of scope, and a question whose best
match is such an example (by a measured margin) is answered "not found" (:func:`ranking.decide`).

Three sources, one list:
- ``knowledge_base/out_of_scope.yml``: other government services and benefits that sound like ours;
- the NLU's own ``out_of_scope`` training examples (``nlu_data/intents/out_of_scope.yml``): one definition of
  "not ours" for the bot and the knowledge base;
- questions admins dismissed from the unanswered queue (忽略: "not a question for this knowledge base"), so
  the same kind of question is refused at once next time.
"""

from pathlib import Path

import yaml

from bundle_service.knowledge.documents import content_hash
from bundle_service.knowledge.entries import OUT_OF_SCOPE, Entry

OUT_OF_SCOPE_DOCUMENT = "不属于本知识库的问题"
MAX_EXAMPLE_CHARS = 200


def load_examples(paths: list[Path], intent: str = "out_of_scope") -> list[str]:
    """The examples of every file in order, without repeats (missing files: none).

    A file is either ``examples: [text, ...]`` or Rasa NLU YAML, whose ``intent`` examples are taken.

    Raises:
        ValueError: A file is neither.
    """
    examples: list[str] = []
    for path in paths:
        if path.is_file():
            examples.extend(_file_examples(path, intent))
    return list(dict.fromkeys(examples))


def _file_examples(path: Path, intent: str) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if isinstance(data, dict) and isinstance(data.get("examples"), list):
        return [str(e).strip() for e in data["examples"] if str(e).strip()]
    if not isinstance(data, dict) or not isinstance(data.get("nlu", []), list):
        raise ValueError(f"{path}: expected `examples:` or Rasa NLU YAML")
    examples: list[str] = []
    for block in data.get("nlu") or []:
        if isinstance(block, dict) and block.get("intent") == intent:
            lines = str(block.get("examples") or "").splitlines()
            examples.extend(line.strip()[2:].strip() for line in lines if line.strip().startswith("- "))
    return [e for e in examples if e]


def out_of_scope_entries(examples: list[str]) -> list[Entry]:
    """One index entry per distinct example; no item or region, so every filter keeps them."""
    result = []
    for text in dict.fromkeys(e.strip()[:MAX_EXAMPLE_CHARS] for e in examples if e.strip()):
        result.append(
            Entry(
                id=f"oos:{content_hash(text)[:20]}",
                kind=OUT_OF_SCOPE,
                source=OUT_OF_SCOPE,
                text=text,
                embed_text=text,
                bm25_text=text,
                item="",
                region="",
                effective_date="",
                document=OUT_OF_SCOPE_DOCUMENT,
                document_path="",
                section=text,
            )
        )
    return result

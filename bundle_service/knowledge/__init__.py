"""Knowledge base: ingestion, hybrid retrieval (chroma dense + jieba BM25), FAQ administration, unanswered queue.

Modules, one concern each: ``documents`` (Markdown parsing), ``chunking`` (sentences and chunks), ``text``
(normalisation and BM25 tokens), ``bm25``, ``embedding`` (the sentence-transformers model), ``store`` (chroma),
``entries`` (what gets indexed), ``index`` (incremental index by content hash), ``ranking`` (fusion and the
answer decision), ``answers`` (chat-sized answers with sources), ``regions``, ``seed``, ``faqs`` and
``documents_admin`` (admin operations on the database), ``unanswered``, and ``service`` (the facade the API uses).
"""

"""Identity: who the caller is and whose records they may see.

Owns the mini-program users' login tokens (``session_tokens``), the WeChat login through code2Session
(``wechat_login``), the one person a caller is identified as — by real-name authentication or by hotline caller
verification (``identification``) — and the one gate to a person's shared records (``records_access``), which
answers only for that person and throttles per caller.

Called by the API's caller dependencies (``api/callers/``), the route ``auth`` and one-click filing. Kept
apart from ``adapters/`` because it decides (who may see what), while the adapters only talk to outside systems.
"""

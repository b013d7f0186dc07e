"""Adapters: clients of systems outside the service, each an interface plus the implementation settings choose.

Owns the data-sharing registry (``data_sharing``: ``SharedData``, the local simulated ``LocalRegistry``), the
real-name registry (``realname``: ``RealNameAuthority``, ``LocalRealNameRegistry``), the Rasa server's hotline
channel and HTTP API (``rasa``), and WeChat (``wechat_api``: the JSON protocol; ``wechat_send``: customer-service
messages for staff replies). Nothing here holds a rule of the bundle.

Built once in the services container (``main.build_services``, ``api/deps.py``) or from settings by their
factories (``rasa_client``, ``sender_for``); called by ``applications/``, ``eligibility/``, ``identity/`` and
``hotline/``.
"""

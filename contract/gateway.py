"""The trusted front layer's headers: how the action server speaks to the service for a conversation.

The action server (``actions/service_client.py``) sends them, the bundle service's identity module checks them.
Only a caller with :data:`TOKEN_HEADER` equal to the shared secret (:data:`SECRET_VARIABLE`) is a front layer;
its other headers are believed only then:

- :data:`CLIENT_ID_HEADER`: the conversation, the key the service throttles wrong verifications by (at most
  :data:`MAX_CLIENT_ID_LENGTH` characters);
- :data:`OPENID_HEADER`: the WeChat user a ``wechat:<openid>`` conversation verifiably speaks for
  (:func:`contract.conversations.identify`);
- :data:`STAFF_ID_HEADER`: the console staff member relaying a ``hotline:<call id>`` conversation (at most
  :data:`MAX_STAFF_ID_LENGTH` characters), who files on the caller's behalf.

Header names are case-insensitive in HTTP; the service declares some of them as FastAPI header parameters
(``x_staff_id``), whose names must stay as they are for its OpenAPI document. Standard library only.
"""

SECRET_VARIABLE = "BUNDLE_GATEWAY_TOKEN"
TOKEN_HEADER = "X-Gateway-Token"
CLIENT_ID_HEADER = "X-Client-Id"
OPENID_HEADER = "X-Wechat-Openid"
STAFF_ID_HEADER = "X-Staff-Id"
MAX_CLIENT_ID_LENGTH = 128
MAX_STAFF_ID_LENGTH = 40

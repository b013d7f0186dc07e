"""Who is calling: every kind of caller the API knows is decided in this package, and nowhere else.

One module a kind of caller; routes import the dependencies from here.

- **Admin token** (``Authorization: Bearer <BUNDLE_ADMIN_TOKEN>``), **department** (``X-Department-Key``) and the
  **SMS gateway** delivering a user's reply (``Authorization: Bearer <BUNDLE_SMS_INBOUND_TOKEN>``): ``keys.py`` —
  :func:`admin`, :func:`department`, :func:`sms_gateway`.
- **Staff session** (``Authorization: Bearer <session token>`` from ``POST /api/v1/staff/login``): ``staff.py`` —
  :func:`staff_session`, :func:`admin_session`, :func:`optional_staff`, the knowledge admin (admin session or admin
  token, :func:`knowledge_admin`); the login itself uses :func:`signer`, :func:`device_cookies` and
  :func:`peer_address`.
- **Gateway** (``X-Gateway-Token``: the action server, a trusted front layer) and the claims only it may make:
  ``gateway.py`` — ``X-Wechat-Openid`` (:func:`owner_openid`), ``X-Client-Id`` (:func:`client_key`), and the
  ownership proof of :func:`claim`.
- **Hotline staff** (``X-Staff-Key``, or the gateway's ``X-Staff-Id``) filing for a caller, or the applicant:
  ``filer.py`` — :func:`filer`.
- **Mini-program user** (``Authorization: Bearer <login token>``, ``contract/login_token.py``): ``users.py`` —
  :func:`current_openid`, :func:`login_openid`, their own conversation (:func:`conversation_reader`), who files a
  诉求, a rating or a vote (the gateway or a logged-in user, :func:`chat_caller`) and :func:`owner_claim`.
- **The person a caller is identified as**, and so whose shared records it may use: ``people.py`` —
  :func:`caller_identity`, :func:`person`, :func:`records_access` (the rules are ``identity/``'s), and the
  application staff verified in a hotline call (:func:`call_application`).

The ``Authorization`` header is parsed once, by :func:`bearer_token` (``bearer.py``), and every key is compared
there in constant time.
"""

from bundle_service.api.callers.bearer import BearerDep, bearer_token
from bundle_service.api.callers.filer import FilerDep, filer
from bundle_service.api.callers.gateway import (
    ClaimDep,
    ClientKeyDep,
    GatewayForRecords,
    claim,
    client_key,
    owner_openid,
    require_gateway_for_records,
    trusted_gateway,
)
from bundle_service.api.callers.keys import AdminDep, DepartmentDep, SmsGatewayDep, admin, department, sms_gateway
from bundle_service.api.callers.people import (
    CallApplicationDep,
    Person,
    PersonDep,
    RecordsAccessDep,
    call_application,
    caller_identity,
    person,
    records_access,
    records_access_for,
)
from bundle_service.api.callers.staff import (
    AdminStaffDep,
    DevicesDep,
    KnowledgeAdminDep,
    OptionalStaffDep,
    PeerDep,
    SignerDep,
    StaffDep,
    admin_session,
    device_cookies,
    knowledge_admin,
    optional_staff,
    peer_address,
    signer,
    staff_session,
)
from bundle_service.api.callers.users import (
    ChatCallerDep,
    ConversationReaderDep,
    LoginOpenidDep,
    OpenidDep,
    OwnerClaimDep,
    chat_caller,
    conversation_reader,
    current_openid,
    login_openid,
    owner_claim,
    session_tokens,
)

__all__ = [
    "AdminDep",
    "AdminStaffDep",
    "BearerDep",
    "CallApplicationDep",
    "ChatCallerDep",
    "ClaimDep",
    "ClientKeyDep",
    "ConversationReaderDep",
    "DepartmentDep",
    "DevicesDep",
    "FilerDep",
    "GatewayForRecords",
    "KnowledgeAdminDep",
    "LoginOpenidDep",
    "OpenidDep",
    "OptionalStaffDep",
    "OwnerClaimDep",
    "PeerDep",
    "Person",
    "PersonDep",
    "RecordsAccessDep",
    "SignerDep",
    "SmsGatewayDep",
    "StaffDep",
    "admin",
    "admin_session",
    "bearer_token",
    "call_application",
    "caller_identity",
    "chat_caller",
    "claim",
    "client_key",
    "conversation_reader",
    "current_openid",
    "department",
    "device_cookies",
    "filer",
    "knowledge_admin",
    "login_openid",
    "optional_staff",
    "owner_claim",
    "owner_openid",
    "peer_address",
    "person",
    "records_access",
    "records_access_for",
    "require_gateway_for_records",
    "session_tokens",
    "signer",
    "sms_gateway",
    "staff_session",
    "trusted_gateway",
]

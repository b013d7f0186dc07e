"""Staff replies for chat clients that poll (H5 web chat, the mini program's own chat)."""

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request

from bundle_service.api.deps import ServicesDep, trusted_gateway
from bundle_service.api.owner import session_tokens
from bundle_service.core.errors import Unauthenticated
from bundle_service.crud import handoffs as crud
from bundle_service.identity.session_tokens import InvalidSessionToken
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.handoff import MessageOut
from contract.conversations import wechat_sender

router = APIRouter(prefix="/api/v1/conversations", tags=["conversations"])


def _may_read(request: Request, services: ServicesDep, conversation_id: str, authorization: str | None) -> bool:
    """A trusted front layer, or the user of a ``wechat:<openid>`` conversation with their own login token."""
    if trusted_gateway(request, services):
        return True
    scheme, _, token = (authorization or "").partition(" ")
    tokens = session_tokens(services)
    if scheme.lower() == "bearer" and token.strip() and tokens is not None:
        try:
            openid = tokens.verify(token.strip(), services.clock.now().timestamp())
        except InvalidSessionToken:
            return False
        return conversation_id == wechat_sender(openid)
    return services.settings.gateway_token is None


@router.get("/{conversation_id}/messages", responses={401: {"model": ErrorOut}})
def messages(
    conversation_id: str,
    request: Request,
    services: ServicesDep,
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    authorization: Annotated[str | None, Header()] = None,
) -> list[MessageOut]:
    """Staff replies with an id above ``after``, oldest first; poll with the last id seen.

    Readers: a front layer with ``X-Gateway-Token``, or the user themselves with their mini-program / H5 login token
    (``Authorization: Bearer``) for their own conversation ``wechat:<openid>``. With no gateway token configured
    (development) anyone may read.

    Raises:
        Unauthenticated: 401 for anyone else.
    """
    if not _may_read(request, services, conversation_id, authorization):
        raise Unauthenticated("无权读取该会话。", code="conversation_forbidden")
    with services.sessions() as session:
        found = crud.messages_after(session, conversation_id, after, limit)
    return [MessageOut.model_validate(m, from_attributes=True) for m in found]

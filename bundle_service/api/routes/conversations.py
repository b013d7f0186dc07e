"""Staff replies for chat clients that poll (H5 web chat, the mini program's own chat)."""

from typing import Annotated

from fastapi import APIRouter, Query

from bundle_service.api.callers import ConversationReaderDep
from bundle_service.api.deps import SessionDep
from bundle_service.crud import handoffs as crud
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.handoff import MessageOut

router = APIRouter(prefix="/conversations", tags=["conversations"])


@router.get("/{conversation_id}/messages", responses={401: {"model": ErrorOut}}, dependencies=[ConversationReaderDep])
def messages(
    conversation_id: str,
    session: SessionDep,
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> list[MessageOut]:
    """Staff replies with an id above ``after``, oldest first; poll with the last id seen.

    Readers (:func:`~bundle_service.api.callers.conversation_reader`): a front layer with ``X-Gateway-Token``, or the
    user themselves with their mini-program / H5 login token (``Authorization: Bearer``) for their own conversation
    ``wechat:<openid>``. With no gateway token configured (development) anyone may read.

    Raises:
        Unauthenticated: 401 for anyone else.
    """
    found = crud.messages_after(session, conversation_id, after, limit)
    return [MessageOut.model_validate(m, from_attributes=True) for m in found]

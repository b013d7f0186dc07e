"""Handoff to a person: queue a paused conversation, take it, reply on the user's channel, hand it back.

Every staff action is audited as ``staff:<id>``. Rasa keeps the conversation: the service reads its history from
the tracker and resumes the bot with a ``resume`` event followed by ``action_listen``.
"""

import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from bundle_service.adapters.rasa import RasaClient, RasaUnavailable, rasa_client
from bundle_service.core.clock import Clock
from bundle_service.core.config import Settings
from bundle_service.core.errors import Conflict, NotFound
from bundle_service.crud import handoffs as crud
from bundle_service.crud.audit import record, staff_actor
from bundle_service.hotline.delivery import deliver
from bundle_service.models.handoff import Handoff, OutboxMessage

logger = logging.getLogger(__name__)
RATING_INVITATION = "本次人工服务已结束，欢迎您评价：回复“五星”到“一星”即可，我们会认真改进。"
# ``action_listen`` after ``resume``: while paused, Rasa stores the user's messages without running any action, so
# without it the next message would follow ``action_handoff`` directly; no rule or story matches that history and
# the real bot answered the first question after a hand-back with its fallback (and handed off again).
RESUME_EVENTS: list[dict[str, str]] = [{"event": "resume"}, {"event": "action", "name": "action_listen"}]


def channel_of(conversation_id: str, given: str | None = None) -> str:
    """The channel a conversation lives on: the given one, else the sender id's prefix, else ``rest``."""
    if given:
        return given
    prefix, sep, _ = conversation_id.partition(":")
    return prefix if sep else "rest"


@dataclass
class Handoffs:
    """The handoff workflow.

    Args:
        settings: Service settings (Rasa URL, WeChat credentials).
        sessions: Session factory.
        clock: Clock of the service.
    """

    settings: Settings
    sessions: sessionmaker[Session]
    clock: Clock

    @property
    def rasa(self) -> RasaClient:
        """Client of the Rasa server."""
        return rasa_client(self.settings)

    def request(self, conversation_id: str, channel: str | None, reason: str, actor: str) -> tuple[Handoff, bool]:
        """Queue a conversation; a conversation already waiting or taken is returned as it is.

        Returns:
            The handoff and whether it was created now.
        """
        now = self.clock.now()
        with self.sessions.begin() as session:
            existing = crud.open_for(session, conversation_id)
            if existing is not None:
                return existing, False
            handoff = crud.create(
                session,
                conversation_id=conversation_id,
                channel=channel_of(conversation_id, channel),
                reason=reason,
                now=now,
            )
            record(
                session,
                at=now,
                actor=actor,
                action="handoff.requested",
                details={"handoff": handoff.id, "conversation": conversation_id, "reason": reason},
            )
        return handoff, True

    def get(self, handoff_id: int) -> Handoff:
        """One handoff.

        Raises:
            NotFound: 404 for an unknown id.
        """
        with self.sessions() as session:
            handoff = crud.get(session, handoff_id)
        if handoff is None:
            raise NotFound("没有这个转人工会话。", code="handoff_not_found")
        return handoff

    def take(self, handoff_id: int, staff_id: str) -> Handoff:
        """Assign the conversation to ``staff_id``.

        Raises:
            NotFound: 404 for an unknown id.
            Conflict: 409 ``already_taken`` when someone else (or nobody any more) holds it.
        """
        now = self.clock.now()
        with self.sessions.begin() as session:
            taken = crud.take(session, handoff_id, staff_id, now)
            if taken:
                record(
                    session,
                    at=now,
                    actor=staff_actor(staff_id),
                    action="handoff.taken",
                    details={"handoff": handoff_id},
                )
        handoff = self.get(handoff_id)
        if not taken:
            who = f"（{handoff.taken_by}）" if handoff.taken_by else ""
            raise Conflict(f"该会话已被其他工作人员接入{who}。", code="already_taken")
        return handoff

    def _own(self, handoff_id: int, staff_id: str) -> Handoff:
        handoff = self.get(handoff_id)
        if handoff.status != "taken" or handoff.taken_by != staff_id:
            raise Conflict("该会话不在您的接待中。", code="not_yours")
        return handoff

    def _deliver(self, handoff: Handoff, text: str) -> str:
        """Push to WeChat users who asked in customer-service messages; everyone else polls the outbox.

        A ``wechat:<openid>`` conversation that asked for a person in the mini program's own chat or the H5 page
        (channel ``miniprogram``) is not pushed: its client polls and shows the reply, and a customer-service message
        would arrive a second time in another place (or fail with 45015 outside the 48-hour window). The rule is
        :func:`bundle_service.hotline.delivery.deliver`, shared with the replies of 诉求.
        """
        return deliver(self.settings, handoff.conversation_id, handoff.channel, text)

    def reply(self, handoff_id: int, staff_id: str, text: str) -> OutboxMessage:
        """Send a staff reply to the user on their channel, store it, and add it to the Rasa history.

        Raises:
            Conflict: 409 ``not_yours`` when the staff member does not hold the conversation.
        """
        handoff = self._own(handoff_id, staff_id)
        delivery = self._deliver(handoff, text)
        now = self.clock.now()
        with self.sessions.begin() as session:
            message = crud.add_message(
                session,
                conversation_id=handoff.conversation_id,
                handoff_id=handoff.id,
                staff_id=staff_id,
                text=text,
                delivery=delivery,
                now=now,
            )
            record(
                session,
                at=now,
                actor=staff_actor(staff_id),
                action="handoff.replied",
                details={"handoff": handoff.id, "message": message.id, "delivery": delivery, "text": text[:500]},
            )
        try:
            self.rasa.append_events(
                handoff.conversation_id, [{"event": "bot", "text": text, "metadata": {"staff_id": staff_id}}]
            )
        except RasaUnavailable:
            logger.warning("staff reply %s not recorded in the Rasa tracker", message.id)
        return message

    def hand_back(self, handoff_id: int, staff_id: str) -> Handoff:
        """Resume the bot in the conversation and close the handoff.

        Raises:
            Conflict: 409 ``not_yours``.
            RasaUnavailable: 502 when Rasa cannot be told to resume (the handoff stays taken).
        """
        handoff = self._own(handoff_id, staff_id)
        self.rasa.append_events(handoff.conversation_id, RESUME_EVENTS)
        now = self.clock.now()
        with self.sessions.begin() as session:
            if not crud.hand_back(session, handoff_id, staff_id, now):
                raise Conflict("该会话不在您的接待中。", code="not_yours")
            record(
                session, at=now, actor=staff_actor(staff_id), action="handoff.returned", details={"handoff": handoff_id}
            )
            # 好差评 when the service ends: the user's answer ("五星") is stored by the bot as a rating of this handoff.
            delivery = self._deliver(handoff, RATING_INVITATION)
            crud.add_message(
                session,
                conversation_id=handoff.conversation_id,
                handoff_id=handoff.id,
                staff_id=staff_id,
                text=RATING_INVITATION,
                delivery=delivery,
                now=now,
            )
        return self.get(handoff_id)

"""What the knowledge admin routes share: the prefix, error documentation and the knowledge service."""

from enum import Enum

from bundle_service.api.deps import ServicesDep
from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.models import Faq, UnansweredQuestion
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.knowledge import FaqOut, UnansweredOut

PREFIX = "/admin/knowledge"  # under the API prefix of bundle_service/api/v1.py
TAGS: list[str | Enum] = ["knowledge admin"]
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut},
    403: {"model": ErrorOut},
    404: {"model": ErrorOut},
    409: {"model": ErrorOut},
    422: {"model": ErrorOut},
}


def knowledge_of(services: ServicesDep) -> KnowledgeBase:
    """The app's knowledge service."""
    assert services.knowledge is not None
    return services.knowledge


def faq_out(row: Faq) -> FaqOut:
    """A FAQ row as the API shows it."""
    return FaqOut.model_validate(row, from_attributes=True)


def question_out(row: UnansweredQuestion) -> UnansweredOut:
    """A queued question as the API shows it."""
    return UnansweredOut.model_validate(row, from_attributes=True)

"""Liveness endpoint used by `make run`, tests and monitors."""

from fastapi import APIRouter

from bundle_service.api.deps import ServicesDep

router = APIRouter(tags=["health"])


@router.get("/health")
def health(services: ServicesDep) -> dict[str, str]:
    """Report that the service is up, and how far the knowledge base is (``idle``, ``starting``, ``ready``, ``failed``).

    The knowledge base builds in the background after start-up (or on the first question when warm-up is off);
    until it is ``ready`` a question waits for it.
    """
    knowledge = services.knowledge
    return {"status": "ok", "knowledge": knowledge.state if knowledge is not None else "disabled"}

"""How uvicorn serves the app: address, masked logging, and forwarded headers from configured proxies only."""

from typing import Any

from bundle_service.core.config import Settings
from bundle_service.core.logs import uvicorn_log_config


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments of ``uvicorn.run`` for ``settings``.

    ``X-Forwarded-For``/``-Proto`` are believed only from ``BUNDLE_TRUSTED_PROXIES``; with none configured the proxy
    middleware is off (uvicorn would otherwise believe them from 127.0.0.1, so anything on the machine could pose
    as any address). Every log handler masks secrets and personal data.
    """
    proxies = settings.trusted_proxy_list
    return {
        "host": settings.service_host,
        "port": settings.service_port,
        "log_level": settings.log_level.lower(),
        "log_config": uvicorn_log_config(),
        "proxy_headers": bool(proxies),
        "forwarded_allow_ips": ",".join(proxies) if proxies else "",
        "server_header": False,
    }

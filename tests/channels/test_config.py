"""Settings: credentials.yml first, WECHAT_* variables for what it leaves out; every credentials file loads."""

from pathlib import Path

import pytest
from rasa.core.run import create_http_input_channels

from channels.hotline import HotlineInput
from channels.miniprogram import MiniProgramInput
from channels.rest import SandboxedRestInput
from channels.wechat import WeChatInput
from channels.wechat.config import SettingsError, WeChatSettings
from tests.channels.wechat_peer import AES_KEY

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {"token": "t", "app_id": "wx1", "app_secret": "s"}


def test_defaults() -> None:
    settings = WeChatSettings.load(REQUIRED, environ={})
    assert settings.message_format == "xml"
    assert settings.api_base_url == "https://api.weixin.qq.com"
    assert settings.encoding_aes_key is None and settings.redis_url is None
    assert settings.token_endpoint == "stable"


def test_environment_fills_what_credentials_leave_out() -> None:
    environ = {
        "WECHAT_TOKEN": "from-env",
        "WECHAT_APP_ID": "wx-env",
        "WECHAT_APP_SECRET": "secret-env",
        "WECHAT_ENCODING_AES_KEY": AES_KEY,
        "WECHAT_MESSAGE_FORMAT": "JSON",
        "WECHAT_API_BASE_URL": "http://127.0.0.1:9",
        "WECHAT_REDIS_URL": "redis://127.0.0.1:6379/1",
    }
    settings = WeChatSettings.load({"token": "from-file", "app_id": ""}, environ=environ)
    assert (settings.token, settings.app_id, settings.app_secret) == ("from-file", "wx-env", "secret-env")
    assert settings.message_format == "json" and settings.encoding_aes_key == AES_KEY
    assert settings.redis_url == "redis://127.0.0.1:6379/1"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"token": ""}, "WECHAT_TOKEN"),
        ({"app_secret": None}, "WECHAT_APP_SECRET"),
        ({"message_format": "yaml"}, "message_format"),
        ({"encoding_aes_key": "short"}, "43"),
        ({"token_endpoint": "other"}, "token_endpoint"),
        ({"dedupe_ttl_seconds": "soon"}, "dedupe_ttl_seconds"),
    ],
)
def test_invalid_settings_are_refused_at_start(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        WeChatSettings.load(REQUIRED | overrides, environ={})


def test_default_credentials_start_without_wechat_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("WECHAT_TOKEN", "WECHAT_APP_ID", "WECHAT_APP_SECRET"):
        monkeypatch.delenv(name, raising=False)
    channels = create_http_input_channels(None, str(ROOT / "bot" / "credentials.yml"))
    # Rasa's own REST channel (callers chose the sender's channel) is replaced by the sandboxed one; the console
    # relay has its own channel.
    assert [type(channel) for channel in channels] == [SandboxedRestInput, MiniProgramInput, HotlineInput]


def test_the_production_credentials_have_no_rest_channel() -> None:
    channels = create_http_input_channels(None, str(ROOT / "bot" / "credentials.production.yml"))
    assert [type(channel) for channel in channels] == [MiniProgramInput, HotlineInput]


def test_wechat_credentials_file_builds_the_channel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WECHAT_TOKEN", "tok")
    monkeypatch.setenv("WECHAT_APP_ID", "wx-app")
    monkeypatch.setenv("WECHAT_APP_SECRET", "sec")
    monkeypatch.setenv("WECHAT_ENCODING_AES_KEY", AES_KEY)
    channels = create_http_input_channels(None, str(ROOT / "bot" / "credentials.wechat.yml"))
    assert [type(channel) for channel in channels] == [SandboxedRestInput, MiniProgramInput, HotlineInput, WeChatInput]
    wechat = channels[3]
    assert isinstance(wechat, WeChatInput)
    assert (wechat.settings.token, wechat.settings.app_id, wechat.settings.encoding_aes_key) == (
        "tok",
        "wx-app",
        AES_KEY,
    )
    assert wechat.url_prefix() == "wechat"


def test_wechat_credentials_file_without_its_variables_fails_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WECHAT_TOKEN", raising=False)
    with pytest.raises(Exception, match="WECHAT_TOKEN"):
        create_http_input_channels(None, str(ROOT / "bot" / "credentials.wechat.yml"))

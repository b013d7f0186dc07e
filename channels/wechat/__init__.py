"""WeChat mini-program customer-service messages (小程序客服消息推送) as a Rasa input channel.

Configured in credentials as ``channels.wechat.WeChatInput``; see docs/channels.md.
Modules: ``crypto`` (signatures, AES safe mode), ``messages`` (XML/JSON payloads),
``dedupe`` (once-only handling of WeChat's retries), ``api`` (send API and
access_token), ``output`` (Rasa output channel), ``config`` (settings),
``channel`` (the input channel). Conversation ids and openid masking: :mod:`contract`.
"""

from channels.wechat.channel import WeChatInput
from channels.wechat.output import WeChatOutput

__all__ = ["WeChatInput", "WeChatOutput"]

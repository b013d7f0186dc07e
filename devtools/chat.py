"""A terminal chat with the running assistant over its REST channel (like `rasa shell`)."""

import json
import os
import sys
import urllib.error
import urllib.request
import uuid


def send(url: str, sender: str, text: str) -> list[dict[str, object]]:
    """Post one message and return the bot's replies."""
    body = json.dumps({"sender": sender, "message": text}).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        replies: list[dict[str, object]] = json.load(response)
        return replies


def main() -> int:
    """Read lines from the terminal until /stop or end of input."""
    port = os.environ.get("RASA_PORT", "5005")
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    sender = f"shell-{uuid.uuid4().hex[:8]}"
    print(f"和创业一件事助手聊天（会话 {sender}）。输入 /stop 退出。")
    for line in sys.stdin if not sys.stdin.isatty() else iter(lambda: input("您：") + "\n", None):
        text = line.rstrip("\n")
        if text.strip() == "/stop":
            break
        try:
            for reply in send(url, sender, text):
                print(f"助手：{reply.get('text', '')}")
        except urllib.error.URLError as error:
            print(f"连不上助手（{url}）：{error}. 先运行 make run。", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (EOFError, KeyboardInterrupt):
        print()

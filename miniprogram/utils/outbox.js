// Staff replies after a handoff to a person (docs/channels.md): which conversation to poll, the cursor, merging
// a batch without duplicates, and when to poll next. Pure functions, no browser or WeChat API, so the same file
// serves the mini program (miniprogram/utils/outbox.js, require) and the H5 page (bundle_service/web/static/
// outbox.js, window.Outbox); tests/web/test_outbox_js.py runs it in Chromium and checks both copies are equal.
(function (root, factory) {
  const outbox = factory();
  if (typeof module === "object" && module && module.exports) module.exports = outbox;
  else root.Outbox = outbox;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const FAST_MS = 2500; // while the user is active or a person is answering
  const SLOW_MS = 15000; // nothing happened for ACTIVE_WINDOW_MS
  const ACTIVE_WINDOW_MS = 10 * 60 * 1000;
  const MAX_BACKOFF_MS = 30000; // failed polls back off 5 s, 10 s, 20 s, 30 s …
  const LIMIT = 50;
  const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  // base64url → UTF-8 text (no atob in the mini program's runtime); null when malformed.
  function decodeBase64Url(text) {
    let bits = 0;
    let value = 0;
    let escaped = "";
    for (const char of text.replace(/=+$/, "")) {
      const digit = BASE64URL.indexOf(char === "+" ? "-" : char === "/" ? "_" : char);
      if (digit < 0) return null;
      value = (value << 6) | digit;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        escaped += "%" + ((value >> bits) & 0xff).toString(16).padStart(2, "0");
      }
    }
    try {
      return decodeURIComponent(escaped);
    } catch (error) {
      return null;
    }
  }

  // The login token's claim that names the user's conversation, decided by the service (contract/login_token.py).
  const CONVERSATION_CLAIM = "conversation";
  // The sender of a status notification's line (bundle_service/models/handoff.py, NOTIFICATION_SENDER).
  const NOTIFICATION = "notification";

  // The user's conversation, as the service wrote it into the login token: the client never builds the id itself.
  // The token is only read here, not verified: the service verifies it on every poll.
  function conversationId(token) {
    const payload = typeof token === "string" ? token.split(".")[1] : null;
    const json = payload ? decodeBase64Url(payload) : null;
    try {
      const claims = json ? JSON.parse(json) : null;
      const conversation = claims && claims[CONVERSATION_CLAIM];
      return typeof conversation === "string" && conversation ? conversation : null;
    } catch (error) {
      return null;
    }
  }

  // Path of the poll (relative to the service root).
  function messagesPath(conversation, after) {
    return `/api/v1/conversations/${encodeURIComponent(conversation)}/messages?after=${after}&limit=${LIMIT}`;
  }

  // Storage key of the cursor: one per conversation, so a reload or a second login shows nothing twice.
  function cursorKey(conversation) {
    return `cyyjs.outbox.${conversation}`;
  }

  // A stored cursor (string or number) → a non-negative integer; anything else → 0.
  function readCursor(stored) {
    const cursor = Number(stored);
    return Number.isSafeInteger(cursor) && cursor > 0 ? cursor : 0;
  }

  // A polled batch merged at `cursor`: the messages to show (id above the cursor, each id once, oldest first,
  // with text) and the new cursor (the largest id seen). A stale or overlapping answer yields nothing new.
  function merge(cursor, batch) {
    const fresh = [];
    const seen = new Set();
    let next = cursor;
    for (const message of Array.isArray(batch) ? batch : []) {
      const id = message && message.id;
      if (!Number.isSafeInteger(id) || id <= cursor || seen.has(id)) continue;
      seen.add(id);
      next = Math.max(next, id);
      if (typeof message.text !== "string" || !message.text.trim()) continue;
      const item = { id, text: message.text, at: message.created_at || "" };
      if (message.sender === NOTIFICATION) item.sender = NOTIFICATION; // a status notification, not a person
      fresh.push(item);
    }
    fresh.sort((a, b) => a.id - b.id);
    return { cursor: next, fresh };
  }

  // A full page means more may be waiting: poll again at once.
  function hasMore(batch) {
    return Array.isArray(batch) && batch.length >= LIMIT;
  }

  // Milliseconds until the next poll: back off after failures, fast while active, slow otherwise.
  function nextDelay(failures, lastActivity, now) {
    if (failures > 0) return Math.min(FAST_MS * 2 ** failures, MAX_BACKOFF_MS);
    return now - lastActivity < ACTIVE_WINDOW_MS ? FAST_MS : SLOW_MS;
  }

  return {
    FAST_MS, SLOW_MS, ACTIVE_WINDOW_MS, MAX_BACKOFF_MS, LIMIT,
    conversationId, messagesPath, cursorKey, readCursor, merge, hasMore, nextDelay,
  };
});

// The chat: one user turn per message to the Rasa mini-program channel, and staff replies after a handoff to a
// person, polled from the service's outbox (utils/outbox.js: cursor, merge, delays; the H5 page uses it too).
const api = require("../../utils/api");
const outbox = require("../../utils/outbox");
const feedback = require("../../utils/feedback");

let nextId = 1;

Page({
  data: { messages: [], text: "", busy: false, lastId: "" },

  onLoad() {
    this.poller = null; // the outbox poller, null until the conversation is known
    this.visible = true;
    this.humanMode = false; // a person has replied since the bot last did: the bot's silence is expected
    this.send("你好", null);
    this.startPolling();
  },

  onShow() {
    this.visible = true;
    wx.hideTabBarRedDot({ index: 0, fail() {} });
    this.wake(0);
  },

  // Another tab (我的申请) is shown: poll slowly and mark this tab when a person replies. (When the whole mini
  // program goes to the background WeChat suspends its timers anyway.)
  onHide() {
    this.visible = false;
    const poller = this.poller;
    if (poller && !poller.inFlight && poller.dueAt < Date.now() + outbox.SLOW_MS) this.schedule(poller, outbox.SLOW_MS);
  },

  onUnload() {
    this.stopPolling();
    this.unloaded = true;
  },

  onInput(event) {
    this.setData({ text: event.detail.value });
  },

  onSend() {
    const text = this.data.text.trim();
    if (!text || this.data.busy) return;
    this.setData({ text: "" });
    this.send(text, text);
  },

  onButton(event) {
    const { payload, title } = event.currentTarget.dataset;
    this.send(payload, title);
  },

  add(from, text, buttons, feedback) {
    const message = { id: nextId++, from, text, buttons: buttons || [], feedback: feedback || null };
    this.setData({ messages: [...this.data.messages, message], lastId: `m${message.id}` });
  },

  // ---- 👍/👎 under knowledge answers (utils/feedback.js; docs/closed_loop_api.md) ----
  onVote(event) {
    const { id, helpful } = event.currentTarget.dataset;
    const message = this.data.messages.find((m) => m.id === id);
    if (!message || !message.feedback || message.feedback.sent) return;
    if (helpful) return this.sendVote(message, true, "");
    this.updateFeedback(id, { asking: true }); // 👎: offer "没帮到我，因为…" (optional)
  },

  onReasonInput(event) {
    this.updateFeedback(event.currentTarget.dataset.id, { reason: event.detail.value });
  },

  onReasonSend(event) {
    const message = this.data.messages.find((m) => m.id === event.currentTarget.dataset.id);
    if (message && message.feedback && !message.feedback.sent) this.sendVote(message, false, message.feedback.reason || "");
  },

  async sendVote(message, helpful, reason) {
    this.updateFeedback(message.id, { sent: true, asking: false, helpful, note: "正在提交…" });
    try {
      await api.answerFeedback(feedback.body(message.feedback, message.text, helpful, reason));
      this.updateFeedback(message.id, { note: feedback.THANKS });
    } catch (error) {
      this.updateFeedback(message.id, { sent: false, note: error.message });
    }
  },

  updateFeedback(id, change) {
    const index = this.data.messages.findIndex((m) => m.id === id);
    if (index < 0) return;
    const current = this.data.messages[index].feedback || {};
    this.setData({ [`messages[${index}].feedback`]: { ...current, ...change } });
  },

  // shown === null: an automatic greeting, not echoed as the user's message
  async send(message, shown) {
    if (shown !== null) this.add("user", shown);
    this.wake(outbox.FAST_MS);
    this.setData({ busy: true });
    try {
      // Custom payloads are not shown; a knowledge answer's one puts 👍/👎 under the text before it.
      const replies = feedback.attach(await api.sendMessage(message), message);
      if (!replies.length) {
        // While a person has the conversation the bot is paused and silent: nothing to say about that.
        if (!this.humanMode) this.add("system", "（助手没有回复）");
        return;
      }
      this.humanMode = false;
      replies.forEach((reply) => this.add("bot", reply.text || "", reply.buttons, reply.feedback));
    } catch (error) {
      this.add("system", error.message);
    } finally {
      this.setData({ busy: false });
    }
  },

  // ---- staff replies (docs/channels.md) ----
  async startPolling() {
    if (this.starting) return;
    this.starting = true;
    let conversation = null;
    try {
      conversation = await api.conversation();
    } catch (error) {
      // not logged in yet: the next message or page show tries again
    } finally {
      this.starting = false;
    }
    if (!conversation || this.unloaded || this.poller) return;
    const cursor = outbox.readCursor(wx.getStorageSync(outbox.cursorKey(conversation)));
    this.poller = { conversation, cursor, timer: null, dueAt: 0, inFlight: false, failures: 0, lastActivity: Date.now() };
    this.schedule(this.poller, 0);
  },

  stopPolling() {
    if (this.poller) clearTimeout(this.poller.timer);
    this.poller = null;
  },

  schedule(poller, delay) {
    clearTimeout(poller.timer);
    poller.timer = null;
    if (this.poller !== poller) return;
    poller.dueAt = Date.now() + delay;
    poller.timer = setTimeout(() => this.poll(poller), delay);
  },

  // The user did something (wrote, came back to the page): poll within `delay` ms and keep polling fast.
  wake(delay) {
    const poller = this.poller;
    if (!poller) return this.startPolling();
    poller.lastActivity = Date.now();
    if (!poller.inFlight && (!poller.timer || poller.dueAt > Date.now() + delay)) this.schedule(poller, delay);
  },

  async poll(poller) {
    poller.timer = null;
    if (this.poller !== poller || poller.inFlight) return;
    poller.inFlight = true;
    let delay;
    try {
      const batch = await api.staffMessages(poller.conversation, poller.cursor);
      if (this.poller !== poller) return; // stopped while in flight: drop the answer
      const merged = outbox.merge(poller.cursor, batch);
      poller.cursor = merged.cursor;
      wx.setStorageSync(outbox.cursorKey(poller.conversation), merged.cursor);
      merged.fresh.forEach((message) => this.add(message.sender === "notification" ? "notice" : "staff", message.text));
      if (merged.fresh.length) {
        poller.lastActivity = Date.now();
        if (merged.fresh.some((message) => message.sender !== "notification")) this.humanMode = true;
        if (!this.visible) wx.showTabBarRedDot({ index: 0, fail() {} });
      }
      poller.failures = 0;
      delay = outbox.hasMore(batch) ? 0 : outbox.nextDelay(0, poller.lastActivity, Date.now());
      if (!this.visible) delay = Math.max(delay, outbox.SLOW_MS);
    } catch (error) {
      // network trouble, a refused token, a busy service: back off and retry; the chat itself goes on
      poller.failures += 1;
      delay = outbox.nextDelay(poller.failures, poller.lastActivity, Date.now());
    } finally {
      poller.inFlight = false;
    }
    if (delay !== undefined) this.schedule(poller, delay);
  },
});

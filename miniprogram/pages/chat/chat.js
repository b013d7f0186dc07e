const api = require("../../utils/api");

let nextId = 1;

Page({
  data: { messages: [], text: "", busy: false, lastId: "" },

  onLoad() {
    this.send("你好", null);
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

  add(from, text, buttons) {
    const message = { id: nextId++, from, text, buttons: buttons || [] };
    this.setData({ messages: [...this.data.messages, message], lastId: `m${message.id}` });
  },

  // shown === null: an automatic greeting, not echoed as the user's message
  async send(message, shown) {
    if (shown !== null) this.add("user", shown);
    this.setData({ busy: true });
    try {
      const replies = await api.sendMessage(message);
      if (!replies.length) this.add("system", "（助手没有回复）");
      replies.forEach((reply) => this.add("bot", reply.text || "", reply.buttons));
    } catch (error) {
      this.add("system", error.message);
    } finally {
      this.setData({ busy: false });
    }
  },
});

const api = require("../../utils/api");

Page({
  data: { busy: false, error: "" },

  async onLogin() {
    this.setData({ busy: true, error: "" });
    try {
      await api.login();
      wx.switchTab({ url: "/pages/chat/chat" });
    } catch (error) {
      this.setData({ error: error.message });
    } finally {
      this.setData({ busy: false });
    }
  },
});

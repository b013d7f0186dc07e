const api = require("../../utils/api");

Page({
  data: { applications: [], loaded: false, error: "", lights: { green: "绿灯", yellow: "黄灯", red: "红灯" } },

  onShow() {
    this.load();
  },

  onPullDownRefresh() {
    this.load().finally(() => wx.stopPullDownRefresh());
  },

  async load() {
    try {
      const applications = await api.myApplications();
      this.setData({ applications, loaded: true, error: "" });
    } catch (error) {
      this.setData({ error: error.message, loaded: true });
    }
  },
});

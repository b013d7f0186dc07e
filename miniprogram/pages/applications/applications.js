const api = require("../../utils/api");
const notifications = require("../../utils/notifications");

Page({
  data: {
    applications: [],
    loaded: false,
    error: "",
    lights: { green: "绿灯", yellow: "黄灯", red: "红灯" },
    notify: null, // 我的 · 通知设置: { enabled, quiet_hours, subscriptions }
  },

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
      this.setData({ notify: await notifications.settings() });
    } catch (error) {
      this.setData({ error: error.message, loaded: true });
    }
  },

  async onNotifySwitch(event) {
    try {
      this.setData({ notify: await notifications.setEnabled(event.detail.value) });
    } catch (error) {
      wx.showToast({ title: error.message, icon: "none" });
    }
  },

  // Must run in the tap's handler: WeChat shows the subscribe dialog only for a user gesture.
  async onSubscribe() {
    try {
      this.setData({ notify: await notifications.subscribe(this.data.notify) });
    } catch (error) {
      wx.showToast({ title: error.message, icon: "none" });
    }
  },
});

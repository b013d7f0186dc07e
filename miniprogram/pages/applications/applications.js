const api = require("../../utils/api");
const notifications = require("../../utils/notifications");
const nextSteps = require("../../utils/next_steps");

Page({
  data: {
    applications: [],
    loaded: false,
    error: "",
    lights: { green: "绿灯", yellow: "黄灯", red: "红灯" },
    notify: null, // 我的 · 通知设置: { enabled, quiet_hours, subscriptions }
    offers: [], // 免申即享 (utils/next_steps.js)
    needsAccount: false,
    account: "",
    offerResult: "",
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
      for (const application of applications) {
        if (application.items.some((item) => item.code === "business_registration")) {
          application.bookings = await nextSteps.bookings(application.number);
        }
      }
      const offers = await nextSteps.offers();
      const needsAccount = offers.some((offer) => offer.needs.includes("bank_account"));
      this.setData({ applications, offers, needsAccount, loaded: true, error: "" });
      this.setData({ notify: await notifications.settings() });
    } catch (error) {
      this.setData({ error: error.message, loaded: true });
    }
  },

  onAccount(event) {
    this.setData({ account: event.detail.value.trim() });
  },

  async onConfirmOffers() {
    try {
      const application = await nextSteps.confirmOffers(this.data.needsAccount ? this.data.account : "");
      await this.load();
      this.setData({ offerResult: `已一键申领，申请编号 ${application.number}` });
    } catch (error) {
      wx.showToast({ title: error.message, icon: "none" });
    }
  },

  // A provider picked for one kind of one application: booked at once (the other kind stays open, in parallel).
  async onBook(event) {
    const { number, kind } = event.currentTarget.dataset;
    const application = this.data.applications.find((a) => a.number === number);
    const options = application.bookings.kinds.find((k) => k.kind === kind);
    try {
      await nextSteps.book(number, kind, options.providers[Number(event.detail.value)].code);
      await this.load();
    } catch (error) {
      wx.showToast({ title: error.message, icon: "none" });
    }
  },

  async onCancelBooking(event) {
    const { number, kind } = event.currentTarget.dataset;
    try {
      await nextSteps.cancelBooking(number, kind);
      await this.load();
    } catch (error) {
      wx.showToast({ title: error.message, icon: "none" });
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

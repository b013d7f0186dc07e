const api = require("./utils/api");

App({
  onLaunch() {
    // Log in silently at start-up; the login page is shown only if that fails.
    api.ensureLogin().catch(() => wx.reLaunch({ url: "/pages/login/login" }));
  },
});

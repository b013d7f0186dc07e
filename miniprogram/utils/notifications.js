// Status notifications (issue 15, docs/notifications.md): the user's switch and WeChat subscribe messages.
// The template ids come from the service (GET /api/v1/me/notifications), never from this file: the service owns
// them (bundle_service/data/notification_templates.yml). Each accept in wx.requestSubscribeMessage allows one
// message of that template, so the 我的申请 page offers to subscribe again when none is left.
const config = require("../config");
const api = require("./api");

const URL = () => `${config.serviceBaseUrl}/api/v1/me/notifications`;

// { enabled, quiet_hours, subscriptions: [{ key, template_id, title, remaining, refused }] }
function settings() {
  return api.authorized({ url: URL(), method: "GET" });
}

function setEnabled(enabled) {
  return api.authorized({ url: URL(), method: "PUT", header: { "Content-Type": "application/json" }, data: { enabled } });
}

function requestSubscribe(tmplIds) {
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds,
      success: (result) => resolve(result),
      fail: () => resolve(null), // the user closed the dialog or WeChat refused: nothing to record
    });
  });
}

// Ask WeChat for every template (at most 3 per call, WeChat's limit) and tell the service what the user answered.
async function subscribe(current) {
  const tmplIds = current.subscriptions.map((s) => s.template_id).slice(0, 3);
  const result = tmplIds.length ? await requestSubscribe(tmplIds) : null;
  if (!result) return current;
  const answers = {};
  tmplIds.forEach((id) => { if (typeof result[id] === "string") answers[id] = result[id]; });
  if (!Object.keys(answers).length) return current;
  return api.authorized({
    url: `${URL()}/subscriptions`,
    method: "POST",
    header: { "Content-Type": "application/json" },
    data: { answers },
  });
}

module.exports = { settings, setEnabled, subscribe };

// What the applicant was told (issue 15, docs/notifications.md), under the verified application in the console:
// each notification's channel, masked recipient, status (排队中, 暂缓发送, 重试中, 已发送, 发送失败 with WeChat's or the
// SMS gateway's error, 未发送 when the user opted out or has no subscription) and its history. Uses console.js's api/el.
"use strict";

function notificationRow(n) {
  const when = n.sent_at || n.next_attempt_at || n.created_at;
  const status = el("span", { class: "notify-status notify-" + n.status }, n.status_label);
  const history = n.history.map((h) => h.status + (h.detail ? "（" + h.detail + "）" : "")).join(" → ");
  return el("li", { class: "notification", title: history },
    new Date(when).toLocaleString("zh-CN"), "　", n.channel_label, "（", n.recipient, "）　", status,
    n.urgent ? "　紧急" : "",
    el("div", { class: "notify-text" }, n.text),
    n.last_error && n.status !== "sent" ? el("div", { class: "notify-error" }, n.last_error) : "");
}

async function notificationsView(number, last6) {
  try {
    const data = await api("GET", "/api/v1/notifications?application=" + encodeURIComponent(number), undefined,
      { "X-Id-Last6": last6 });
    return el("div", { class: "notifications" }, el("p", {}, "给申请人的通知："),
      data.notifications.length ? el("ul", {}, data.notifications.map(notificationRow)) : el("p", {}, "暂无通知。"));
  } catch (error) {
    return el("p", { class: "error" }, "通知记录暂时查不到：" + error.message);
  }
}

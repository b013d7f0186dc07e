// What the applicant was told (issue 15, docs/notifications.md), under the verified application in the console:
// each notification's channel, masked recipient, status (排队中, 暂缓发送, 重试中, 已发送, 发送失败 with WeChat's or the
// SMS gateway's error, 未发送 when the user opted out or has no subscription) and its history; and the switch a
// verified caller without WeChat cannot turn alone (关闭通知 / 开启通知, audited). Uses console.js's api/el.
"use strict";

const SWITCHED_BY = { user: "本人", bot: "本人（对话）", sms_reply: "本人（短信回复）" };

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

function whoSwitched(by) {
  if (!by) return "";
  return "（" + (SWITCHED_BY[by] || (by.startsWith("staff:") ? "坐席 " + by.slice(6) : by)) + "设置）";
}

function notificationSwitch(data, number, last6) {
  const box = el("p", { class: "notify-switch" });
  const render = (current) => {
    const button = el("button", { type: "button", class: "notify-toggle" }, current.enabled ? "关闭通知" : "开启通知");
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        const changed = await api("PUT", "/api/v1/notifications/switch?application=" + encodeURIComponent(number),
          { enabled: !current.enabled }, { "X-Id-Last6": last6 });
        render(changed);
      } catch (error) {
        box.append(el("span", { class: "error" }, " " + error.message));
        button.disabled = false;
      }
    });
    box.replaceChildren("办理通知：", el("strong", { class: "notify-state" }, current.enabled ? "已开启" : "已关闭"),
      whoSwitched(current.enabled_by), "　", button);
  };
  render(data);
  return box;
}

async function notificationsView(number, last6) {
  try {
    const data = await api("GET", "/api/v1/notifications?application=" + encodeURIComponent(number), undefined,
      { "X-Id-Last6": last6 });
    return el("div", { class: "notifications" }, notificationSwitch(data, number, last6), el("p", {}, "给申请人的通知："),
      data.notifications.length ? el("ul", {}, data.notifications.map(notificationRow)) : el("p", {}, "暂无通知。"));
  } catch (error) {
    return el("p", { class: "error" }, "通知记录暂时查不到：" + error.message);
  }
}

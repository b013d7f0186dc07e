// 诉求队列 of the console: list with traffic lights, take, reply to the user's channel, close with a result.
// Uses api(), el() and state from console.js (loaded first).
"use strict";

const LIGHT_LABEL = { green: "绿灯", yellow: "黄灯", red: "红灯" };
const appealState = { selected: null };

function appealFilters() {
  const params = new URLSearchParams({ status: $("appeal-status").value });
  if ($("appeal-light").value) params.set("light", $("appeal-light").value);
  if ($("appeal-mine").checked) params.set("mine", "true");
  return params.toString();
}

function lightBadge(light) {
  return light ? el("span", { class: "light light-" + light }, "●" + LIGHT_LABEL[light]) : el("span", { class: "hint" }, "已办结");
}

async function refreshAppeals() {
  if (!state.token) return;
  try {
    const data = await api("GET", "/api/v1/appeals?" + appealFilters());
    const c = data.counts;
    $("appeal-counts").textContent = `待受理 ${c.pending} · 处理中 ${c.handling} · 已办结 ${c.closed} · 超期 ${c.overdue}`;
    $("appeals").replaceChildren(...data.appeals.map((a) => el("li", { "data-number": a.number },
      el("div", {}, lightBadge(a.light), " ", el("span", { class: "mono" }, a.number), " ", a.kind_label),
      el("div", { class: "hint" }, `${a.category_label} · ${a.status_label}` + (a.assigned_to ? `（${a.assigned_to}）` : "")
        + ` · 截止${a.due_date}`),
      el("button", { class: "appeal-open", "data-number": a.number }, "查看"))));
    $("appeals-empty").hidden = data.appeals.length > 0;
  } catch (error) {
    /* the next poll retries */
  }
}

function renderAppeal(a) {
  appealState.selected = a;
  const mine = a.assigned_to && state.staff && a.assigned_to === state.staff.id;
  const admin = state.staff && state.staff.role === "admin";
  const box = $("appeal-detail");
  box.hidden = false;
  $("appeal-title").textContent = `${a.number} ${a.kind_label} · ${a.category_label} · ${a.status_label}`;
  $("appeal-facts").replaceChildren(
    el("div", {}, lightBadge(a.light), ` 时限${a.time_limit_days}个工作日，截止${a.due_date}`
      + (a.working_days_left === null ? "" : `（剩余${a.working_days_left}个工作日）`)),
    el("div", {}, "事情经过：", a.description),
    el("div", {}, "地点时间：", a.place_time || "—"),
    el("div", {}, "联系人：", (a.contact_name || "—") + " " + (a.contact || "")),
    el("div", {}, "渠道：", (CHANNEL_LABEL[a.channel] || a.channel) + (a.application_number ? " · 关联申请 " + a.application_number : "")),
    a.source ? el("div", {}, `来源：${a.source.score}星差评（${a.source.kind} ${a.source.ref || ""}）`) : "",
    a.result ? el("div", { class: "appeal-result" }, "办理结果：", a.result) : "",
    el("ul", { class: "appeal-replies" }, ...(a.replies || []).map((r) => el("li", {}, r.text))));
  $("appeal-take").hidden = a.status !== "pending";
  $("appeal-reply-form").hidden = !(a.status === "handling" && mine);
  $("appeal-close-form").hidden = !(a.status !== "closed" && (mine || (admin && a.status === "handling")));
  $("appeal-contact").hidden = !(a.status !== "closed" && (mine || admin));
}

async function openAppeal(number) {
  $("appeal-error").textContent = "";
  try {
    renderAppeal(await api("GET", "/api/v1/appeals/" + number));
  } catch (error) {
    $("appeal-error").textContent = error.message;
  }
}

async function appealAction(path, body) {
  const a = appealState.selected;
  if (!a) return;
  $("appeal-error").textContent = "";
  try {
    await api("POST", "/api/v1/appeals/" + a.number + path, body);
    await openAppeal(a.number);
    refreshAppeals();
  } catch (error) {
    $("appeal-error").textContent = error.message;
  }
}

async function showContact() {
  const a = appealState.selected;
  try {
    const c = await api("POST", "/api/v1/appeals/" + a.number + "/contact");
    $("appeal-contact-full").textContent = `${c.contact_name || ""} ${c.contact_phone || "（无电话，请在会话中回复）"}`;
  } catch (error) {
    $("appeal-error").textContent = error.message;
  }
}

$("appeals").addEventListener("click", (event) => {
  const button = event.target.closest("button.appeal-open");
  if (button) openAppeal(button.dataset.number);
});
["appeal-status", "appeal-light", "appeal-mine"].forEach((id) => $(id).addEventListener("change", refreshAppeals));
$("appeal-take").addEventListener("click", () => appealAction("/take"));
$("appeal-contact").addEventListener("click", showContact);
$("appeal-reply-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("appeal-reply-input").value.trim();
  if (text) appealAction("/messages", { text }).then(() => ($("appeal-reply-input").value = ""));
});
$("appeal-close-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const result = $("appeal-result-input").value.trim();
  if (result) appealAction("/close", { result }).then(() => ($("appeal-result-input").value = ""));
});
setInterval(refreshAppeals, 3000);
if (state.token) refreshAppeals();

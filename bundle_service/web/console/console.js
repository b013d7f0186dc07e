// 热线坐席工作台: vanilla JS over the bundle service API (token in sessionStorage, never in the URL).
"use strict";

const $ = (id) => document.getElementById(id);
const state = { token: sessionStorage.getItem("staffToken"), staff: null, call: null, handoff: null, seen: 0 };

async function api(method, path, body, extraHeaders) {
  const headers = { "Content-Type": "application/json", ...(extraHeaders || {}) };
  if (state.token) headers.Authorization = "Bearer " + state.token;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.status === 401 && path !== "/api/v1/staff/login") logout();
  if (!response.ok) {
    const error = new Error((data && data.message) || "请求失败（" + response.status + "）");
    error.status = response.status;
    error.data = data;
    throw error;
  }
  return data;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => (k === "class" ? (node.className = v) : node.setAttribute(k, v)));
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

// ---- login ----
async function login(event) {
  event.preventDefault();
  $("login-error").textContent = "";
  try {
    const data = await api("POST", "/api/v1/staff/login", {
      username: $("login-username").value.trim(), password: $("login-password").value,
    });
    state.token = data.token;
    sessionStorage.setItem("staffToken", data.token);
    await enter();
  } catch (error) {
    $("login-error").textContent = error.message;
  }
}

function logout() {
  state.token = null;
  sessionStorage.removeItem("staffToken");
  $("work-view").hidden = true;
  $("whoami").hidden = true;
  $("login-view").hidden = false;
}

async function enter() {
  state.staff = await api("GET", "/api/v1/staff/me");
  $("staff-name").textContent = state.staff.display_name + " " + state.staff.id;
  $("staff-role").textContent = state.staff.role === "admin" ? "管理员" : "坐席";
  $("audit-tab-button").hidden = state.staff.role !== "admin";
  $("login-view").hidden = true;
  $("whoami").hidden = false;
  $("work-view").hidden = false;
  loadItems();
  refreshQueue();
}

// ---- transcript ----
const ROLE_LABEL = { user: "用户", bot: "机器人", staff: "坐席", caller: "来电者" };

function renderSources(sources) {
  if (!sources || !sources.length) return null;
  const names = sources.map((s) => s.title || [s.document, s.section].filter(Boolean).join(" · ") || s.id || "");
  return el("div", { class: "sources" }, "来源：" + names.join("；"));
}

function addMessage(role, text, sources) {
  const node = el("div", { class: "msg " + (role === "caller" ? "user" : role) },
    el("span", { class: "who" }, ROLE_LABEL[role] || role), text || "");
  const src = renderSources(sources);
  if (src) node.append(src);
  $("transcript").append(node);
  $("transcript").scrollTop = $("transcript").scrollHeight;
}

function botMessages(messages) {
  for (const m of messages) {
    const custom = m.custom || {};
    const sources = custom.sources || (m.metadata && m.metadata.sources);
    let text = m.text || custom.text || "";
    if (m.buttons && m.buttons.length) text += "\n" + m.buttons.map((b, i) => i + 1 + ". " + b.title).join("\n");
    const previous = $("transcript").lastElementChild;
    if (!text && sources && previous && previous.classList.contains("bot") && !previous.querySelector(".sources")) {
      previous.append(renderSources(sources) || "");  // the sources of the answer just shown
    } else if (text || sources) {
      addMessage("bot", text, sources);
    }
  }
}

// ---- hotline call ----
async function newCall() {
  stopHandoff();
  $("conversation-error").textContent = "";
  try {
    state.call = await api("POST", "/api/v1/hotline/calls");
    $("conversation-id").textContent = state.call.conversation_id;
    $("transcript").replaceChildren();
    $("call-form").hidden = false;
    $("reply-form").hidden = true;
    $("call-input").focus();
  } catch (error) {
    $("conversation-error").textContent = error.message;
  }
}

async function sendCall(event) {
  event.preventDefault();
  const text = $("call-input").value.trim();
  if (!text || !state.call) return;
  $("call-input").value = "";
  addMessage("caller", text);
  try {
    const data = await api("POST", "/api/v1/hotline/calls/" + encodeURIComponent(state.call.call_id) + "/messages", { text });
    botMessages(data.messages);
  } catch (error) {
    $("conversation-error").textContent = error.message;
  }
}

// ---- handoff queue ----
const CHANNEL_LABEL = { wechat: "微信", hotline: "热线", rest: "网页", miniprogram: "小程序" };

function waited(seconds) {
  const s = seconds || 0;
  return s < 60 ? s + "秒" : s < 3600 ? Math.floor(s / 60) + "分钟" : Math.floor(s / 3600) + "小时" + Math.floor((s % 3600) / 60) + "分钟";
}

async function refreshQueue() {
  if (!state.token) return;
  try {
    const items = await api("GET", "/api/v1/handoffs?status=open&history=false");
    const list = $("queue");
    list.replaceChildren(...items.map((h) => {
      const mine = h.status === "taken" && state.staff && h.taken_by === state.staff.id;
      const button = h.status === "waiting"
        ? el("button", { class: "take", "data-id": h.id }, "接入")
        : mine ? el("button", { class: "open", "data-id": h.id }, "继续") : el("span", { class: "hint" }, "已由" + h.taken_by + "接入");
      return el("li", { "data-conversation": h.conversation_id },
        el("div", { class: "mono" }, h.conversation_id),
        el("div", { class: "hint" }, (CHANNEL_LABEL[h.channel] || h.channel) + " · " + new Date(h.created_at).toLocaleTimeString("zh-CN")),
        el("div", { class: "queue-why" }, (h.reason_label || h.reason) + " · 已等待" + waited(h.waited_seconds)),
        h.last_message ? el("div", { class: "queue-last" }, "最后一句：" + h.last_message.text) : "",
        button);
    }));
    $("queue-empty").hidden = items.length > 0;
  } catch (error) {
    /* the next poll retries */
  }
}

async function takeHandoff(id, alreadyMine) {
  $("conversation-error").textContent = "";
  try {
    const handoff = alreadyMine
      ? await api("GET", "/api/v1/handoffs/" + id)
      : await api("POST", "/api/v1/handoffs/" + id + "/take");
    state.call = null;
    state.handoff = handoff;
    $("conversation-id").textContent = handoff.conversation_id;
    $("call-form").hidden = true;
    $("reply-form").hidden = false;
    renderHistory(handoff);
    $("reply-input").focus();
  } catch (error) {
    $("conversation-error").textContent = error.message;
  }
  refreshQueue();
}

function renderHistory(handoff) {
  const history = handoff.history || [];
  if (history.length === state.seen && $("transcript").childElementCount) return;
  state.seen = history.length;
  $("transcript").replaceChildren();
  history.forEach((t) => addMessage(t.role, t.text));
  if (handoff.history_error) $("conversation-error").textContent = handoff.history_error;
}

async function pollHandoff() {
  if (!state.handoff || !state.token) return;
  const id = state.handoff.id;
  try {
    const handoff = await api("GET", "/api/v1/handoffs/" + id);
    // The conversation may have been handed back while this poll was in flight: drop a stale answer.
    if (state.handoff && state.handoff.id === id) renderHistory(handoff);
  } catch (error) {
    /* the next poll retries */
  }
}

async function sendReply(event) {
  event.preventDefault();
  const text = $("reply-input").value.trim();
  if (!text || !state.handoff) return;
  $("reply-input").value = "";
  try {
    await api("POST", "/api/v1/handoffs/" + state.handoff.id + "/messages", { text });
    await pollHandoff();
  } catch (error) {
    $("conversation-error").textContent = error.message;
  }
}

async function handBack() {
  if (!state.handoff) return;
  try {
    await api("POST", "/api/v1/handoffs/" + state.handoff.id + "/return");
    addMessage("staff", "（已交还机器人）");
    stopHandoff();
  } catch (error) {
    $("conversation-error").textContent = error.message;
  }
  refreshQueue();
}

function stopHandoff() {
  state.handoff = null;
  state.seen = 0;
  $("reply-form").hidden = true;
}

// ---- tools ----
async function searchKnowledge(event) {
  event.preventDefault();
  const query = $("kb-query").value.trim();
  if (!query) return;
  const box = $("kb-result");
  box.textContent = "检索中…";
  try {
    const data = await api("POST", "/api/v1/hotline/knowledge/search", { query });
    box.replaceChildren(
      el("p", { class: "kb-answer" }, data.status === "not_found" ? "知识库中没有找到相关内容。" : data.answer || ""),
      renderSources(data.sources) || "");
  } catch (error) {
    box.replaceChildren(el("p", { class: "error" }, error.message));
  }
}

const LIGHT = { green: "绿灯", yellow: "黄灯", red: "红灯" };

function applicationView(app) {
  return el("div", { class: "application" },
    el("p", {}, "申请编号：", el("strong", { class: "app-number" }, app.number), "　状态：", app.state_label,
      "　办理方式：", app.filed_by === "self" ? "本人申请" : "坐席代办（" + app.filed_by + "）"),
    el("p", {}, "申请人：", app.applicant.name, "　", app.applicant.phone),
    el("ul", {}, app.departments.map((d) => el("li", {},
      d.department + "：" + d.status_label + "，办结时限 " + d.due_date,
      d.light ? el("span", { class: "light-" + d.light }, " ●" + LIGHT[d.light]) : ""))));
}

async function lookup(event) {
  event.preventDefault();
  const box = $("lookup-result");
  try {
    const app = await api("POST", "/api/v1/hotline/lookup", {
      number: $("lookup-number").value.trim(), id_last6: $("lookup-last6").value.trim(),
      // Verified during a call: the caller counts as identified in that call's form (shared records, 免提交).
      call_id: state.call ? state.call.call_id : null,
    });
    box.replaceChildren(el("p", { class: "ok" }, "核验通过。"), applicationView(app));
    box.append(await bookingsView(app.number, $("lookup-last6").value.trim())); // bookings.js
    box.append(await notificationsView(app.number, $("lookup-last6").value.trim())); // notifications.js
  } catch (error) {
    box.replaceChildren(el("p", { class: "error" }, error.message));
  }
}

async function loadItems() {
  const box = $("file-items");
  if (box.querySelector("input")) return;
  try {
    const items = await api("GET", "/api/v1/items");
    items.forEach((item) => box.append(el("label", {},
      el("input", { type: "checkbox", name: "items", value: item.code }), item.name)));
  } catch (error) {
    box.append(el("p", { class: "error" }, error.message));
  }
}

async function fileForCaller(event) {
  event.preventDefault();
  const form = new FormData($("file-form"));
  const body = {};
  for (const [key, value] of form.entries()) {
    if (key === "items") (body.items = body.items || []).push(value);
    else if (String(value).trim()) body[key] = String(value).trim();
  }
  const box = $("file-result");
  try {
    const key = "console-" + (state.staff ? state.staff.id : "") + "-" + Date.now();
    const app = await api("POST", "/api/v1/hotline/applications", body, { "Idempotency-Key": key });
    box.replaceChildren(el("p", { class: "ok" }, "代办申请已提交。"), applicationView(app));
  } catch (error) {
    const details = ((error.data && error.data.errors) || []).map((e) => el("li", {}, e.message));
    box.replaceChildren(el("p", { class: "error" }, error.message), el("ul", {}, details));
  }
}

async function loadAudit() {
  try {
    const rows = await api("GET", "/api/v1/staff/audit?limit=100");
    $("audit-table").querySelector("tbody").replaceChildren(...rows.map((r) => el("tr", {},
      el("td", {}, new Date(r.at).toLocaleString("zh-CN")), el("td", {}, r.actor), el("td", {}, r.action),
      el("td", {}, JSON.stringify(r.details)))));
  } catch (error) {
    $("audit-table").querySelector("tbody").replaceChildren(el("tr", {}, el("td", { class: "error" }, error.message)));
  }
}

function showTab(id) {
  document.querySelectorAll(".tab").forEach((t) => (t.hidden = t.id !== id));
  document.querySelectorAll(".tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === id));
  if (id === "audit-tab") loadAudit();
}

// ---- wiring ----
$("login-form").addEventListener("submit", login);
$("logout").addEventListener("click", logout);
$("new-call").addEventListener("click", newCall);
$("call-form").addEventListener("submit", sendCall);
$("reply-form").addEventListener("submit", sendReply);
$("hand-back").addEventListener("click", handBack);
$("kb-form").addEventListener("submit", searchKnowledge);
$("lookup-form").addEventListener("submit", lookup);
$("file-form").addEventListener("submit", fileForCaller);
$("audit-refresh").addEventListener("click", loadAudit);
document.querySelectorAll(".tabs button").forEach((b) => b.addEventListener("click", () => showTab(b.dataset.tab)));
$("queue").addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (button) takeHandoff(button.dataset.id, button.classList.contains("open"));
});
setInterval(refreshQueue, 2000);
setInterval(pollHandoff, 1500);
if (state.token) enter().catch(logout);

// H5 web chat: the same behaviour as the mini program (miniprogram/), in a browser.
// Login: development login with a "dev-<name>" code (only the local fake code2Session accepts it); production H5
// would use the official account's web OAuth instead (not built). The token goes to localStorage.
// After a handoff to a person, staff replies are polled from the service's outbox (outbox.js, the mini program's
// utils/outbox.js verbatim: cursor, merge, delays) and shown as messages from 人工客服.
"use strict";

const TOKEN_KEY = "cyyjs.token";
const LIGHTS = { green: "绿灯", yellow: "黄灯", red: "红灯" };
const webhookTemplate = document.querySelector('meta[name="chat-webhook-url"]').content;
const chatUrl = webhookTemplate.replace("{host}", location.hostname);
const $ = (id) => document.getElementById(id);
const Outbox = window.Outbox;
const AnswerFeedback = window.AnswerFeedback; // 👍/👎 under knowledge answers (the mini program's utils/feedback.js)
let poller = null; // the logged-in user's outbox poller, null when logged out
let humanMode = false; // a person has replied since the bot last did: the bot's silence is expected

function token() {
  const saved = JSON.parse(localStorage.getItem(TOKEN_KEY) || "null");
  return saved && saved.expiresAt > Date.now() ? saved.token : null;
}

function show(view) {
  for (const name of ["login", "chat", "applications"]) $(`${name}-view`).hidden = name !== view;
  $("tabs").hidden = view === "login";
  $("tab-chat").classList.toggle("active", view === "chat");
  if (view === "chat") $("tab-chat").classList.remove("unread");
  $("my-applications").classList.toggle("active", view === "applications");
}

function loggedOut(message) {
  stopPolling();
  localStorage.removeItem(TOKEN_KEY);
  $("login-error").textContent = message || "";
  show("login");
}

async function login() {
  const name = $("dev-name").value.trim();
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(name)) {
    $("login-error").textContent = "请输入由字母、数字、下划线或短横线组成的名字。";
    return;
  }
  const answer = await fetch("/api/v1/auth/wechat-login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ code: `dev-${name}` }),
  });
  const body = await answer.json();
  if (!answer.ok) {
    $("login-error").textContent = body.message || "登录失败，请稍后再试。";
    return;
  }
  localStorage.setItem(TOKEN_KEY, JSON.stringify({ token: body.token, expiresAt: Date.now() + body.expires_in * 1000 }));
  $("login-error").textContent = "";
  show("chat");
  startPolling();
  $("text").focus();
}

function addMessage(kind, text) {
  const item = document.createElement("li");
  item.className = kind;
  item.textContent = text;
  $("messages").appendChild(item);
  item.scrollIntoView({ block: "end" });
  return item;
}

// Staff replies: one poller per logged-in conversation; its answers are dropped once it is no longer current (a
// poll still in flight when the user logs out or another user logs in must not write into the new session).
function startPolling() {
  const bearer = token();
  const conversation = bearer && Outbox.conversationId(bearer);
  if (poller && poller.conversation === conversation) return wake(0);
  stopPolling();
  if (!conversation) return;
  if ($("messages").dataset.conversation !== conversation) {
    $("messages").replaceChildren(); // another user's transcript is not shown to this one
    humanMode = false;
  }
  $("messages").dataset.conversation = conversation;
  const cursor = Outbox.readCursor(localStorage.getItem(Outbox.cursorKey(conversation)));
  poller = { conversation, cursor, timer: null, dueAt: 0, inFlight: false, failures: 0, lastActivity: Date.now() };
  schedule(poller, 0);
}

function stopPolling() {
  if (poller) clearTimeout(poller.timer);
  poller = null;
}

function schedule(current, delay) {
  clearTimeout(current.timer);
  current.timer = null;
  if (poller !== current || document.hidden) return; // stopped, or paused while the page is not visible
  current.dueAt = Date.now() + delay;
  current.timer = setTimeout(() => pollOutbox(current), delay);
}

// The user did something (wrote, came back to the page): poll within `delay` ms and keep polling fast.
function wake(delay) {
  if (!poller) return;
  poller.lastActivity = Date.now();
  if (!poller.inFlight && (!poller.timer || poller.dueAt > Date.now() + delay)) schedule(poller, delay);
}

async function pollOutbox(current) {
  current.timer = null;
  const bearer = token();
  if (poller !== current || current.inFlight) return;
  if (!bearer) return stopPolling();
  if (Outbox.conversationId(bearer) !== current.conversation) return startPolling(); // another login (other tab)
  current.inFlight = true;
  let delay;
  try {
    const answer = await fetch(Outbox.messagesPath(current.conversation, current.cursor), {
      headers: { Authorization: `Bearer ${bearer}` },
      cache: "no-store",
    });
    if (!answer.ok) throw new Error(`outbox ${answer.status}`);
    const batch = await answer.json();
    if (poller !== current) return; // logged out or another user while in flight: drop the answer
    const merged = Outbox.merge(current.cursor, batch);
    current.cursor = merged.cursor;
    localStorage.setItem(Outbox.cursorKey(current.conversation), String(merged.cursor));
    merged.fresh.forEach(addStaffMessage);
    if (merged.fresh.length) {
      current.lastActivity = Date.now();
      if (merged.fresh.some((message) => message.sender !== "notification")) humanMode = true;
      if ($("chat-view").hidden) $("tab-chat").classList.add("unread"); // 我的申请 is shown: mark the chat tab
    }
    current.failures = 0;
    delay = Outbox.hasMore(batch) ? 0 : Outbox.nextDelay(0, current.lastActivity, Date.now());
  } catch (error) {
    // Network trouble, a refused token or a busy service: back off and retry; the chat itself goes on (a bad
    // token brings the login back on the next message to the bot).
    current.failures += 1;
    delay = Outbox.nextDelay(current.failures, current.lastActivity, Date.now());
  } finally {
    current.inFlight = false;
  }
  if (delay !== undefined) schedule(current, delay);
}

function addStaffMessage(message) {
  const notice = message.sender === "notification"; // a status notification (issue 15), not a person
  const item = addMessage(notice ? "staff notification" : "staff", message.text);
  item.dataset.id = String(message.id);
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = notice ? "办理通知" : "人工客服";
  item.prepend(who);
  if (message.at) item.title = new Date(message.at).toLocaleString("zh-CN");
}

// 👍/👎 under a knowledge answer, and an optional "没帮到我，因为…" after 👎; the vote goes to the service with the
// question, the answer and its source (docs/closed_loop_api.md, "Answer feedback").
function addVoting(item, answer, feedback) {
  const box = document.createElement("div");
  box.className = "answer-feedback";
  const note = document.createElement("span");
  note.className = "note";
  const up = voteButton("👍 有帮助", "helpful");
  const down = voteButton("👎 没帮到", "unhelpful");
  const reason = document.createElement("form");
  reason.className = "reason";
  reason.hidden = true;
  const why = document.createElement("input");
  why.maxLength = 500;
  why.placeholder = AnswerFeedback.REASON_PROMPT;
  why.setAttribute("aria-label", "没帮到的原因");
  const submit = document.createElement("button");
  submit.type = "submit";
  submit.textContent = "提交";
  reason.append(why, submit);
  up.addEventListener("click", () => vote(true, ""));
  down.addEventListener("click", () => {
    up.hidden = down.hidden = true;
    reason.hidden = false;
    why.focus();
  });
  reason.addEventListener("submit", (event) => {
    event.preventDefault();
    vote(false, why.value);
  });
  async function vote(helpful, why) {
    const bearer = token();
    if (!bearer) return loggedOut("登录已过期，请重新登录。");
    up.hidden = down.hidden = reason.hidden = true;
    note.textContent = "正在提交…";
    try {
      const answerBack = await fetch("/api/v1/feedback/answers", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${bearer}` },
        body: JSON.stringify(AnswerFeedback.body(feedback, answer, helpful, why)),
      });
      if (!answerBack.ok) throw new Error(String(answerBack.status));
      note.textContent = `${helpful ? "👍" : "👎"} ${AnswerFeedback.THANKS}`;
      box.dataset.voted = helpful ? "helpful" : "unhelpful";
    } catch (error) {
      note.textContent = "提交失败，请稍后再试。";
      up.hidden = down.hidden = false;
    }
  }
  box.append(up, down, reason, note);
  item.appendChild(box);
}

function voteButton(title, kind) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `vote ${kind}`;
  button.textContent = title;
  return button;
}

function addReply(reply) {
  const item = addMessage("bot", reply.text || "");
  if (reply.image) {
    const image = document.createElement("img");
    image.src = reply.image;
    image.alt = "";
    item.appendChild(image);
  }
  if (Array.isArray(reply.buttons) && reply.buttons.length) {
    const buttons = document.createElement("div");
    buttons.className = "buttons";
    for (const button of reply.buttons) {
      const element = document.createElement("button");
      element.type = "button";
      element.textContent = button.title;
      element.addEventListener("click", () => send(button.payload || button.title, button.title));
      buttons.appendChild(element);
    }
    item.appendChild(buttons);
  }
  if (reply.feedback) addVoting(item, reply.text || "", reply.feedback);
}

async function send(message, shown) {
  const bearer = token();
  if (!bearer) return loggedOut("登录已过期，请重新登录。");
  addMessage("user", shown || message);
  wake(Outbox.FAST_MS);
  $("send").disabled = true;
  let answer;
  let body;
  try {
    answer = await fetch(chatUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ message }),
    });
    body = await answer.json().catch(() => null);
  } catch (error) {
    addMessage("system", "网络异常，请稍后再试。");
    return;
  } finally {
    $("send").disabled = false;
  }
  if (token() !== bearer) return; // logged out while waiting: the answer belongs to the old session
  if (answer.status === 401) return loggedOut((body && body.message) || "请重新登录。");
  if (!answer.ok || !Array.isArray(body)) {
    addMessage("system", (body && body.message) || "助手暂时无法回答，请稍后再试。");
    return;
  }
  // Custom payloads are not shown; a knowledge answer's one puts 👍/👎 under the text before it.
  const replies = AnswerFeedback.attach(body, shown || message);
  if (!replies.length) {
    // While a person has the conversation the bot is paused and silent: nothing to say about that.
    if (!humanMode) addMessage("system", "（助手没有回复）");
    return;
  }
  humanMode = false;
  replies.forEach(addReply);
}

function department(progress) {
  const row = document.createElement("li");
  row.className = "department";
  const name = document.createElement("span");
  name.textContent = `${progress.department}：${progress.status_label}`;
  const light = document.createElement("span");
  light.className = `light light-${progress.light || "none"}`;
  light.dataset.light = progress.light || "";
  light.textContent = LIGHTS[progress.light] || "—";
  light.title = progress.due_date ? `办结期限 ${progress.due_date}` : "";
  row.append(name, light);
  if (progress.reason) row.appendChild(node("p", `原因及需补交：${progress.reason}`, "reason")); // 需补正 / 不予受理
  return row;
}

// Issue 15: 免申即享 offers the records prove (confirmed in one step) and, after the licence, seal + bank bookings.
async function authed(method, path, bearer, body) {
  const headers = { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" };
  const answer = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await answer.json().catch(() => null);
  if (!answer.ok) throw new Error((data && (data.errors && data.errors[0] ? data.errors[0].message : data.message)) || `请求失败（${answer.status}）`);
  return data;
}

function node(tag, text, className) {
  const element = document.createElement(tag);
  if (text) element.textContent = text;
  if (className) element.className = className;
  return element;
}

async function showOffers(bearer) {
  const box = $("offers");
  box.replaceChildren();
  const mine = await authed("GET", "/api/v1/me/offers", bearer).catch(() => null);
  if (!mine || !mine.offers.length) return;
  box.appendChild(node("h3", "免申即享：无需填表，一键申领"));
  mine.offers.forEach((offer) => box.appendChild(node("p", `${offer.name}：${offer.reason}`, "offer")));
  const account = node("input");
  account.id = "offer-account";
  account.placeholder = "经营主体银行账号（申领创业补贴需要）";
  account.hidden = !mine.offers.some((offer) => offer.needs.includes("bank_account"));
  const button = node("button", "一键申领");
  button.id = "offer-confirm";
  const result = node("p", "", "offer-result");
  button.addEventListener("click", async () => {
    const body = account.hidden ? {} : { bank_account: account.value.trim() };
    try {
      const application = await authed("POST", "/api/v1/me/offers/confirm", bearer, body);
      await myApplications(); // lists the new application; the offers are gone
      $("offers").appendChild(node("p", `已一键申领，申请编号 ${application.number}`, "offer-result"));
    } catch (error) {
      result.textContent = error.message;
    }
  });
  box.append(account, button, result);
}

async function bookingsBox(number, bearer) {
  const box = node("div", "", "bookings");
  let options;
  try {
    options = await authed("GET", `/api/v1/applications/${encodeURIComponent(number)}/bookings`, bearer);
  } catch (error) {
    box.textContent = error.message;
    return box;
  }
  box.appendChild(node("p", `刻章和银行开户：${options.note}`));
  for (const kind of options.kinds) {
    if (kind.booking) {
      const b = kind.booking;
      const line = node("p", `${kind.label}已预约：${b.provider_name}（${b.provider_address}，${b.provider_phone}），预约号 ${b.reference} `, "booked");
      const cancel = node("button", `取消${kind.label}预约`, "cancel-booking");
      cancel.addEventListener("click", async () => {
        try {
          await authed("DELETE", `/api/v1/applications/${encodeURIComponent(number)}/bookings/${kind.kind}`, bearer);
          box.replaceWith(await bookingsBox(number, bearer));
        } catch (error) {
          line.appendChild(node("small", error.message));
        }
      });
      line.appendChild(cancel);
      box.appendChild(line);
      continue;
    }
    if (kind.cancelled) {
      const c = kind.cancelled;
      box.appendChild(node("p", `${kind.label}预约已取消（${c.provider_name}，预约号 ${c.reference}），已通知该机构；需要时可重新预约。`, "cancelled"));
    }
    if (kind.providers.length) {
      const choice = node("select");
      choice.dataset.kind = kind.kind;
      kind.providers.forEach((p) => { const o = node("option", `${p.name}（${p.address}）`); o.value = p.code; choice.appendChild(o); });
      const button = node("button", `预约${kind.label}`);
      const hint = node("small", `只提供给所选机构：${kind.passed_fields.join("、")}`);
      button.addEventListener("click", async () => {
        try {
          await authed("POST", `/api/v1/applications/${encodeURIComponent(number)}/bookings`, bearer, { kind: kind.kind, provider: choice.value });
          box.replaceWith(await bookingsBox(number, bearer));
        } catch (error) {
          hint.textContent = error.message;
        }
      });
      const row = node("div", "", "booking-choice");
      row.append(choice, button, hint);
      box.appendChild(row);
    }
  }
  return box;
}

async function myApplications() {
  const bearer = token();
  if (!bearer) return loggedOut("登录已过期，请重新登录。");
  show("applications");
  const answer = await fetch("/api/v1/me/applications", { headers: { Authorization: `Bearer ${bearer}` } });
  const body = await answer.json().catch(() => null);
  if (token() !== bearer) return; // logged out while waiting
  if (answer.status === 401) return loggedOut((body && body.message) || "请重新登录。");
  const list = $("applications");
  list.replaceChildren();
  const applications = (body && body.applications) || [];
  $("applications-empty").hidden = applications.length > 0;
  for (const application of applications) {
    const card = document.createElement("li");
    card.className = "application";
    card.dataset.number = application.number;
    const title = document.createElement("h3");
    title.textContent = `${application.number} · ${application.state_label}`;
    const departments = document.createElement("ul");
    departments.className = "departments";
    application.departments.forEach((progress) => departments.appendChild(department(progress)));
    card.append(title, departments);
    list.appendChild(card);
    if (application.items.some((item) => item.code === "business_registration")) {
      card.appendChild(await bookingsBox(application.number, bearer));
    }
  }
  await showOffers(bearer);
}

$("login").addEventListener("click", login);
$("dev-name").addEventListener("keydown", (event) => { if (event.key === "Enter") login(); });
$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("text").value.trim();
  if (!text) return;
  $("text").value = "";
  send(text);
});
$("tab-chat").addEventListener("click", () => show("chat"));
$("my-applications").addEventListener("click", myApplications);
$("logout").addEventListener("click", () => loggedOut(""));
document.addEventListener("visibilitychange", () => {
  if (!poller) return;
  if (document.hidden) schedule(poller, 0); // clears the timer: no polling while the page is not visible
  else wake(0);
});
if (token()) {
  show("chat");
  startPolling();
} else {
  show("login");
}

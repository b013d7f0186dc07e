// H5 web chat: the same behaviour as the mini program (miniprogram/), in a browser.
// Login: development login with a "dev-<name>" code (only the local fake code2Session accepts it); production H5
// would use the official account's web OAuth instead (not built). The token goes to localStorage.
"use strict";

const TOKEN_KEY = "cyyjs.token";
const LIGHTS = { green: "绿灯", yellow: "黄灯", red: "红灯" };
const webhookTemplate = document.querySelector('meta[name="chat-webhook-url"]').content;
const chatUrl = webhookTemplate.replace("{host}", location.hostname);
const $ = (id) => document.getElementById(id);

function token() {
  const saved = JSON.parse(localStorage.getItem(TOKEN_KEY) || "null");
  return saved && saved.expiresAt > Date.now() ? saved.token : null;
}

function show(view) {
  for (const name of ["login", "chat", "applications"]) $(`${name}-view`).hidden = name !== view;
  $("tabs").hidden = view === "login";
  $("tab-chat").classList.toggle("active", view === "chat");
  $("my-applications").classList.toggle("active", view === "applications");
}

function loggedOut(message) {
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
}

async function send(message, shown) {
  const bearer = token();
  if (!bearer) return loggedOut("登录已过期，请重新登录。");
  addMessage("user", shown || message);
  let answer;
  try {
    answer = await fetch(chatUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ message }),
    });
  } catch (error) {
    addMessage("system", "网络异常，请稍后再试。");
    return;
  }
  const body = await answer.json().catch(() => null);
  if (answer.status === 401) return loggedOut((body && body.message) || "请重新登录。");
  if (!answer.ok || !Array.isArray(body)) {
    addMessage("system", (body && body.message) || "助手暂时无法回答，请稍后再试。");
    return;
  }
  if (!body.length) addMessage("system", "（助手没有回复）");
  body.forEach(addReply);
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
  return row;
}

async function myApplications() {
  const bearer = token();
  if (!bearer) return loggedOut("登录已过期，请重新登录。");
  show("applications");
  const answer = await fetch("/api/v1/me/applications", { headers: { Authorization: `Bearer ${bearer}` } });
  const body = await answer.json().catch(() => null);
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
  }
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
show(token() ? "chat" : "login");

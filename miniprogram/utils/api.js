// The assistant's HTTP API as the mini program uses it: wx.login → service token → wx.request with the token.
// The token (a JWT issued by the bundle service, valid `expires_in` seconds) is kept in storage; on 401 the
// mini program logs in again once and repeats the request.
const config = require("../config");
const outbox = require("./outbox");

const TOKEN_KEY = "cyyjs.token";

function savedToken() {
  const saved = wx.getStorageSync(TOKEN_KEY);
  return saved && saved.expiresAt > Date.now() ? saved.token : null;
}

function request(options) {
  return new Promise((resolve, reject) => {
    wx.request({
      ...options,
      success: (answer) => resolve(answer),
      fail: (error) => reject(new Error(error.errMsg || "网络异常，请稍后再试。")),
    });
  });
}

function wxLoginCode() {
  return new Promise((resolve, reject) => {
    wx.login({ success: (result) => resolve(result.code), fail: () => reject(new Error("微信登录失败，请稍后再试。")) });
  });
}

async function login() {
  const code = await wxLoginCode();
  const answer = await request({
    url: `${config.serviceBaseUrl}/api/v1/auth/wechat-login`,
    method: "POST",
    header: { "Content-Type": "application/json" },
    data: { code },
  });
  if (answer.statusCode !== 200) throw new Error((answer.data && answer.data.message) || "登录失败，请稍后再试。");
  wx.setStorageSync(TOKEN_KEY, { token: answer.data.token, expiresAt: Date.now() + answer.data.expires_in * 1000 });
  return answer.data.token;
}

async function ensureLogin() {
  return savedToken() || login();
}

// retried: true for a request that must not log in again on 401 (a poll: it backs off instead).
async function authorized(options, retried = false) {
  const token = await ensureLogin();
  const answer = await request({ ...options, header: { ...(options.header || {}), Authorization: `Bearer ${token}` } });
  if (answer.statusCode === 401 && !retried) {
    wx.removeStorageSync(TOKEN_KEY);
    return authorized(options, true);
  }
  if (answer.statusCode >= 400) throw new Error((answer.data && answer.data.message) || "服务暂时不可用，请稍后再试。");
  return answer.data;
}

// One user turn: the bot's replies [{recipient_id, text, buttons?, image?}] (the sender comes from the token).
function sendMessage(message) {
  return authorized({
    url: config.chatWebhookUrl,
    method: "POST",
    header: { "Content-Type": "application/json" },
    data: { message },
  });
}

// The user's own applications with their state and a light per department.
async function myApplications() {
  const body = await authorized({ url: `${config.serviceBaseUrl}/api/v1/me/applications`, method: "GET" });
  return body.applications;
}

// The logged-in user's conversation, as the service named it in the login token (it verifies the token on polls).
async function conversation() {
  return outbox.conversationId(await ensureLogin());
}

// Staff replies after a handoff with an id above `after`, oldest first (docs/channels.md). A 401 is not retried
// with a new wx.login here: the poll backs off, and the next message to the bot logs in again if needed.
function staffMessages(conversationId, after) {
  return authorized({ url: `${config.serviceBaseUrl}${outbox.messagesPath(conversationId, after)}`, method: "GET" }, true);
}

// 👍/👎 on a knowledge answer (the service forces the conversation to the token's own).
function answerFeedback(body) {
  return authorized({
    url: `${config.serviceBaseUrl}/api/v1/feedback/answers`,
    method: "POST",
    header: { "Content-Type": "application/json" },
    data: body,
  });
}

module.exports = {
  ensureLogin, login, authorized, sendMessage, myApplications, conversation, staffMessages, answerFeedback, TOKEN_KEY,
};

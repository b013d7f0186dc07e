// 知识库管理页: vanilla JS over /api/v1/admin/knowledge (Bearer token kept in sessionStorage for this tab only).
"use strict";

const API = "/api/v1/admin/knowledge";
const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem("kbAdminToken") || "";
let itemNames = {};

function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function time(iso) {
  return iso ? new Date(iso).toLocaleString("zh-CN", { hour12: false }) : "";
}

function say(text) {
  $("status").textContent = text;
}

class ApiError extends Error {
  constructor(status, body) {
    super(body.message || `请求失败（${status}）`);
    this.status = status;
    this.body = body;
  }
}

async function api(path, { method = "GET", json, body, headers = {}, raw = false } = {}) {
  const init = { method, headers: { Authorization: `Bearer ${token}`, ...headers } };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers["Content-Type"] = "application/json";
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(path.startsWith("/") ? path : `${API}/${path}`, init);
  if (response.status === 401 && !$("app").hidden) {
    logout("登录已失效，请重新登录。");
  }
  if (!response.ok) {
    let detail = {};
    try { detail = await response.json(); } catch (_) { /* not JSON */ }
    throw new ApiError(response.status, detail);
  }
  return raw ? response : response.json();
}

function errorText(error) {
  const rows = (error.body?.errors || []).map((e) => e.message);
  return rows.length > 1 ? `${error.message}\n${rows.join("\n")}` : error.message;
}

// ---- login: the admin token, or an admin account (POST /api/v1/staff/login gives a session token) ----
async function login(event) {
  event?.preventDefault();
  token = $("token").value.trim() || token;
  await enter(event ? "管理员（令牌）" : sessionStorage.getItem("kbAdminName") || "管理员");
}

async function accountLogin(event) {
  event.preventDefault();
  const response = await fetch("/api/v1/staff/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: $("username").value.trim(), password: $("password").value }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    $("login-error").textContent = body.message || "登录失败。";
    return;
  }
  token = body.token;
  await enter(`${body.staff.display_name}（${body.staff.id}）`);
}

async function enter(name) {
  try {
    await api("faqs?q=__login_check__");
    sessionStorage.setItem("kbAdminToken", token);
    sessionStorage.setItem("kbAdminName", name);
    $("login-panel").hidden = true;
    $("app").hidden = false;
    $("logout").hidden = false;
    $("who").textContent = name;
    $("login-error").textContent = "";
    await loadItems();
    await loadFaqs();
  } catch (error) {
    const reasons = { 401: "令牌或登录状态无效。", 403: "该账号没有管理员权限。" };
    $("login-error").textContent = reasons[error.status] || errorText(error);
  }
}

function logout(message) {
  token = "";
  sessionStorage.removeItem("kbAdminToken");
  sessionStorage.removeItem("kbAdminName");
  $("app").hidden = true;
  $("logout").hidden = true;
  $("login-panel").hidden = false;
  $("who").textContent = "";
  $("login-error").textContent = message || "";
}

async function loadItems() {
  const items = await api("/api/v1/items");
  itemNames = Object.fromEntries(items.map((i) => [i.code, i.name]));
  for (const select of [$("faq-item"), $("hit-item"), $("resolve-item")]) {
    select.length = 1;
    for (const item of items) {
      select.add(new Option(`${item.name}（${item.code}）`, item.code));
    }
  }
}

// ---- tabs ----
const loaders = {
  faqs: () => loadFaqs(),
  documents: () => loadDocuments(),
  hits: () => {},
  unanswered: () => loadQueue(),
  files: () => {},
  audit: () => loadAudit(),
  dashboard: () => window.adminDashboard.load(),
};

function showTab(name) {
  for (const button of document.querySelectorAll("#tabs button")) {
    button.classList.toggle("active", button.dataset.tab === name);
  }
  for (const section of document.querySelectorAll(".tab")) {
    section.hidden = section.id !== `tab-${name}`;
  }
  say("");
  loaders[name]().catch((error) => say(errorText(error)));
}

// ---- FAQs ----
async function loadFaqs() {
  const params = new URLSearchParams({ q: $("faq-search").value.trim(), include_deleted: $("faq-deleted").checked });
  const rows = await api(`faqs?${params}`);
  $("faq-rows").innerHTML = rows.map((f) => `
    <tr class="clickable ${f.active ? "" : "inactive"}" data-id="${escapeHtml(f.id)}">
      <td>${escapeHtml(f.id)}</td><td>${escapeHtml(f.question)}</td>
      <td>${escapeHtml(itemNames[f.item] || "")}</td><td>${f.version}</td><td>${f.active ? "有效" : "已删除"}</td>
    </tr>`).join("");
  say(`共 ${rows.length} 条常见问题。`);
}

function newFaq() {
  $("faq-form").reset();
  $("faq-id").value = "";
  $("faq-form-title").textContent = "新建问题";
  $("faq-delete").hidden = true;
  $("faq-reindex").hidden = true;
  $("faq-history").hidden = true;
  $("faq-error").textContent = "";
  $("faq-question").focus();
}

async function openFaq(faqId) {
  const faq = await api(`faqs/${encodeURIComponent(faqId)}`);
  $("faq-id").value = faq.id;
  $("faq-form-title").textContent = `编辑 ${faq.id}（第 ${faq.version} 版${faq.active ? "" : "，已删除"}）`;
  $("faq-question").value = faq.question;
  $("faq-answer").value = faq.answer;
  $("faq-item").value = faq.item || "";
  $("faq-tags").value = faq.tags.join("|");
  $("faq-similar").value = (faq.similar || []).join("\n");
  $("faq-delete").hidden = !faq.active;
  $("faq-reindex").hidden = false;
  $("faq-error").textContent = "";
  await loadVersions(faq.id);
}

async function loadVersions(faqId) {
  const versions = await api(`faqs/${encodeURIComponent(faqId)}/versions`);
  const actions = { created: "新建", updated: "修改", deleted: "删除", rolled_back: "回滚", seeded: "初始", refreshed: "同步" };
  $("version-rows").innerHTML = versions.map((v, index) => `
    <tr class="${v.active ? "" : "inactive"}">
      <td>${v.version}</td><td>${escapeHtml(actions[v.action] || v.action)}</td><td>${escapeHtml(v.answer)}</td>
      <td>${escapeHtml(v.changed_by)}</td><td>${time(v.changed_at)}</td>
      <td>${index === 0 ? "当前" : `<button class="secondary rollback" data-version="${v.version}">回滚到此版</button>`}</td>
    </tr>`).join("");
  $("faq-history").hidden = false;
}

async function saveFaq(event) {
  event.preventDefault();
  const faqId = $("faq-id").value;
  const json = {
    question: $("faq-question").value,
    answer: $("faq-answer").value,
    item: $("faq-item").value || null,
    tags: $("faq-tags").value.split("|").map((t) => t.trim()).filter(Boolean),
    similar: $("faq-similar").value.split("\n").map((t) => t.trim()).filter(Boolean),
  };
  try {
    const faq = faqId
      ? await api(`faqs/${encodeURIComponent(faqId)}`, { method: "PUT", json })
      : await api("faqs", { method: "POST", json });
    await loadFaqs();
    await openFaq(faq.id);
    say(`已保存 ${faq.id}（第 ${faq.version} 版），已可检索。`);
  } catch (error) {
    $("faq-error").textContent = errorText(error);
  }
}

async function deleteFaq() {
  const faqId = $("faq-id").value;
  if (!faqId || !confirm(`确定删除 ${faqId}？（可从版本记录回滚恢复）`)) return;
  try {
    await api(`faqs/${encodeURIComponent(faqId)}`, { method: "DELETE" });
    await loadFaqs();
    await openFaq(faqId);
    say(`已删除 ${faqId}。`);
  } catch (error) {
    $("faq-error").textContent = errorText(error);
  }
}

async function rollback(version) {
  const faqId = $("faq-id").value;
  try {
    const faq = await api(`faqs/${encodeURIComponent(faqId)}/rollback`, { method: "POST", json: { version } });
    await loadFaqs();
    await openFaq(faqId);
    say(`${faqId} 已回滚到第 ${version} 版的内容（现为第 ${faq.version} 版）。`);
  } catch (error) {
    $("faq-error").textContent = errorText(error);
  }
}

async function reindex(faqId) {
  say("正在重建索引…");
  try {
    const report = await api("reindex", { method: "POST", json: faqId ? { faq_id: faqId } : {} });
    say(`索引已更新：共 ${report.total} 条，重新向量化 ${report.embedded} 条，移除 ${report.removed} 条，用时 ${report.seconds.toFixed(1)} 秒。`);
  } catch (error) {
    say(errorText(error));
  }
}

// ---- documents ----
async function loadDocuments() {
  const rows = await api("documents");
  $("doc-rows").innerHTML = rows.map((d) => `
    <tr>
      <td>${escapeHtml(d.path)}</td><td>${escapeHtml(d.title)}</td><td>${escapeHtml(itemNames[d.item] || "")}</td>
      <td>${escapeHtml(d.region)}</td><td>${escapeHtml(d.effective_date || "")}</td><td>${escapeHtml(d.source || "")}</td>
      <td><button class="danger withdraw" data-path="${escapeHtml(d.path)}">下线</button></td>
    </tr>`).join("");
  say(`共 ${rows.length} 篇文档。`);
}

async function uploadDocument(event) {
  event.preventDefault();
  $("doc-errors").innerHTML = "";
  try {
    const doc = await api("documents", { method: "POST", json: { path: $("doc-path").value.trim(), content: $("doc-content").value } });
    say(`已上传《${doc.title}》，已可检索。`);
    await loadDocuments();
  } catch (error) {
    const reasons = error.body?.errors?.length ? error.body.errors.map((e) => e.message) : [error.message];
    $("doc-errors").innerHTML = reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join("");
  }
}

async function withdraw(path) {
  if (!confirm(`确定下线 ${path}？`)) return;
  try {
    await api(`documents/${path.split("/").map(encodeURIComponent).join("/")}`, { method: "DELETE" });
    await loadDocuments();
    say(`已下线 ${path}。`);
  } catch (error) {
    say(errorText(error));
  }
}

// ---- hit testing ----
async function hitTest(event) {
  event.preventDefault();
  const json = { query: $("hit-query").value, item: $("hit-item").value || null, region: $("hit-region").value.trim() || null };
  try {
    const result = await api("hit-test", { method: "POST", json });
    const labels = { faq: "直接回答（常见问题）", answer: "给出最相关的段落", not_found: "未找到（会转人工）" };
    $("hit-answer").textContent = `结果：${labels[result.status]}，用时 ${result.took_ms} 毫秒\n\n${result.answer}`;
    $("hit-rows").innerHTML = result.hits.map((h, index) => `
      <tr>
        <td>${index + 1}</td><td>${h.score.toFixed(3)}</td><td>${h.dense.toFixed(3)}</td><td>${h.bm25.toFixed(3)}</td>
        <td>${escapeHtml(h.kind === "faq" ? h.source : `《${h.document}》· ${h.section}`)}</td><td>${escapeHtml(h.text)}</td>
      </tr>`).join("");
  } catch (error) {
    $("hit-answer").textContent = errorText(error);
  }
}

// ---- unanswered queue ----
async function loadQueue() {
  const rows = await api(`unanswered?status=${$("queue-status").value}`);
  const labels = { open: "待处理", resolved: "已解决", dismissed: "已忽略" };
  $("queue-rows").innerHTML = rows.map((q) => `
    <tr>
      <td>${q.id}</td><td>${escapeHtml(q.question)}</td><td>${time(q.asked_at)}</td>
      <td>${q.best_score == null ? "" : q.best_score.toFixed(3)}</td>
      <td>${labels[q.status] || q.status}${q.resolved_by_faq_id ? `（${escapeHtml(q.resolved_by_faq_id)}）` : ""}</td>
      <td>${q.status === "open" ? `<button class="write" data-id="${q.id}" data-question="${escapeHtml(q.question)}">写答案</button>
        <button class="secondary dismiss" data-id="${q.id}" title="不属于本知识库：以后同类问题直接答复“没有找到”">忽略（不属于本库）</button>` : ""}</td>
    </tr>`).join("");
  say(`共 ${rows.length} 个问题。`);
}

function startResolve(id, question) {
  $("resolve-form").hidden = false;
  $("resolve-id").textContent = id;
  $("resolve-question").value = question;
  $("resolve-answer").value = "";
  $("resolve-error").textContent = "";
  $("resolve-answer").focus();
}

async function resolve(event) {
  event.preventDefault();
  const id = $("resolve-id").textContent;
  const json = { question: $("resolve-question").value, answer: $("resolve-answer").value, item: $("resolve-item").value || null };
  try {
    const result = await api(`unanswered/${id}/resolve`, { method: "POST", json });
    $("resolve-form").hidden = true;
    say(`已新建 ${result.faq.id} 并关闭问题 ${id}。`);
    await loadQueue();
  } catch (error) {
    $("resolve-error").textContent = errorText(error);
  }
}

async function dismiss(id) {
  try {
    await api(`unanswered/${id}/dismiss`, { method: "POST" });
    say(`已忽略问题 ${id}：它已加入“不属于本知识库的问题”，同类问题将直接答复没有找到。`);
    await loadQueue();
  } catch (error) {
    say(errorText(error));
  }
}

// ---- import / export ----
async function exportFaqs(format) {
  try {
    const response = await api(`faqs/export?format=${format}`, { raw: true });
    const blob = await response.blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = (response.headers.get("Content-Disposition") || "").match(/filename="(.+)"/)?.[1] || `faqs.${format}`;
    link.click();
    URL.revokeObjectURL(link.href);
  } catch (error) {
    say(errorText(error));
  }
}

async function importFaqs() {
  const file = $("import-file").files[0];
  const list = $("import-result");
  if (!file) { list.innerHTML = "<li class=\"error\">请先选择文件。</li>"; return; }
  const format = file.name.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
  try {
    const report = await api(`faqs/import?format=${format}`, { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } });
    list.innerHTML = `<li>新建 ${report.created.length} 条，修改 ${report.updated.length} 条，未变 ${report.unchanged.length} 条。</li>`;
    await loadFaqs();
  } catch (error) {
    const rows = (error.body?.errors || []).map((e) => `<li class="error">${escapeHtml(e.message)}</li>`).join("");
    list.innerHTML = `<li class="error">${escapeHtml(error.message)}</li>${rows}`;
  }
}

// ---- audit ----
async function loadAudit(event) {
  event?.preventDefault();
  const params = new URLSearchParams();
  if ($("audit-action").value) params.set("action", $("audit-action").value);
  if ($("audit-actor").value.trim()) params.set("actor", $("audit-actor").value.trim());
  if ($("audit-faq").value.trim()) params.set("faq_id", $("audit-faq").value.trim());
  const rows = await api(`audit?${params}`);
  $("audit-rows").innerHTML = rows.map((e) => `
    <tr><td>${time(e.at)}</td><td>${escapeHtml(e.actor)}</td><td>${escapeHtml(e.action)}</td>
    <td>${escapeHtml(Object.entries(e.details).map(([k, v]) => `${k}: ${v}`).join("，"))}</td></tr>`).join("");
  say(`共 ${rows.length} 条记录。`);
}

// ---- wiring ----
$("login-form").addEventListener("submit", login);
$("account-form").addEventListener("submit", accountLogin);
$("logout").addEventListener("click", () => logout());
$("tabs").addEventListener("click", (event) => { if (event.target.dataset.tab) showTab(event.target.dataset.tab); });
let searchTimer;
$("faq-search").addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(() => loadFaqs().catch((e) => say(errorText(e))), 250); });
$("faq-deleted").addEventListener("change", () => loadFaqs());
$("faq-new").addEventListener("click", newFaq);
$("faq-rows").addEventListener("click", (event) => { const row = event.target.closest("tr"); if (row) openFaq(row.dataset.id); });
$("faq-form").addEventListener("submit", saveFaq);
$("faq-delete").addEventListener("click", deleteFaq);
$("faq-reindex").addEventListener("click", () => reindex($("faq-id").value));
$("reindex-all").addEventListener("click", () => reindex(null));
$("version-rows").addEventListener("click", (event) => { if (event.target.classList.contains("rollback")) rollback(Number(event.target.dataset.version)); });
$("doc-form").addEventListener("submit", uploadDocument);
$("doc-file").addEventListener("change", async () => {
  const file = $("doc-file").files[0];
  if (!file) return;
  $("doc-content").value = await file.text();
  if (!$("doc-path").value) $("doc-path").value = `local/${file.name.replace(/[^\w\-.]/g, "_")}`;
});
$("doc-rows").addEventListener("click", (event) => { if (event.target.classList.contains("withdraw")) withdraw(event.target.dataset.path); });
$("hit-form").addEventListener("submit", hitTest);
$("queue-status").addEventListener("change", () => loadQueue());
$("queue-rows").addEventListener("click", (event) => {
  const { classList, dataset } = event.target;
  if (classList.contains("write")) startResolve(dataset.id, dataset.question);
  if (classList.contains("dismiss")) dismiss(dataset.id);
});
$("resolve-form").addEventListener("submit", resolve);
$("resolve-cancel").addEventListener("click", () => { $("resolve-form").hidden = true; });
$("export-csv").addEventListener("click", () => exportFaqs("csv"));
$("export-xlsx").addEventListener("click", () => exportFaqs("xlsx"));
$("import-run").addEventListener("click", importFaqs);
$("audit-form").addEventListener("submit", loadAudit);
if (token) login();

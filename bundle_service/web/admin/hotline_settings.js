// 诉求设置 tab of the admin page: the 诉求 categories with their time limits, and the service hours
// (GET/PUT /api/v1/admin/hotline/…). Uses api, say, errorText, escapeHtml, time and loaders of admin.js.
"use strict";

const HOTLINE = "/api/v1/admin/hotline";
let hotlineCategories = [];

function savedBy(body) {
  return body.updated_by ? `最后修改：${body.updated_by}，${time(body.updated_at)}` : "当前为默认设置（数据文件）。";
}

function categoryRow(c, index) {
  return `<tr data-index="${index}">
    <td><input class="cat-code" value="${escapeHtml(c.code)}" size="12" ${c.isNew ? "" : "readonly"}></td>
    <td><input class="cat-label" value="${escapeHtml(c.label)}" size="14"></td>
    <td><input class="cat-days" type="number" min="1" max="60" value="${c.time_limit_days}"></td>
    <td><input class="cat-keywords" value="${escapeHtml(c.keywords.join("、"))}" size="30"></td>
    <td><input class="cat-selectable" type="checkbox" ${c.selectable ? "checked" : ""}></td>
    <td><input class="cat-reason" value="${escapeHtml(c.reason)}" size="30"></td>
    <td>${c.isNew ? '<button type="button" class="secondary cat-remove">删除</button>' : ""}</td></tr>`;
}

function renderCategories() {
  $("cat-rows").innerHTML = hotlineCategories.map(categoryRow).join("");
}

function readCategories() {
  return [...document.querySelectorAll("#cat-rows tr")].map((row) => ({
    code: row.querySelector(".cat-code").value.trim(),
    label: row.querySelector(".cat-label").value.trim(),
    time_limit_days: Number(row.querySelector(".cat-days").value),
    keywords: row.querySelector(".cat-keywords").value.split(/[、,，\s]+/).filter(Boolean),
    selectable: row.querySelector(".cat-selectable").checked,
    reason: row.querySelector(".cat-reason").value.trim(),
  }));
}

function periodRow(p) {
  return `<div class="row period"><input class="period-start" value="${escapeHtml(p.start)}" size="5"> –
    <input class="period-end" value="${escapeHtml(p.end)}" size="5">
    <button type="button" class="secondary period-remove">删除</button></div>`;
}

async function loadHotlineSettings() {
  const [categories, hours] = await Promise.all([api(`${HOTLINE}/categories`), api(`${HOTLINE}/service-hours`)]);
  hotlineCategories = categories.categories;
  renderCategories();
  $("cat-saved").textContent = savedBy(categories);
  $("period-rows").innerHTML = hours.periods.map(periodRow).join("");
  $("hours-saved").textContent = savedBy(hours);
}

async function saveCategories() {
  const body = await api(`${HOTLINE}/categories`, { method: "PUT", json: { categories: readCategories() } });
  hotlineCategories = body.categories;
  renderCategories();
  $("cat-saved").textContent = savedBy(body);
  say("诉求类别已保存，新提交的诉求按新设置分类和计算时限。");
}

async function saveHours() {
  const periods = [...document.querySelectorAll("#period-rows .period")].map((row) => ({
    start: row.querySelector(".period-start").value.trim(),
    end: row.querySelector(".period-end").value.trim(),
  }));
  const body = await api(`${HOTLINE}/service-hours`, { method: "PUT", json: { periods } });
  $("period-rows").innerHTML = body.periods.map(periodRow).join("");
  $("hours-saved").textContent = savedBy(body);
  say("服务时间已保存。");
}

loaders.hotline = () => loadHotlineSettings();
const reportError = (error) => say(errorText(error));
const keepNew = () => readCategories().map((c, i) => ({ ...c, isNew: hotlineCategories[i].isNew }));
$("cat-add").addEventListener("click", () => {
  hotlineCategories = keepNew();
  hotlineCategories.push({ code: "", label: "", time_limit_days: 5, keywords: [], selectable: true, reason: "", isNew: true });
  renderCategories();
});
$("cat-rows").addEventListener("click", (event) => {
  if (!event.target.classList.contains("cat-remove")) return;
  const index = Number(event.target.closest("tr").dataset.index);
  hotlineCategories = keepNew();
  hotlineCategories.splice(index, 1);
  renderCategories();
});
$("cat-save").addEventListener("click", () => saveCategories().catch(reportError));
$("period-add").addEventListener("click", () => $("period-rows").insertAdjacentHTML("beforeend", periodRow({ start: "", end: "" })));
$("period-rows").addEventListener("click", (event) => {
  if (event.target.classList.contains("period-remove")) event.target.closest(".period").remove();
});
$("hours-save").addEventListener("click", () => saveHours().catch(reportError));

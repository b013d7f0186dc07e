// 刻章与开户机构 tab of the admin page: the seal engravers and bank branches offered after the licence
// (GET/PUT /api/v1/admin/bookings/providers). Uses api, say, errorText, escapeHtml, time and loaders of admin.js.
"use strict";

const PROVIDERS = "/api/v1/admin/bookings/providers";
const PROVIDER_FIELDS = ["code", "kind", "name", "city", "county", "address", "phone"];

function providerRow(p) {
  const cells = PROVIDER_FIELDS.map((field) =>
    field === "kind"
      ? `<td><select class="prov-kind"><option value="seal" ${p.kind === "seal" ? "selected" : ""}>刻章店</option>
         <option value="bank" ${p.kind === "bank" ? "selected" : ""}>银行网点</option></select></td>`
      : `<td><input class="prov-${field}" value="${escapeHtml(p[field] || "")}" size="${field === "address" ? 28 : 12}"
         ${field === "code" && !p.isNew ? "readonly" : ""}></td>`);
  return `<tr>${cells.join("")}<td><input class="prov-active" type="checkbox" ${p.active ? "checked" : ""}></td></tr>`;
}

function readProviders() {
  return [...document.querySelectorAll("#prov-rows tr")].map((row) => {
    const entry = Object.fromEntries(PROVIDER_FIELDS.map((f) => [f, row.querySelector(`.prov-${f}`).value.trim()]));
    return { ...entry, active: row.querySelector(".prov-active").checked };
  });
}

function showProviders(body) {
  $("prov-rows").innerHTML = body.providers.map(providerRow).join("");
  $("prov-saved").textContent = body.updated_by
    ? `最后修改：${body.updated_by}，${time(body.updated_at)}` : "当前为默认名单（数据文件）。";
}

loaders.providers = async () => showProviders(await api(PROVIDERS));
$("prov-add").addEventListener("click", () =>
  $("prov-rows").insertAdjacentHTML("beforeend", providerRow({ kind: "seal", active: true, isNew: true })));
$("prov-save").addEventListener("click", async () => {
  try {
    showProviders(await api(PROVIDERS, { method: "PUT", json: { providers: readProviders() } }));
    say("机构名单已保存，之后选择机构的用户看到新名单。");
  } catch (error) {
    say(errorText(error));
  }
});

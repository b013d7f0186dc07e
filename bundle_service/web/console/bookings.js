// Seal and bank bookings after the licence (issue 15, docs/offers_and_bookings.md), under the verified application
// in the console: what was booked, with whom, and what the provider received; while a kind is open, the providers
// near the premises to choose from for the caller (预约), with what the chosen one will receive. Only the chosen
// provider is told anything, and only when staff press 预约 (booked as the staff member, audited). 取消预约 tells the
// provider and keeps the booking shown as 已取消 until the kind is booked again.
// Uses console.js's api/el.
"use strict";

function bookedLine(kind, number, last6, refresh) {
  const b = kind.booking;
  const button = el("button", { type: "button", class: "cancel-booking" }, "取消预约");
  const message = el("span", { class: "error" });
  button.addEventListener("click", async () => {
    button.disabled = true;
    message.textContent = "";
    try {
      await api("DELETE", `/api/v1/applications/${encodeURIComponent(number)}/bookings/${kind.kind}`, undefined,
        { "X-Id-Last6": last6 });
      await refresh();
    } catch (error) {
      message.textContent = " " + error.message;
      button.disabled = false;
    }
  });
  return el("li", { class: "booking" },
    kind.label + "：" + b.provider_name + "（" + b.provider_phone + "），预约号 " + b.reference +
    "；已提供：" + Object.keys(b.passed).length + "项（" + kind.passed_fields.join("、") + "） ", button, message);
}

function cancelledLine(kind) {
  const c = kind.cancelled;
  return el("li", { class: "booking-cancelled" },
    kind.label + "：已取消（" + c.provider_name + "，预约号 " + c.reference + "，" + (c.cancelled_by || "") + "）");
}

function bookingChoice(kind, number, last6, refresh) {
  const select = el("select", { "data-kind": kind.kind },
    kind.providers.map((p) => el("option", { value: p.code }, p.name + "（" + p.county + "，" + p.address + "）")));
  const button = el("button", { type: "button", class: "book" }, "预约");
  const message = el("span", { class: "error" });
  button.addEventListener("click", async () => {
    button.disabled = true;
    message.textContent = "";
    try {
      await api("POST", `/api/v1/applications/${encodeURIComponent(number)}/bookings`,
        { kind: kind.kind, provider: select.value }, { "X-Id-Last6": last6 });
      await refresh();
    } catch (error) {
      message.textContent = " " + error.message;
      button.disabled = false;
    }
  });
  return el("li", { class: "booking-choice" }, kind.label + "（" + kind.provider_label + "）：", select, " ", button,
    el("small", {}, "　选定后只提供：" + kind.passed_fields.join("、")), message);
}

async function bookingsView(number, last6) {
  const box = el("div", { class: "bookings" });
  const refresh = async () => {
    let options;
    try {
      options = await api("GET", `/api/v1/applications/${encodeURIComponent(number)}/bookings`, undefined,
        { "X-Id-Last6": last6 });
    } catch (error) {
      box.replaceChildren(el("p", { class: "error" }, "刻章和银行开户预约暂时查不到：" + error.message));
      return;
    }
    const booked = options.kinds.filter((k) => k.booking).map((k) => bookedLine(k, number, last6, refresh))
      .concat(options.kinds.filter((k) => !k.booking && k.cancelled).map(cancelledLine));
    const open = options.kinds.filter((k) => !k.booking && k.providers.length)
      .map((k) => bookingChoice(k, number, last6, refresh));
    box.replaceChildren(el("p", {}, "刻章和银行开户：", options.note),
      booked.length ? el("ul", {}, booked) : el("p", {}, options.available ? "尚未预约。" : ""),
      open.length ? el("ul", { class: "booking-choices" }, open) : "");
  };
  await refresh();
  return box;
}

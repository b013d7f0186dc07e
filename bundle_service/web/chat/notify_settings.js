// 我的 · 通知设置 of the H5 page (issue 15): turn status notifications on or off (GET/PUT /api/v1/me/notifications).
// Loaded after chat.js and uses its token(); shown with 我的申请. The mini program's page does the same and also asks
// for WeChat subscribe messages (wx.requestSubscribeMessage), which a browser cannot.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);

  async function call(method, body) {
    const bearer = token();
    if (!bearer) return null;
    const headers = { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" };
    const answer = await fetch("/api/v1/me/notifications", { method, headers, body: body && JSON.stringify(body) });
    return answer.ok ? answer.json() : null;
  }

  function render(settings) {
    if (!settings) return;
    $("notify-settings").hidden = false;
    $("notify-enabled").checked = settings.enabled;
    const quiet = settings.quiet_hours ? `${settings.quiet_hours} 之间只发送需补正、已超期等不能等的通知。` : "";
    $("notify-note").textContent = settings.enabled ? `已开启。${quiet}` : "已关闭：有变化时不会通知您，可在“我的申请”中查看。";
  }

  $("my-applications").addEventListener("click", async () => render(await call("GET")));
  $("notify-enabled").addEventListener("change", async (event) => {
    render(await call("PUT", { enabled: event.target.checked }));
  });
})();

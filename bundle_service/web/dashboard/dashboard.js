// 运营看板 (admin dashboard): figures of GET /api/v1/admin/insights drawn with Chart.js (served by the service,
// /admin/vendor/chart.umd.min.js). Runs inside the admin page: reuses its token (sessionStorage) and its tab.
"use strict";

(() => {
  const API = "/api/v1/admin/insights";
  const $ = (id) => document.getElementById(id);
  const charts = {};
  const COLORS = {
    rest: "#4e79a7", miniprogram: "#59a14f", wechat: "#76b7b2", hotline: "#f28e2b", other: "#bab0ac",
    green: "#2e9e44", yellow: "#e8b400", red: "#d63c3c", finished: "#8c8c8c", refused: "#5a5a5a",
    answered: "#2e9e44", suggested: "#e8b400", not_found: "#d63c3c", declined: "#b07aa1", handed_off: "#4e79a7",
    up: "#2e9e44", down: "#d63c3c", score: "#4e79a7",
  };
  const OUTCOME_LABELS = {
    answered: "已回答", suggested: "给出相近问题", not_found: "未找到/拒答", declined: "超出范围（婉拒）", handed_off: "转人工",
  };
  const LIGHT_LABELS = { green: "绿灯", yellow: "黄灯", red: "红灯", finished: "已办结", refused: "不予受理" };

  function esc(text) {
    return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function token() {
    return sessionStorage.getItem("kbAdminToken") || "";
  }

  async function call(path, init = {}) {
    const response = await fetch(path, { ...init, headers: { Authorization: `Bearer ${token()}`, ...(init.headers || {}) } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.message || `请求失败（${response.status}）`);
    return body;
  }

  let today = null; // the service's today (its time zone), from the last answer

  function shiftDay(iso, days) {
    const day = new Date(`${iso}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + days);
    return day.toISOString().slice(0, 10);
  }

  function setRange(days) {
    if (!today) return;
    $("dash-to").value = today;
    $("dash-from").value = shiftDay(today, 1 - days);
  }

  function draw(id, config) {
    if (typeof Chart === "undefined") {
      $("dash-status").textContent = "图表库未安装（运行 make venvs），以下只显示表格。";
      return;
    }
    charts[id]?.destroy();
    config.options = { animation: false, responsive: true, maintainAspectRatio: false, ...(config.options || {}) };
    charts[id] = new Chart($(id), config);
  }

  function stacked(extra = {}) {
    const axis = { stacked: true, beginAtZero: true, ticks: { precision: 0 } };
    return { scales: { x: axis, y: axis }, ...extra };
  }

  function renderConversations(c) {
    const note = c.available ? "" : `（${c.reason || "会话记录不可用"}）`;
    $("dash-conv-note").textContent = note;
    draw("chart-conversations", {
      type: "bar",
      data: {
        labels: c.days.map((d) => d.slice(5)),
        datasets: c.channels.map((ch) => ({ label: ch.label, data: ch.per_day, backgroundColor: COLORS[ch.code] || COLORS.other })),
      },
      options: stacked(),
    });
    $("dash-conv-rows").innerHTML = c.channels.map((ch) =>
      `<tr><td>${esc(ch.label)}</td><td>${ch.total}</td><td>${ch.messages}</td></tr>`).join("");
  }

  function renderQuestions(q, declined) {
    const keys = Object.keys(OUTCOME_LABELS);
    const values = { ...q.outcomes, declined };
    draw("chart-outcomes", {
      type: "bar",
      data: { labels: keys.map((k) => OUTCOME_LABELS[k]), datasets: [{ label: "问题数", data: keys.map((k) => values[k]), backgroundColor: keys.map((k) => COLORS[k]) }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    $("dash-outcome-rows").innerHTML = keys.map((k) => `<tr><td>${OUTCOME_LABELS[k]}</td><td>${values[k]}</td></tr>`).join("")
      + `<tr><td>知识库提问合计</td><td>${q.outcomes.asked}</td></tr>`;
    $("dash-top-rows").innerHTML = q.most_asked.map((s, i) =>
      `<tr><td>${i + 1}</td><td>${esc(s.title)}</td><td>${s.count}</td><td>${esc(s.example)}</td></tr>`).join("")
      || `<tr><td colspan="4">此期间没有已回答的问题。</td></tr>`;
  }

  function renderGaps(gaps) {
    $("dash-gap-rows").innerHTML = gaps.map((g, i) => `
      <tr><td>${g.count}</td><td>${esc(g.question)}</td><td>${g.samples.map(esc).join("<br>")}</td>
      <td>${esc(g.best_source || "")}</td>
      <td><button class="gap-write" data-index="${i}">写答案（解决本组 ${g.count} 个）</button></td></tr>`).join("")
      || `<tr><td colspan="5">此期间没有待答问题。</td></tr>`;
    $("dash-gap-rows").gaps = gaps;
  }

  function renderSatisfaction(s) {
    draw("chart-satisfaction", {
      type: "bar",
      data: { labels: ["1星", "2星", "3星", "4星", "5星"], datasets: [{ label: "评价数", data: [1, 2, 3, 4, 5].map((n) => s.by_score[n] || 0), backgroundColor: ["#d63c3c", "#f28e2b", "#e8b400", "#8cd17d", "#2e9e44"] }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    const total = Object.values(s.by_score).reduce((a, b) => a + b, 0);
    $("dash-sat-summary").textContent = total ? `共 ${total} 条评价，平均 ${s.average} 分。` : "此期间没有评价。";
  }

  function renderVotes(votes) {
    draw("chart-votes", {
      type: "bar",
      data: {
        labels: votes.map((v) => v.faq_id),
        datasets: [
          { label: "有帮助", data: votes.map((v) => v.helpful), backgroundColor: COLORS.up },
          { label: "没帮到", data: votes.map((v) => v.unhelpful), backgroundColor: COLORS.down },
        ],
      },
      options: stacked({ indexAxis: "y" }),
    });
    $("dash-vote-rows").innerHTML = votes.map((v) =>
      `<tr><td>${esc(v.faq_id)}</td><td>${esc(v.title)}</td><td>${v.helpful}</td><td>${v.unhelpful}</td></tr>`).join("")
      || `<tr><td colspan="4">此期间没有评价答案。</td></tr>`;
  }

  function renderDepartments(rows) {
    const keys = Object.keys(LIGHT_LABELS);
    draw("chart-departments", {
      type: "bar",
      data: { labels: rows.map((d) => d.name), datasets: keys.map((k) => ({ label: LIGHT_LABELS[k], data: rows.map((d) => d[k]), backgroundColor: COLORS[k] })) },
      options: stacked({ indexAxis: "y" }),
    });
    $("dash-dept-rows").innerHTML = rows.map((d) =>
      `<tr><td>${esc(d.name)}</td><td>${d.received}</td>${keys.map((k) => `<td>${d[k]}</td>`).join("")}</tr>`).join("");
  }

  function renderAppeals(a) {
    const cells = [
      ["未办结（当前）", a.open], ["已超期（当前）", a.overdue], ["期间受理", a.received], ["期间办结", a.closed], ["超期办结", a.closed_late],
      ["平均办结天数", a.average_days_to_close ?? "—"],
    ];
    $("dash-appeals").innerHTML = cells.map(([label, value]) => `<div class="card"><span>${label}</span><b>${esc(value)}</b></div>`).join("");
  }

  async function load(event) {
    event?.preventDefault();
    $("dash-status").textContent = "正在统计…";
    try {
      const params = new URLSearchParams();
      if ($("dash-from").value) params.set("from", $("dash-from").value);
      if ($("dash-to").value) params.set("to", $("dash-to").value);
      const data = await call(`${API}?${params}`);
      today = data.today;
      $("dash-from").value = data.period.from;
      $("dash-to").value = data.period.to;
      $("dash-period").textContent = `${data.period.from} 至 ${data.period.to}（${data.period.days} 天）`;
      renderConversations(data.conversations);
      renderQuestions(data.questions, data.conversations.declined);
      renderGaps(data.gaps);
      renderSatisfaction(data.satisfaction);
      renderVotes(data.faq_votes);
      renderDepartments(data.departments);
      renderAppeals(data.appeals);
      if (typeof Chart !== "undefined") $("dash-status").textContent = "";
    } catch (error) {
      $("dash-status").textContent = error.message;
    }
  }

  function startGap(index) {
    const gap = $("dash-gap-rows").gaps[index];
    $("gap-form").hidden = false;
    $("gap-form").dataset.ids = JSON.stringify(gap.question_ids);
    $("gap-count").textContent = gap.count;
    $("gap-question").value = gap.question;
    $("gap-similar").value = gap.samples.filter((text) => text !== gap.question).join("\n");
    $("gap-answer").value = "";
    $("gap-error").textContent = "";
    $("gap-answer").focus();
  }

  async function resolveGap(event) {
    event.preventDefault();
    const json = {
      question_ids: JSON.parse($("gap-form").dataset.ids),
      question: $("gap-question").value,
      answer: $("gap-answer").value,
      similar: $("gap-similar").value.split("\n").map((t) => t.trim()).filter(Boolean),
    };
    try {
      const result = await call(`${API}/gaps/resolve`, { method: "POST", body: JSON.stringify(json), headers: { "Content-Type": "application/json" } });
      $("gap-form").hidden = true;
      $("dash-status").textContent = `已新建 ${result.faq_id}，解决了 ${result.resolved.length} 个问题。`;
      await load();
    } catch (error) {
      $("gap-error").textContent = error.message;
    }
  }

  $("dash-form").addEventListener("submit", load);
  document.querySelectorAll("#dash-form [data-days]").forEach((button) => button.addEventListener("click", (event) => {
    setRange(Number(button.dataset.days));
    load(event);
  }));
  $("dash-gap-rows").addEventListener("click", (event) => { if (event.target.classList.contains("gap-write")) startGap(Number(event.target.dataset.index)); });
  $("gap-form").addEventListener("submit", resolveGap);
  $("gap-cancel").addEventListener("click", () => { $("gap-form").hidden = true; });
  window.adminDashboard = { load };
})();

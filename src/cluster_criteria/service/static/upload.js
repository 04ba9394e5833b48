// The upload page: sends the chosen file to /v1/evaluate and shows the HTML report in a frame that runs no script.
"use strict";
(function () {
  const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const form = document.getElementById("form");
  const fileInput = document.getElementById("file");
  const asOf = document.getElementById("as-of");
  const lang = document.getElementById("lang");
  const token = document.getElementById("token");
  const outcome = document.getElementById("outcome");
  const sentence = document.getElementById("sentence");
  const problems = document.getElementById("problems");
  const frame = document.getElementById("report");
  const download = document.getElementById("download");
  const templateLink = document.getElementById("template-link");
  const words = {
    zh: { outcome: "结论：", working: "正在评估…", failed: "无法评估：", network: "无法连接服务" },
    en: { outcome: "Outcome: ", working: "Evaluating…", failed: "Cannot evaluate:", network: "The service cannot be reached" },
  };
  let reportUrl = null;
  let templateUrl = null;

  asOf.value = new Date().toISOString().slice(0, 10);

  function headers(contentType) {
    const out = {};
    if (contentType) out["Content-Type"] = contentType;
    if (token.value.trim()) out["Authorization"] = "Bearer " + token.value.trim();
    return out;
  }

  function showProblems(body, w) {
    const lines = [w.failed];
    for (const p of (body && body.problems) || []) {
      const message = lang.value === "zh" ? p.message_zh : p.message_en;
      lines.push((p.path ? p.path + ": " : "") + message);
    }
    problems.textContent = lines.join("\n");
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const w = words[lang.value] || words.zh;
    const file = fileInput.files[0];
    if (!file) return;
    outcome.textContent = w.working;
    sentence.textContent = "";
    problems.textContent = "";
    frame.hidden = true;
    download.hidden = true;
    const kind = file.name.toLowerCase().endsWith(".xlsx") ? XLSX : "application/json";
    const query = new URLSearchParams({ as_of: asOf.value, lang: lang.value });
    const body = await file.arrayBuffer();
    try {
      // Two calls: the JSON report gives the outcome to state plainly, the HTML one is what the official reads.
      const json = await fetch("/v1/evaluate?" + query + "&format=json", { method: "POST", headers: headers(kind), body });
      if (!json.ok) {
        outcome.textContent = "";
        showProblems(await json.json().catch(() => null), w);
        return;
      }
      const report = await json.json();
      const html = await fetch("/v1/evaluate?" + query + "&format=html", { method: "POST", headers: headers(kind), body });
      const page = await html.text();
      // The report's own words for the outcome, in the language chosen.
      outcome.textContent = w.outcome + report.explanation.outcome_word;
      sentence.textContent = report.explanation.outcome_sentence;
      outcome.dataset.outcome = report.outcome;
      frame.srcdoc = page;
      frame.hidden = false;
      if (reportUrl) URL.revokeObjectURL(reportUrl);
      reportUrl = URL.createObjectURL(new Blob([page], { type: "text/html" }));
      download.href = reportUrl;
      download.hidden = false;
    } catch (error) {
      outcome.textContent = "";
      problems.textContent = w.network;
    }
  });

  document.getElementById("template").addEventListener("click", async () => {
    const w = words[lang.value] || words.zh;
    const query = new URLSearchParams({ as_of: asOf.value, format: "xlsx" });
    try {
      const answer = await fetch("/v1/template?" + query, { headers: headers(null) });
      if (!answer.ok) {
        showProblems(await answer.json().catch(() => null), w);
        return;
      }
      if (templateUrl) URL.revokeObjectURL(templateUrl);
      const workbook = await answer.blob();
      templateUrl = URL.createObjectURL(workbook);
      templateLink.dataset.bytes = String(workbook.size);
      templateLink.href = templateUrl;
      templateLink.hidden = false;
      templateLink.click();
    } catch (error) {
      problems.textContent = w.network;
    }
  });
})();

"use strict";
// The Overview page: one Server-Sent Events stream (relative URL, so a reverse proxy's base path holds)
// pushes a sample a second; the page only renders. Text goes in with textContent, never as HTML.

const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const ms = (v) => (v >= 100 ? number.format(Math.round(v)) : number.format(v)) + " ms";
const percent = (v) => number.format(v * 100) + " %";
const bytes = (v) => number.format(v / (1024 * 1024)) + " MiB";
const duration = (s) => {
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  return (d ? d + "d " : "") + (d || h ? h + "h " : "") + m + "m " + Math.floor(s % 60) + "s";
};

function setText(id, text) { $(id).textContent = text; }

function fillTable(id, rows, cells) {
  const body = $(id).tBodies[0];
  const fresh = document.createElement("tbody");
  for (const row of rows) {
    const tr = fresh.insertRow();
    for (const value of cells(row)) { tr.insertCell().textContent = value; }
  }
  if (rows.length === 0) {
    const cell = fresh.insertRow().insertCell();
    cell.colSpan = $(id).tHead.rows[0].cells.length;
    cell.className = "muted";
    cell.textContent = "none yet";
  }
  body.replaceWith(fresh);
}

// A line chart of the history, scaled to its own maximum, drawn as SVG polylines.
function chart(id, series) {
  const svg = $(id);
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values));
  svg.replaceChildren();
  series.forEach((s, index) => {
    const n = s.values.length;
    const points = s.values.map((v, i) => `${n < 2 ? 0 : (i * 300) / (n - 1)},${58 - (v / max) * 56}`).join(" ");
    const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
    line.setAttribute("points", points);
    line.setAttribute("class", "series-" + index);
    svg.append(line);
  });
  svg.dataset.points = String(series[0].values.length);
}

function render(model) {
  const now = model.now, silo = model.thisSilo, history = model.history;
  setText("calls-per-second", number.format(now.callsPerSecond));
  setText("error-rate", percent(now.errorRate));
  setText("p50", ms(now.p50Milliseconds));
  setText("p99", ms(now.p99Milliseconds));
  setText("cpu", number.format(now.cpuPercent) + " %");
  chart("chart-calls", [{ values: history.map((p) => p.callsPerSecond) }]);
  chart("chart-errors", [{ values: history.map((p) => p.errorRate) }]);
  chart("chart-latency", [{ values: history.map((p) => p.p50Milliseconds) }, { values: history.map((p) => p.p99Milliseconds) }]);
  chart("chart-cpu", [{ values: history.map((p) => p.cpuPercent) }]);

  setText("silo-name", silo.name);
  setText("silo-address", silo.address ?? "no endpoint");
  setText("silo-status", silo.status);
  setText("silo-uptime", duration(silo.uptimeSeconds));
  setText("silo-cpu", number.format(silo.cpuPercent) + " %");
  setText("silo-memory", bytes(silo.workingSetBytes));
  setText("silo-heap", bytes(silo.managedHeapBytes));
  setText("silo-activations", String(silo.activations));
  setText("silo-calls", String(silo.totalCalls));
  setText("silo-failures", String(silo.totalFailures));

  const cluster = $("cluster");
  cluster.replaceChildren(...model.cluster.map((m) => {
    const li = document.createElement("li");
    li.textContent = m.address + (m.isThisSilo ? " (this silo)" : "");
    return li;
  }));

  fillTable("top-calls", model.topMethodsByCalls, (m) => [m.grainInterface, m.method, String(m.calls), number.format(m.callsPerSecond)]);
  fillTable("top-errors", model.topMethodsByErrors, (m) => [m.grainInterface, m.method, String(m.failures), String(m.calls)]);
  fillTable("top-latency", model.topMethodsByLatency, (m) => [m.grainInterface, m.method, ms(m.p50Milliseconds), ms(m.p99Milliseconds)]);
  fillTable("activations", model.activations, (a) => [a.grainType, String(a.activations)]);
  setText("connection", "live · " + new Date(model.at).toLocaleTimeString());
  document.body.dataset.sampleAt = model.at;
}

function connect() {
  const events = new EventSource("api/stream");
  events.addEventListener("overview", (e) => render(JSON.parse(e.data)));
  events.onerror = async () => {
    setText("connection", "reconnecting…");
    // EventSource cannot see the status; ask once whether the session ended, and go to the login page if so.
    const answer = await fetch("api/overview", { credentials: "same-origin" }).catch(() => null);
    if (answer && answer.status === 401) {
      events.close();
      location.href = "login";
    }
  };
}

connect();

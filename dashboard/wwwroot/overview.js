"use strict";
// The Overview page: cluster-wide traffic and load, pushed once a sample interval (see common.js).

function render(model) {
  const now = model.now, history = model.history;
  setText("calls-per-second", number.format(now.callsPerSecond));
  setText("error-rate", percent(now.errorRate));
  setText("p50", ms(now.p50Milliseconds));
  setText("p99", ms(now.p99Milliseconds));
  setText("cpu", number.format(now.cpuPercent) + " %");
  chart("chart-calls", [{ values: history.map((p) => p.callsPerSecond) }]);
  chart("chart-errors", [{ values: history.map((p) => p.errorRate) }]);
  chart("chart-latency", [{ values: history.map((p) => p.p50Milliseconds) }, { values: history.map((p) => p.p99Milliseconds) }]);
  chart("chart-cpu", [{ values: history.map((p) => p.cpuPercent) }]);

  const totals = model.totals;
  setText("total-silos", totals.silos === 1 ? "1 silo" : `${totals.silos} silos`);
  setText("total-activations", String(totals.activations));
  setText("total-calls", String(totals.totalCalls));
  setText("total-failures", String(totals.totalFailures));
  fillTable("silos", model.silos, (s) => [
    s.silo + (s.isThisSilo ? " (this silo)" : ""), s.name, s.status, duration(s.uptimeSeconds), number.format(s.cpuPercent) + " %",
    bytes(s.workingSetBytes), bytes(s.managedHeapBytes), String(s.activations), number.format(s.callsPerSecond), String(s.totalCalls), String(s.totalFailures),
  ], { rowClass: (s) => (s.status === "Serving" ? "" : "bad") });

  fillTable("top-calls", model.topMethodsByCalls, (m) => [m.grainInterface, m.method, String(m.calls), number.format(m.callsPerSecond)]);
  fillTable("top-errors", model.topMethodsByErrors, (m) => [m.grainInterface, m.method, String(m.failures), String(m.calls)]);
  fillTable("top-latency", model.topMethodsByLatency, (m) => [m.grainInterface, m.method, ms(m.p50Milliseconds), ms(m.p99Milliseconds)]);
  fillTable("activations", model.activations, (a) => [a.grainType, String(a.activations)]);
}

live("overview", render);

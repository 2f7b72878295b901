"use strict";
// The Overview page: cluster-wide traffic and load, pushed once a sample interval (see common.js).

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
}

live("overview", render);

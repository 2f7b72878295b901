"use strict";
// The Grains page: every grain method's calls, failures and latency across the cluster, and how many
// activations of each grain type live on each silo. The filter works on what was pushed; nothing is asked again.

let latest = null;

function render(model) {
  latest = model;
  const filter = $("filter").value.trim().toLowerCase();
  const methods = model.methods.filter((m) => !filter || (m.grainInterface + " " + m.method).toLowerCase().includes(filter));
  fillTable("methods", methods, (m) => [
    m.grainInterface, m.method, String(m.calls), number.format(m.callsPerSecond), String(m.failures),
    m.calls > 0 ? percent(m.failures / m.calls) : "–", ms(m.p50Milliseconds), ms(m.p99Milliseconds),
  ], { rowClass: (m) => (m.failures > 0 ? "bad" : "") });

  // One column per silo, in the order the model lists them.
  const head = $("grain-types").tHead.rows[0];
  const columns = ["Grain type", ...model.silos, "Total"];
  if (head.cells.length !== columns.length || [...head.cells].some((c, i) => c.textContent !== columns[i])) {
    head.replaceChildren(...columns.map((text) => { const th = document.createElement("th"); th.textContent = text; return th; }));
  }
  fillTable("grain-types", model.grainTypes, (t) => [t.grainType, ...t.perSilo.map(String), String(t.total)]);
}

$("filter").addEventListener("input", () => latest && render(latest));
live("grains", render);

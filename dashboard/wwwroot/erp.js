"use strict";
// The ERP page: each ERP company's queue and the Failed to Export list, pushed once a sample interval (see common.js).

const runningFor = (s) => (s < 60 ? number.format(s) + " s" : duration(s));

function render(model) {
  fillTable("gateways", model.gateways, (g) => [
    g.gateway,
    g.companies.join(", "),
    String(g.depth),
    g.inFlight ?? "idle",
    g.inFlightSeconds == null ? "" : runningFor(g.inFlightSeconds),
    number.format(g.exportsPerSecond),
    String(g.completed),
    String(g.retries),
    flagged(g.circuitOpen ? "open" : "closed", g.circuitOpen),
    g.lastError ?? "",
    g.nextAttemptAt ? when(g.nextAttemptAt) : "",
  ]);
  fillTable("failed", model.failedToExport, (f) => [f.companyId, f.projectId, String(f.submission), money(f.total), flagged(f.error, true), when(f.since)]);
}

live("erp", render);

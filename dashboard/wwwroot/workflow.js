"use strict";
// The Workflow page: budgets by status, pending approvals, today's daily summaries and the latest history, pushed
// once a sample interval (see common.js).

function happened(e) {
  const change = e.from === e.to ? "" : ` (${e.from ? e.from + " → " : ""}${e.to})`;
  return e.action + change + (e.detail ? ": " + e.detail : "");
}

function render(model) {
  fillTable("budgets", model.budgets, (c) => [
    c.companyId,
    String(c.unlocked),
    String(c.locked),
    String(c.pendingAcceptance),
    String(c.exporting),
    String(c.synced),
    flagged(String(c.exportFailed), c.exportFailed > 0),
    String(c.total),
  ]);
  fillTable("pending", model.pendingApprovals, (p) => [p.companyId, p.projectId, String(p.submission), p.sentBy, money(p.total), when(p.waitingSince), duration(p.waitedSeconds)]);
  fillTable("summaries", model.dailySummariesToday, (s) => [s.companyId, s.approverId, when(s.sentAt), String(s.items)]);
  fillTable("events", model.recentEvents, (e) => [when(e.at), e.companyId, e.projectId, e.userId, happened(e)]);
}

live("workflow", render);

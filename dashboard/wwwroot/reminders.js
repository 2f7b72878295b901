"use strict";
// The Reminders page: every reminder of the service, by next due time, a page of 50 at a time, searchable
// by grain type, grain key or reminder name. The search and page live in the address too, so a reload or
// a shared link opens the same list.

const state = (() => {
  const asked = new URLSearchParams(location.search);
  return { search: asked.get("search") ?? "", page: Math.max(1, parseInt(asked.get("page") ?? "1", 10) || 1), pageCount: 1 };
})();

const query = () => {
  const q = new URLSearchParams();
  if (state.search) { q.set("search", state.search); }
  if (state.page > 1) { q.set("page", String(state.page)); }
  return q.toString();
};

// "1 d", "6 h", "1 h 30 min": the period a reminder ticks at.
const every = (seconds) => {
  const parts = [[86400, "d"], [3600, "h"], [60, "min"], [1, "s"]].flatMap(([unit, name]) => {
    const count = Math.floor(seconds / unit);
    seconds -= count * unit;
    return count ? [count + " " + name] : [];
  });
  return parts.join(" ") || "0 s";
};

const plural = (count, one, many) => number.format(count) + " " + (count === 1 ? one : many);

function render(model) {
  // The silo shows the last page when the one asked for has emptied; page on from there.
  state.page = model.page;
  state.pageCount = model.pageCount;
  setText("page-info", `page ${model.page} of ${model.pageCount} · ${plural(model.total, "reminder", "reminders")}${model.search ? " match" : ""}`);
  $("previous").disabled = model.page <= 1;
  $("next").disabled = model.page >= model.pageCount;
  fillTable("reminders", model.reminders, (r) => [
    r.grainType,
    r.grainKey,
    r.name,
    every(r.periodSeconds),
    `${localTime(r.nextDue)} · ${relative(r.nextDue, model.at)}${r.overdue ? " · overdue" : ""}`,
    r.lastDelivered ? `${localTime(r.lastDelivered)} · ${relative(r.lastDelivered, model.at)}` : "never",
    r.leaseHolder ?? "–",
  ], {
    rowClass: (r) => (r.overdue ? "overdue" : ""),
    empty: model.search ? "no reminder matches the search" : "no reminders",
  });
}

const reopen = live("reminders", render, query);

function show() {
  const q = query();
  history.replaceState(null, "", q ? "?" + q : location.pathname);
  reopen();
}

let typing = null;
$("search").value = state.search;
$("search").addEventListener("input", () => {
  // Wait for a pause in typing: each change reopens the stream and queries the reminder table.
  clearTimeout(typing);
  typing = setTimeout(() => {
    const search = $("search").value.trim();
    if (search !== state.search) {
      state.search = search;
      state.page = 1;
      show();
    }
  }, 300);
});
$("previous").addEventListener("click", () => {
  if (state.page > 1) { state.page -= 1; show(); }
});
$("next").addEventListener("click", () => {
  if (state.page < state.pageCount) { state.page += 1; show(); }
});

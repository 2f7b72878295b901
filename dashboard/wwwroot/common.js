"use strict";
// What every page shares. Each page opens one Server-Sent Events stream (a relative URL, so a reverse
// proxy's base path holds) and only renders what it is pushed. Text goes in with textContent, never as HTML.

const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const amountFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const money = (v) => amountFormat.format(v);
const when = (iso) => new Date(iso).toLocaleString();
const duration = (s) => {
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  return (d ? d + "d " : "") + (d || h ? h + "h " : "") + m + "m " + Math.floor(s % 60) + "s";
};

function setText(id, text) { $(id).textContent = text; }

// A cell is its text, or { text, className } to mark it: flagged(text, bad) marks what needs an operator's eye.
const flagged = (text, bad) => ({ text, className: bad ? "error" : "" });

// Options: rowClass(row) names a class for the row's <tr>; empty is what an empty table says.
function fillTable(id, rows, cells, { rowClass = () => "", empty = "none yet" } = {}) {
  const body = $(id).tBodies[0];
  const fresh = document.createElement("tbody");
  for (const row of rows) {
    const tr = fresh.insertRow();
    tr.className = rowClass(row);
    for (const value of cells(row)) {
      const cell = tr.insertCell();
      if (value !== null && typeof value === "object") {
        cell.textContent = value.text;
        cell.className = value.className ?? "";
      } else {
        cell.textContent = value;
      }
    }
  }
  if (rows.length === 0) {
    const cell = fresh.insertRow().insertCell();
    cell.colSpan = $(id).tHead.rows[0].cells.length;
    cell.className = "muted";
    cell.textContent = empty;
  }
  body.replaceWith(fresh);
}

// Opens the page's event stream and renders each model it pushes; a page with inputs (search, paging)
// passes them as a query, and calls the returned function to reopen the stream when they change.
function live(name, render, query = () => "") {
  let events = null;
  const open = () => {
    events?.close();
    const q = query();
    events = new EventSource(`api/${name}/stream${q ? "?" + q : ""}`);
    events.addEventListener(name, (e) => {
      const model = JSON.parse(e.data);
      render(model);
      setText("connection", "live · " + new Date(model.at ?? Date.now()).toLocaleTimeString());
      $("connection").classList.remove("error");
      document.body.dataset.sampleAt = model.at ?? String(Date.now());
    });
    // The silo could not read the figures this time: say so, keep the ones shown, wait for the next sample.
    events.addEventListener("problem", (e) => {
      setText("connection", e.data);
      $("connection").classList.add("error");
    });
    events.onerror = async () => {
      setText("connection", "reconnecting…");
      // EventSource cannot see the status; ask once whether the session ended, and go to the login page if so.
      const answer = await fetch("api/session", { credentials: "same-origin" }).catch(() => null);
      if (answer && answer.status === 401) {
        events.close();
        location.href = "login";
      }
    };
  };
  open();
  return open;
}

"use strict";
// The server sends ?failed=1 back after a wrong credential and ?throttled=1 after too many; say so
// without echoing anything from the URL.
const query = new URLSearchParams(location.search);
for (const id of ["failed", "throttled"]) {
  if (query.has(id)) {
    document.getElementById(id).hidden = false;
  }
}

"use strict";
// The server sends ?failed=1 back after a wrong credential; say so without echoing anything from the URL.
if (new URLSearchParams(location.search).has("failed")) {
  document.getElementById("failed").hidden = false;
}

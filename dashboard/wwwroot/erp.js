"use strict";
// The ERP page.

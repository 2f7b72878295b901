"use strict";
// The Grains page.

"use strict";
// The Workflow page.

"use strict";
// The Reminders page.

-- The mark the silos of a service put on the calls their own code makes as a given identity (the REST API
-- after checking a bearer token, the operator pages, set-up commands): made up by the first silo to start,
-- read by every other one, so a call marked on one silo is believed on the silo where its grain lives.
-- Anyone who can read this table can act as any user: give client apps no access to it.
CREATE TABLE silo_marks (
    service_id text PRIMARY KEY,
    mark       text NOT NULL CHECK (length(mark) = 64)
);

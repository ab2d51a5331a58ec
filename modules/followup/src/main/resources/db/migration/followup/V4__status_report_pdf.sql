-- A status report sent to the committee is frozen; its PDF is rendered once, on first request, and kept with it
-- (docs/security.md, "Limits"). Reports sent before this column existed get theirs on their next request.
alter table status_report add column pdf bytea;

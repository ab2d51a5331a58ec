-- Which revisions were frozen (submitted or approved), and why; a frozen revision renders exactly as stored.
alter table plan_revision add column frozen_as text;   -- null, SUBMITTED or APPROVED

-- A draft rolled over from an approved plan records where it came from.
alter table plan add column based_on uuid references plan (id);

-- Record format 2: a record's hash covers every stored field (docs/adr/0014-archive-format-2-and-checkpoints.md).
--
-- The archive is insert-only, so records already written are NOT re-hashed: they keep format 1 and are verified by
-- format 1's rule. Adding a column with a constant default changes no row (PostgreSQL stores the default in the
-- catalogue; no UPDATE runs, so the insert-only triggers are not involved). New records are written as format 2.
alter table record add column format smallint not null default 1 check (format in (1, 2));
alter table record alter column format set default 2;

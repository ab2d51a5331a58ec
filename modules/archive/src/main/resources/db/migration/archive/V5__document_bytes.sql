-- Frozen documents as bytes (docs/adr/0023-the-archive-holds-the-approved-bytes.md): the PDF drafting rendered once
-- when it froze a revision (the message "drafting.plan-document-frozen") is kept as the file itself, in bytes; sha256 is the SHA-256
-- of those bytes. A document has either text (content: plan JSON, HTML) or bytes, never both.
--
-- The archive is insert-only: adding a nullable column and dropping NOT NULL change no row (no UPDATE runs, the
-- triggers are not involved), and the check only reads the rows there are. The writer role's grants are on the table,
-- so they cover the new column.
alter table document add column bytes bytea;
alter table document alter column content drop not null;
alter table document add constraint document_text_or_bytes check ((content is null) <> (bytes is null));

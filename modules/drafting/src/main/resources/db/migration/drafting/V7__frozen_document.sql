-- The PDF of a revision rendered once, when it is frozen (docs/adr/0023-the-archive-holds-the-approved-bytes.md): the
-- submitted revision at its submission (kind SUBMITTED), the approved version when the final decision is applied
-- (kind APPROVED). A revision approved as submitted has both: they differ only in the line that says what it is.
-- The bytes are served from here by the plan's PDF endpoints and sent, in the same transaction, to the archive in
-- drafting.plan-document-frozen; sha256 is the SHA-256 of pdf (lower-case hex). Rows are never changed.
-- Revisions frozen before this table existed keep their PDF rendered on first request (frozen_pdf).
create table frozen_document (
    plan_id      uuid        not null,
    revision     integer     not null,
    kind         text        not null check (kind in ('SUBMITTED', 'APPROVED')),
    content_hash text        not null,
    file_name    text        not null,
    pdf          bytea       not null,
    sha256       char(64)    not null,
    rendered_at  timestamptz not null,
    primary key (plan_id, revision, kind)
);

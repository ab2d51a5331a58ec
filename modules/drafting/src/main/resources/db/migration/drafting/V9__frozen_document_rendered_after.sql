-- A frozen revision's PDF is no longer rendered on the submission's or the decision's path (it took a second or more
-- of a person's request and of the decision's consumer): freezing records a request here, in the freezing
-- transaction, and a bounded worker renders it soon after, storing the bytes and sending
-- drafting.plan-document-frozen in one transaction (docs/adr/0023-the-archive-holds-the-approved-bytes.md).
-- Someone asking for the PDF before the worker got to it has it rendered then, once.
-- A row is written twice at most: requested (pdf null), then rendered; never changed after that.
alter table frozen_document
    alter column file_name drop not null,
    alter column pdf drop not null,
    alter column sha256 drop not null,
    alter column rendered_at drop not null,
    add column requested_at timestamptz,
    add column frozen_on    date,
    add column municipality text,
    add column actor        text,
    add column causation_id uuid,
    add column attempts     integer not null default 0;

update frozen_document set requested_at = rendered_at;
alter table frozen_document alter column requested_at set not null;

alter table frozen_document add constraint frozen_document_rendered_whole
    check ((pdf is null) = (sha256 is null) and (pdf is null) = (rendered_at is null) and (pdf is null) = (file_name is null));
alter table frozen_document add constraint frozen_document_request_whole
    check (pdf is not null or (frozen_on is not null and actor is not null));

create index frozen_document_pending on frozen_document (requested_at) where pdf is null;

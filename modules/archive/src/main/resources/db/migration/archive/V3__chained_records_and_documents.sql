-- The archive becomes tamper-evident (docs/adr/0010-archive-insert-only-and-hash-chains.md).
--
-- Records written before this version carried no hashes. They are kept as they were, in record_v1, and
-- re-appended to the chained table at start-up (LegacyRecords), in their original order.
alter table record rename to record_v1;
alter index record_timeline rename to record_v1_timeline;
alter sequence record_seq_seq rename to record_v1_seq_seq;

-- One row per message, in the order the archive received it (seq). Every row carries the hash of the
-- previous row of the same plan (prev_plan_hash) and of the previous row of the whole archive
-- (prev_archive_hash); record_hash is the SHA-256 of the row's canonical JSON (RecordLine), which
-- includes both. Appends are serialised (advisory lock), so seq order is chain order.
create table record (
    seq               bigint      primary key,
    message_id        uuid        not null unique,
    plan_id           uuid,
    municipality      text,
    type              text        not null,
    schema_version    integer     not null,
    occurred_at       timestamptz not null,
    received_at       timestamptz not null,
    actor             text        not null,
    causation_id      uuid,
    payload           jsonb       not null,
    prev_plan_hash    char(64)    not null,
    prev_archive_hash char(64)    not null,
    record_hash       char(64)    not null unique
);
create sequence record_seq owned by record.seq;
-- Timeline and as-of: one plan's records by time; chain: one plan's records in order.
create index record_plan_time on record (plan_id, occurred_at, seq);
create index record_plan_seq on record (plan_id, seq);
-- The archive's list of plans per municipality, and which of them are published.
create index record_municipality_plan on record (municipality, plan_id);

-- A record about several plans (a meeting's protocol names every plan on its agenda) is linked to each.
create table record_plan (
    record_seq bigint not null references record (seq),
    plan_id    uuid   not null,
    primary key (plan_id, record_seq)
);

-- The frozen documents a record carries, as content with its SHA-256 (hex, of the UTF-8 bytes):
-- submitted revisions and approved versions (plan document JSON), meeting protocols and status reports
-- (HTML as rendered by the sending module). declared_hash is the hash the sender stated, as it stated it.
create table document (
    id            bigserial   primary key,
    record_seq    bigint      not null references record (seq),
    ordinal       integer     not null,
    kind          text        not null,
    title         text        not null,
    media_type    text        not null,
    content       text        not null,
    sha256        char(64)    not null,
    declared_hash text,
    -- Derived, for search and snippets only (not evidence): the document's words without markup.
    plain_text    text        not null,
    search        tsvector    generated always as (to_tsvector('danish', title || ' ' || plain_text)) stored,
    unique (record_seq, ordinal)
);
create index document_search on document using gin (search);

-- Insert-only, in the database: no UPDATE, DELETE or TRUNCATE, whoever asks.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'archive.% is insert-only: % refused', tg_table_name, tg_op using errcode = '42501';
end
$$;
create trigger record_v1_insert_only before update or delete on record_v1 for each row execute function refuse_change();
create trigger record_v1_no_truncate before truncate on record_v1 for each statement execute function refuse_change();
create trigger record_insert_only before update or delete on record for each row execute function refuse_change();
create trigger record_no_truncate before truncate on record for each statement execute function refuse_change();
create trigger record_plan_insert_only before update or delete on record_plan for each row execute function refuse_change();
create trigger record_plan_no_truncate before truncate on record_plan for each statement execute function refuse_change();
create trigger document_insert_only before update or delete on document for each row execute function refuse_change();
create trigger document_no_truncate before truncate on document for each statement execute function refuse_change();

-- The role the archive switches to when it writes (SET LOCAL ROLE): it may read and insert, nothing else.
-- Roles belong to the whole PostgreSQL cluster, so several databases share it; creating it may race
-- with another database's migration, and a login without CREATEROLE cannot create it at all (then the
-- archive writes as the login user and only the triggers guard the tables; it logs a warning).
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'beskplan_archive_writer') then
        create role beskplan_archive_writer nologin;
    end if;
exception
    when duplicate_object or unique_violation then null;
    when insufficient_privilege then raise notice 'cannot create role beskplan_archive_writer: triggers only';
end
$$;
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'beskplan_archive_writer') then
        -- A superuser may switch to any role; any other login must be a member.
        if not (select rolsuper from pg_roles where rolname = current_user) then
            execute format('grant beskplan_archive_writer to %I', current_user);
        end if;
        grant usage on schema archive to beskplan_archive_writer;
        grant select, insert on record, record_plan, document to beskplan_archive_writer;
        grant select on record_v1 to beskplan_archive_writer;
        grant usage on sequence record_seq, document_id_seq to beskplan_archive_writer;
    end if;
exception
    when insufficient_privilege then raise notice 'cannot grant to beskplan_archive_writer: triggers only';
end
$$;

-- Every message any module published, as received. Never updated or deleted.
create table record (
    seq            bigserial primary key,
    message_id     uuid        not null unique,
    plan_id        uuid,
    municipality   text,
    type           text        not null,
    schema_version integer     not null,
    occurred_at    timestamptz not null,
    actor          text        not null,
    causation_id   uuid,
    payload        text        not null,
    received_at    timestamptz not null default now()
);
create index record_timeline on record (plan_id, occurred_at, seq);

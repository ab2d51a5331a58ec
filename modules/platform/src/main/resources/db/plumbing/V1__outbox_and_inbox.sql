-- Created in every module's schema by the platform (search_path is the module's schema here).

-- Messages a module has decided to send, written in the same transaction as its state change.
create table outbox (
    id            bigserial primary key,
    message_id    uuid        not null unique,
    type          text        not null,
    -- Messages with the same key (the plan) are published strictly in id order.
    ordering_key  text        not null,
    envelope      text        not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz,
    attempts      integer     not null default 0,
    last_error    text
);
create index outbox_unpublished on outbox (ordering_key, id) where published_at is null;

-- Messages a module has applied: a message id seen before is acknowledged and ignored.
create table inbox (
    message_id  uuid primary key,
    type        text        not null,
    received_at timestamptz not null default now()
);

-- Tables for pgbench's own commit-rate figures (bench/run-load.sh), in a database of their own.
drop table if exists bench_single, bench_business, bench_outbox;
create table bench_single (id bigserial primary key, v text not null);
-- Shaped like a module's state change plus its outbox row (platform's db/plumbing/V1__outbox_and_inbox.sql).
create table bench_business (id bigserial primary key, plan_id uuid not null, state text not null, payload text not null,
                             updated_at timestamptz not null default now());
create table bench_outbox (id bigserial primary key, message_id uuid not null unique, type text not null,
                           ordering_key text not null, envelope text not null, created_at timestamptz not null default now(),
                           published_at timestamptz);
create index bench_outbox_unpublished on bench_outbox (ordering_key, id) where published_at is null;

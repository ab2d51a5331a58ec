create table plan (
    id                 uuid primary key,
    municipality       text        not null,
    from_year          integer     not null,
    to_year            integer     not null,
    title              text        not null,
    committee_name     text        not null,
    state              text        not null,
    current_revision   integer     not null,
    submitted_revision integer,
    approved_revision  integer,
    decision_remarks   text,
    created_by         text        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null   -- optimistic locking: every update bumps it
);
create index plan_by_municipality on plan (municipality, from_year desc);

-- Every save is an immutable revision; a submitted or approved one is frozen with its content hash.
create table plan_revision (
    plan_id      uuid        not null references plan (id),
    number       integer     not null,
    content      text        not null,
    content_hash text        not null,
    author       text        not null,
    created_at   timestamptz not null,
    primary key (plan_id, number)
);

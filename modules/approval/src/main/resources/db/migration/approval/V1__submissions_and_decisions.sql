-- A plan revision submitted for the committee's decision: the secretary's in-box.
create table submission (
    plan_id        uuid        not null,
    revision       integer     not null,
    municipality   text        not null,
    title          text        not null,
    from_year      integer     not null,
    to_year        integer     not null,
    committee_name text        not null,
    content_hash   text        not null,
    submitted_by   text        not null,
    submitted_at   timestamptz not null,
    status         text        not null,      -- AWAITING_DECISION, DECIDED
    version        bigint      not null default 0,
    primary key (plan_id, revision)
);
create index submission_awaiting on submission (municipality, submitted_at) where status = 'AWAITING_DECISION';

-- Decisions are never edited; a correction would be a new row that names what it corrects.
create table decision (
    id           uuid primary key,
    plan_id      uuid        not null,
    revision     integer     not null,
    decision     text        not null,
    meeting_date date        not null,
    remarks      text,
    decided_by   text        not null,
    decided_at   timestamptz not null,
    foreign key (plan_id, revision) references submission (plan_id, revision)
);

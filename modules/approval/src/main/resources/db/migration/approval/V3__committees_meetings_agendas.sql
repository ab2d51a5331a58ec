-- Committees, the approval route, meetings with ordered agendas, decisions per agenda item, corrections,
-- hearings, status reports waiting to be noted, and the approved versions as approval froze them.

-- A committee or the council: members (name, party, role) and secretaries (usernames) as JSON lists.
create table committee (
    id           uuid primary key,
    municipality text        not null,
    name         text        not null,
    kind         text        not null,            -- COMMITTEE, COUNCIL
    members      jsonb       not null,
    secretaries  jsonb       not null default '[]',
    version      bigint      not null default 0,
    created_at   timestamptz not null,
    unique (municipality, name)
);

-- The municipality's approval route: ordered stages [{"hearing": body, "days": n} | {"committee": id}].
create table approval_route (
    municipality text primary key,
    stages       jsonb       not null,
    version      bigint      not null default 0,
    updated_by   text        not null,
    updated_at   timestamptz not null
);

create table meeting (
    id                  uuid primary key,
    committee_id        uuid        not null references committee (id),
    municipality        text        not null,
    meeting_date        date        not null,
    start_time          time,
    place               text,
    submission_deadline date        not null,
    status              text        not null,     -- PLANNED, HELD, CLOSED
    version             bigint      not null default 0,
    created_by          text        not null,
    created_at          timestamptz not null,
    closed_at           timestamptz
);
create index meeting_by_committee on meeting (municipality, meeting_date);

create table agenda_item (
    id                  uuid primary key,
    meeting_id          uuid        not null references meeting (id),
    position            integer     not null,
    kind                text        not null,     -- PLAN, STATUS_REPORT, FREE
    title               text        not null,
    case_text           text,
    recommendation      text,
    late                boolean     not null,
    postponed_from      uuid references meeting (id),
    plan_id             uuid,
    revision            integer,
    report_id           uuid,
    status              text        not null,     -- OPEN, DECIDED, POSTPONED, WITHDRAWN
    placed_by           text        not null,
    placed_at           timestamptz not null
);
create index agenda_item_by_meeting on agenda_item (meeting_id, position);
-- A plan or a report is open on at most one agenda at a time, whatever races the pages allow.
create unique index agenda_item_open_plan on agenda_item (plan_id) where status = 'OPEN' and plan_id is not null;
create unique index agenda_item_open_report on agenda_item (report_id) where status = 'OPEN' and report_id is not null;

-- The submission's progress along the route it started on.
alter table submission add column stage integer not null default 0;
alter table submission add column route jsonb;
-- The text the next stage decides on: the submitted document with every amendment so far applied.
alter table submission add column current_document jsonb;
alter table submission add column amendments jsonb not null default '[]';
alter table submission add column hearing_asked date;
update submission set status = 'AWAITING_AGENDA' where status = 'AWAITING_DECISION';
update submission s set status = d.decision from decision d
 where s.status = 'DECIDED' and d.plan_id = s.plan_id and d.revision = s.revision;
drop index submission_awaiting;
create index submission_waiting on submission (municipality, submitted_at) where status in ('AWAITING_AGENDA', 'IN_HEARING');

-- Decisions are per agenda item from now on (rows from before meetings keep item_id null).
alter table decision alter column plan_id drop not null;
alter table decision alter column revision drop not null;
alter table decision alter column meeting_date drop not null;
alter table decision add column item_id uuid references agenda_item (id);
alter table decision add column meeting_id uuid references meeting (id);
alter table decision add column followed_recommendation boolean not null default false;
alter table decision add column present jsonb not null default '[]';
alter table decision add column votes jsonb not null default '[]';
alter table decision add column amendments jsonb not null default '[]';
alter table decision add column postponed_to uuid references meeting (id);
-- The amendments as the protocol words them, against the text the body was given.
alter table decision add column amendment_texts jsonb not null default '[]';
alter table decision add column final boolean not null default true;
create unique index decision_once_per_item on decision (item_id) where item_id is not null;

-- A decision is never edited: a correction names the decision, why, and how it should have been written down.
create table decision_correction (
    id            uuid primary key,
    decision_id   uuid        not null references decision (id),
    reason        text        not null,
    protocol_text text        not null,
    present       jsonb       not null,
    votes         jsonb       not null,
    corrected_by  text        not null,
    corrected_at  timestamptz not null
);

create table hearing (
    plan_id      uuid        not null,
    revision     integer     not null,
    stage        integer     not null,
    body         text        not null,
    asked_on     date        not null,
    deadline     date        not null,
    answer       text,
    answered_on  date,
    recorded_by  text,
    primary key (plan_id, revision, stage),
    foreign key (plan_id, revision) references submission (plan_id, revision)
);

-- Status reports from follow-up, waiting to be placed on an agenda and noted.
create table status_report (
    report_id    uuid primary key,
    plan_id      uuid        not null,
    municipality text        not null,
    plan_title   text        not null,
    round_label  text        not null,
    due_date     date        not null,
    summary      text,
    report_html  text,
    submitted_by text        not null,
    received_at  timestamptz not null,
    status       text        not null            -- AWAITING_AGENDA, ON_AGENDA, NOTED
);

-- The approved version, frozen by the final decision with the hash of its canonical JSON.
create table approved_version (
    plan_id      uuid        not null,
    revision     integer     not null,
    decision_id  uuid        not null references decision (id),
    document     jsonb,
    content_hash text        not null,
    approved_at  timestamptz not null,
    primary key (plan_id, revision)
);

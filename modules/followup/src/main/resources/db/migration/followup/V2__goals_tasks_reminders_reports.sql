-- Follow-up built from the approved plan document (the message "drafting.plan-approved"): goals with responsible managers,
-- one status task per success criterion per round, reminders claimed once per recipient, status reports.
-- Nothing here is ever deleted: reports, reassignments and reminders stay, with who and when.

alter table followed_plan
    add column document     jsonb,
    add column content_hash text,
    add column state        text not null default 'OPEN',   -- OPEN, CLOSED
    add column closed_at    timestamptz;

-- Per municipality: when rounds are due, a mid-year round, whom to escalate to, the default manager.
create table settings (
    municipality     text primary key,
    annual_due       text not null default '12-31',          -- MM-DD in the plan year
    mid_year         boolean not null default false,
    mid_year_due     text not null default '06-30',
    escalation_name  text,
    escalation_email text,
    default_manager  text,
    version          integer not null default 0,
    updated_by       text,
    updated_at       timestamptz
);

-- The plan's goals and success criteria as approved (numbered from 1 in the document's order).
create table goal (
    plan_id  uuid    not null references followed_plan (plan_id),
    number   integer not null,
    label    text    not null,
    title    text    not null,
    primary key (plan_id, number)
);

create table criterion (
    plan_id       uuid    not null,
    goal_number   integer not null,
    number        integer not null,
    code          text,
    text          text    not null,
    target_group  text,
    indicator     text,
    data_source   text,
    deadline      date,
    target        jsonb   not null,
    baselines     jsonb   not null default '[]',
    primary key (plan_id, goal_number, number),
    foreign key (plan_id, goal_number) references goal (plan_id, number)
);

-- Who answers for a goal; the latest row is the current manager, earlier rows are the history.
create table goal_assignment (
    id          uuid primary key,
    plan_id     uuid        not null,
    goal_number integer     not null,
    manager     text        not null,
    assigned_by text        not null,
    assigned_at timestamptz not null,
    foreign key (plan_id, goal_number) references goal (plan_id, number)
);
create index goal_assignment_goal on goal_assignment (plan_id, goal_number, assigned_at desc);

alter table status_round
    add column kind  text    not null default 'ANNUAL',     -- ANNUAL, MID_YEAR
    add column year  integer,
    add column label text,
    add column submitted_at timestamptz,
    add column noted_at     timestamptz,
    add column due_moved_by text;
update status_round r set year = p.to_year, label = 'Årlig status ' || p.to_year from followed_plan p where p.plan_id = r.plan_id;
alter table status_round alter column year set not null, alter column label set not null;

-- One status task per success criterion per round, owned by the goal's manager. The current report is on the
-- row; every report ever saved is in task_report.
create table status_task (
    id               uuid primary key,
    round_id         uuid    not null references status_round (id),
    plan_id          uuid    not null,
    goal_number      integer not null,
    criterion_number integer not null,
    owner            text,
    state            text    not null default 'OPEN',       -- OPEN, REPORTED
    version          integer not null default 0,
    value            double precision,
    comparison_value double precision,
    measured_on      date,
    data_source      text,
    comment          text,
    evaluation       text,
    reported_by      text,
    reported_at      timestamptz,
    unique (round_id, goal_number, criterion_number),
    foreign key (plan_id, goal_number, criterion_number) references criterion (plan_id, goal_number, number)
);
create index status_task_owner on status_task (owner, state);

create table task_report (
    id               uuid primary key,
    task_id          uuid        not null references status_task (id),
    value            double precision,
    comparison_value double precision,
    measured_on      date,
    data_source      text,
    comment          text,
    evaluation       text        not null,
    reported_by      text        not null,
    reported_at      timestamptz not null
);

-- Values imported from an indicator CSV export, offered to pre-fill a task's report.
create table indicator_value (
    task_id        uuid primary key references status_task (id),
    value          double precision not null,
    national_value double precision,
    measured_on    date not null,
    source_line    integer not null,
    imported_by    text not null,
    imported_at    timestamptz not null
);

-- A reminder or escalation is claimed by inserting this row: the unique key makes the claim, so two scheduler
-- instances (or one after a restart) never send the same stage to the same recipient twice. The mail itself is
-- queued in the same transaction (mail_outbox, cause 'reminder:<id>').
create table reminder (
    id         uuid primary key,
    round_id   uuid        not null references status_round (id),
    due_date   date        not null,          -- the due date reminded of: a moved due date starts reminders afresh
    stage      text        not null,          -- BEFORE_14, BEFORE_3, DUE_DAY, ESCALATION
    recipient  text        not null,          -- the manager's user name, or the escalation contact's address
    email      text,                          -- null: nobody to mail (no address); recorded all the same
    task_ids   uuid[]      not null,
    subject    text        not null,
    claimed_at timestamptz not null,
    claimed_by text        not null,          -- which instance
    unique (round_id, due_date, stage, recipient)
);

create table status_report (
    id           uuid primary key,
    round_id     uuid        not null unique references status_round (id),
    plan_id      uuid        not null,
    html         text        not null,
    summary      text        not null,
    missing      integer     not null,
    compiled_by  text        not null,
    compiled_at  timestamptz not null,
    noted_at     timestamptz,
    noted_by     text,
    meeting_date date,
    remarks      text
);

-- A manager's calendar feed: the address carries a random token; only its SHA-256 is kept.
create table calendar_feed (
    username   text primary key,
    token_hash text        not null unique,
    created_at timestamptz not null
);

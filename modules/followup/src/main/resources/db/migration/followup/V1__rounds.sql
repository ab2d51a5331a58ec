-- An approved plan under follow-up.
create table followed_plan (
    plan_id           uuid primary key,
    municipality      text        not null,
    title             text        not null,
    from_year         integer     not null,
    to_year           integer     not null,
    approved_revision integer     not null,
    opened_at         timestamptz not null
);

-- A status round: the job centre reports status on the plan by the due date.
create table status_round (
    id        uuid primary key,
    plan_id   uuid        not null references followed_plan (plan_id),
    number    integer     not null,
    due_date  date        not null,
    owner     text,
    state     text        not null,   -- OPEN, REPORTED, NOTED
    opened_at timestamptz not null,
    unique (plan_id, number)
);

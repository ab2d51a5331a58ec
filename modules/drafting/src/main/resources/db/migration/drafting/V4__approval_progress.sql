-- Decisions that do not settle a submitted plan (a committee's recommendation before the council, a postponement),
-- kept so the officials can see where their plan stands; the plan itself stays SUBMITTED.
create table approval_progress (
    id            bigserial primary key,
    plan_id       uuid        not null references plan (id),
    revision      integer     not null,
    decision      text        not null,   -- APPROVED / APPROVED_WITH_AMENDMENTS (recommended) or POSTPONED
    deciding_body text        not null,
    meeting_date  date        not null,
    recorded_at   timestamptz not null
);
create index approval_progress_plan on approval_progress (plan_id, revision, id);

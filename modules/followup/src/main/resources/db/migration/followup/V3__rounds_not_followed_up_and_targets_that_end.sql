-- A round an official closes as "ikke fulgt op" (historic or abandoned) keeps why, by whom and when; state
-- NOT_FOLLOWED_UP. A plan's follow-up closed by an official once its period is over keeps the same.
alter table status_round
    add column closed_reason text,
    add column closed_by     text,
    add column closed_at     timestamptz;

alter table followed_plan
    add column closed_by     text,
    add column closed_reason text;

-- A target with a deadline is followed up in the rounds up to that deadline only, unless the plan says that it
-- continues after it (the criterion's "continuesAfterDeadline" in the approved document).
alter table criterion
    add column continues_after_deadline boolean not null default false;

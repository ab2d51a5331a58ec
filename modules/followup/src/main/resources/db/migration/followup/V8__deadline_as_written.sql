-- A criterion's deadline as the plan writes it (docs/plan-document.md, "Dates"): a day (2026-12-31) or a month
-- (2026-12), so that follow-up shows "december 2026" where the plan prints a month. deadline stays the day the rules use
-- (a month's last day). Null: the day, as deadline.
alter table criterion
    add column deadline_written text;

-- Criteria opened before: a deadline that is the last day of a month the approved document wrote as that month (the
-- criterion's own, or with several targets one of theirs as kept in targets) is that month again.
update criterion c
set deadline_written = to_char(c.deadline, 'YYYY-MM')
from followed_plan p
where p.plan_id = c.plan_id
  and c.deadline is not null
  and c.deadline = (date_trunc('month', c.deadline) + interval '1 month - 1 day')::date
  and (case when c.targets is not null
                then exists (select 1 from jsonb_array_elements(c.targets) t where t ->> 'deadline' = to_char(c.deadline, 'YYYY-MM'))
            when c.goal_number = 0
                then p.document -> 'overallSuccessCriteria' -> (c.number - 1) ->> 'deadline' = to_char(c.deadline, 'YYYY-MM')
            else p.document -> 'goals' -> (c.goal_number - 1) -> 'successCriteria' -> (c.number - 1) ->> 'deadline'
                     = to_char(c.deadline, 'YYYY-MM')
       end);

-- A criterion's deadline as the plan writes it (docs/plan-document.md, "Dates"): a day (2026-12-31) or a month
-- (2026-12), so that follow-up shows "december 2026" where the plan prints a month. deadline stays the day the rules use
-- (a month's last day). Null on criteria opened before: their deadline is shown as the day.
alter table criterion
    add column deadline_written text;

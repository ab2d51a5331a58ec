-- A success criterion may set several targets (docs/plan-document.md, "Several targets"). Such a criterion keeps all
-- of them in targets, as the document writes them, each with its deadline (its own, else the criterion's); target
-- stays its first and deadline its last deadline, which the rounds follow it up to. A task on it keeps each target's
-- reading ({value, comparisonValue, evaluation}, in the targets' order) in readings, and so does every report on it;
-- value and comparison_value are the first target's, evaluation the criterion's verdict. Null: one target, as before.
alter table criterion
    add column targets jsonb;

alter table status_task
    add column readings jsonb;

alter table task_report
    add column readings jsonb;

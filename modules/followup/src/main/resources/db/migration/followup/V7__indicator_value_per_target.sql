-- An indicator CSV row can pre-fill one of a criterion's several targets (docs/plan-document.md, "Several targets"):
-- the row names the target's indicator. target_index is the target's place in the criterion's targets (0 for a
-- criterion with one target, as every row before this migration).
alter table indicator_value add column target_index integer not null default 0;
alter table indicator_value drop constraint indicator_value_pkey;
alter table indicator_value add primary key (task_id, target_index);

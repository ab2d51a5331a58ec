-- A submitted plan may name no committee (the submission message's committeeName is nullable): null then.
alter table submission alter column committee_name drop not null;

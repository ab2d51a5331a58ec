-- A plan may name no committee (issue 17, item 4: some plans print none): the name is null then.
alter table plan alter column committee_name drop not null;

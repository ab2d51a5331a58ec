-- The plan document as submitted (carried by the plan-submitted message from version 2): the agenda's attachment and the text the
-- committee's amendments apply to. Null for submissions that arrived as v1 messages.
alter table submission add column document jsonb;

-- The payload is JSON: store and query it as such. Rows written before this fix held the Java object's
-- name instead of the JSON (a bug); they are kept, marked, rather than silently dropped.
alter table record alter column payload type jsonb
    using case when payload like '{%' then payload::jsonb else jsonb_build_object('unreadable', payload) end;

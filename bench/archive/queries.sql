-- The archive's indexed reads on the generated data set, with their plans and timings.
\timing on
-- A plan in the middle of the data set, and a municipality.
select plan_id as plan, municipality as m from archive.record where seq = (select max(seq) / 2 from archive.record) \gset
-- Timeline: the plan's records and the records linked to it, by time.
explain (analyze, buffers, costs off) select * from (
  select r.seq, r.occurred_at from archive.record r where r.plan_id = :'plan'
  union all select r.seq, r.occurred_at from archive.record_plan l join archive.record r on r.seq = l.record_seq where l.plan_id = :'plan') t
  order by occurred_at, seq;
-- As of a date: the same, up to the end of that day.
explain (analyze, buffers, costs off) select r.seq from archive.record r where r.plan_id = :'plan' and r.occurred_at < '2017-01-01' order by occurred_at, seq;
-- The municipality's plans.
explain (analyze, buffers, costs off) select plan_id, count(*), max(occurred_at) from archive.record where municipality = :'m' and plan_id is not null group by plan_id;
-- Danish full-text search across the municipality's plans and years.
explain (analyze, buffers, costs off) select d.id from archive.document d join archive.record r on r.seq = d.record_seq,
  websearch_to_tsquery('danish', 'fleksjob') q where d.search @@ q and r.municipality = :'m' order by ts_rank(d.search, q) desc limit 50;
select pg_size_pretty(pg_total_relation_size('archive.record')) as records, pg_size_pretty(pg_total_relation_size('archive.document')) as documents;

begin;
insert into bench_business (plan_id, state, payload) values (gen_random_uuid(), 'SUBMITTED', repeat('x', 200));
insert into bench_outbox (message_id, type, ordering_key, envelope) values (gen_random_uuid(), 'drafting.plan-submitted', 'k', repeat('x', 600));
commit;

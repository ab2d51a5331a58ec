insert into bench_single (v) values ('x');

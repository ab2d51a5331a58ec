-- A frozen revision (submitted, approved, withdrawn) never changes, so its PDF is rendered once, on first request, and
-- served from here afterwards (docs/security.md, "Limits"): no reader, not even an anonymous one on the public page,
-- can make the server render it again.
create table frozen_pdf (
    plan_id     uuid        not null,
    revision    integer     not null,
    pdf         bytea       not null,
    rendered_at timestamptz not null,
    primary key (plan_id, revision)
);

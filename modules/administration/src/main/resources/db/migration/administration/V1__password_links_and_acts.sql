-- Links e-mailed to users to choose a password: an invitation (valid 72 hours) or a reset ("Glemt adgangskode?",
-- valid one hour). The link carries 256 random bits; only their SHA-256 is stored, so a database dump opens no
-- account. A link is used once; a newer link for the same user and purpose replaces the older one.
create table password_link (
    token_hash    text primary key,
    username      text        not null,
    purpose       text        not null check (purpose in ('INVITATION', 'RESET')),
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    used_at       timestamptz,
    superseded_at timestamptz
);
create index password_link_user on password_link (username, purpose);

-- Every administrative act as the administrators' pages list it (who, when, what). The archive keeps the
-- tamper-evident, hash-chained copy of the same messages.
create table act (
    message_id   uuid primary key,
    occurred_at  timestamptz not null,
    actor        text        not null,
    municipality text,
    type         text        not null,
    subject      text        not null,
    summary      text        not null
);
create index act_municipality on act (municipality, occurred_at desc);
create index act_subject on act (subject, occurred_at desc);

-- Municipalities are the tenant boundary: officials of one never touch another's plans.
create table municipality (
    code text primary key,          -- kommunekode, e.g. 316 (Holbæk)
    name text not null
);

create table app_user (
    username          text primary key,
    display_name      text        not null,
    email             text,
    password_hash     text        not null,
    municipality_code text references municipality (code),   -- null only for a global ADMIN
    roles             text[]      not null,
    failed_logins     integer     not null default 0,
    locked_until      timestamptz,
    created_at        timestamptz not null default now()
);
create index app_user_municipality on app_user (municipality_code);

-- Server-side sessions: the cookie holds a random id, the table only its SHA-256.
create table user_session (
    id_hash      text primary key,
    username     text        not null references app_user (username),
    csrf_token   text        not null,
    created_at   timestamptz not null,
    last_seen_at timestamptz not null
);
create index user_session_username on user_session (username);

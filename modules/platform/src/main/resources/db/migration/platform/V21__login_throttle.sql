-- Login throttling (ADR 0019): failed logins are counted per (account, client address) and per client address,
-- never per account alone, so nobody can lock an account's owner out by guessing from elsewhere. A row's key is
-- the SHA-256 of "account|address" or "|address": neither user names nor addresses are kept in clear.
create table login_throttle (
    key_hash        text primary key,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    blocked_until   timestamptz
);
create index login_throttle_last_failure on login_throttle (last_failure_at);

-- The account lock-out these columns held is gone; they are no longer read or written.
comment on column app_user.failed_logins is 'unused since V21 (login_throttle)';
comment on column app_user.locked_until is 'unused since V21 (login_throttle)';

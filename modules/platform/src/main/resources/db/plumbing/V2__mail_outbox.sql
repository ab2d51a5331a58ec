-- E-mail a module has decided to send, written in the same transaction as the state change that causes
-- it (a decision, a reminder). The platform's mail sender delivers it after the commit and marks it sent.
create table mail_outbox (
    id              uuid        primary key,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    -- Why the mail exists (a decision id, a reminder id): one cause sends one mail.
    cause           text        not null unique,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null;

-- What the test-only probe module applied, one row per application of a message.
create table applied (
    id         bigserial primary key,
    message_id uuid not null,
    text       text not null
);

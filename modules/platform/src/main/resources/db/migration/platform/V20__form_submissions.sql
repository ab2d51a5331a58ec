-- Each page form carries a random submission id (beskplan.js); a second request with the same id from the same
-- session is a repeat (a double click, a re-sent form) and is not carried out again.
create table form_submission (
    session_hash  text        not null,
    submission_id text        not null,
    created_at    timestamptz not null,
    completed_at  timestamptz,
    location      text,           -- where the first request sent the browser (303), if anywhere
    primary key (session_hash, submission_id)
);
create index form_submission_created on form_submission (created_at);

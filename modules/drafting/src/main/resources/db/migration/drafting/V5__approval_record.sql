-- How each plan in force was approved, for its public page: the decision that put it in force (date, deciding body,
-- the meeting whose decision protocol records it). Written when drafting applies that decision.
create table approval_record (
    plan_id       uuid primary key references plan (id),
    decision_id   uuid        not null,
    decided_on    date        not null,
    deciding_body text        not null,
    meeting_id    uuid,                  -- approval's meeting; null for decisions recorded before meetings existed
    recorded_at   timestamptz not null
);

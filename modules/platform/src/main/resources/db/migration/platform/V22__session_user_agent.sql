-- "Mine sessioner" (issue 15, finding 7): each session remembers the browser it was started from, so the user can
-- tell their sessions apart and end the others. Cut to 300 characters; only ever shown back to the session's owner
-- and their administrators.
alter table user_session add column user_agent text;
create index user_session_username_created on user_session (username, created_at);

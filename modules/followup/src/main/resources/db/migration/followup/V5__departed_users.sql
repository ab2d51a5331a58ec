-- Users the administration deactivated (message "administration.user-deactivated"; removed again on "administration.user-reactivated"):
-- they get no reminders, and the goals they own are offered for reassignment on the plan's page.
create table departed_user (
    username       text primary key,
    display_name   text        not null,
    municipality   text,
    deactivated_at timestamptz not null
);

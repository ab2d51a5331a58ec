-- A submitted revision the administration took back stays frozen, labelled WITHDRAWN.
comment on column plan_revision.frozen_as is 'null (an ordinary save), SUBMITTED, WITHDRAWN (submitted, then taken back) or APPROVED';

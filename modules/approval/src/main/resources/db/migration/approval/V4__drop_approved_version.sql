-- The approved version is the drafting module's to keep: it freezes the approved revision and publishes it, with
-- its content hash, in its plan-approved message. Approval's copy was written at every final approval and never read.
drop table approved_version;

-- A suspension decided on the administrators' page has no end: it lasts until someone lifts it. Its row in
-- timed_sanction has no until_at, so the hourly job (until_at <= now) never picks it, while lifting it (by hand, or
-- when an appeal reverses it) still goes through the row.
alter table timed_sanction alter column until_at drop not null;

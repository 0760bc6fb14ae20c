-- Each rater's factor from the last scoring run: which side of what divides raters they stand on. Used only to order
-- the notes offered to them for rating (a note lacking ratings from their side first); never shown to anyone.
-- Replaced as a whole by every run; a rater without a row has no factor yet (new, or too few ratings to count).
create table note_rater_factor (
    rater_id   bigint            primary key,
    factor     double precision  not null,
    scored_at  timestamp with time zone not null
);

-- Community notes on posts. group_id copies the post's group so that notes of private groups are never listed or
-- exported outside it. status is what the scorer last decided; post_edited_at the last edit of the post seen.
create table note (
    id              bigint        primary key,
    post_id         bigint        not null,
    group_id        bigint,
    author_id       bigint        not null,
    misleading      boolean       not null,
    body            varchar(2000) not null,
    body_html       text          not null,
    sources         varchar(4000) not null,
    created_at      timestamp with time zone not null,
    status          varchar(24)   not null default 'NEEDS_MORE_RATINGS',
    status_at       timestamp with time zone,
    intercept       double precision,
    factor          double precision,
    post_edited_at  timestamp with time zone
);
create index note_by_post on note (post_id);
create index note_by_author on note (author_id, id);
create index note_by_status on note (status, id);

-- helpfulness: 1.0 helpful, 0.5 somewhat, 0.0 not helpful. tags: comma-separated reason tags.
create table note_rating (
    note_id      bigint  not null references note (id) on delete cascade,
    rater_id     bigint  not null,
    helpfulness  double precision not null,
    tags         varchar(300) not null default '',
    created_at   timestamp with time zone not null,
    constraint note_rating_pk primary key (note_id, rater_id)
);
create index note_rating_by_rater on note_rating (rater_id);

-- Posts someone flagged as "needs context": offered to note writers.
create table note_request (
    post_id       bigint  primary key,
    group_id      bigint,
    requests      int     not null default 1,
    requested_at  timestamp with time zone not null
);

-- The daily anonymised export: one row per day, the files as text (TSV), made 48 hours after the day's end.
create table note_export (
    export_day    varchar(10)  primary key,
    notes_tsv     text         not null,
    ratings_tsv   text         not null,
    made_at       timestamp with time zone not null
);

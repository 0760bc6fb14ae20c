-- Rate-limit buckets shared by all nodes (used on PostgreSQL; one H2 node keeps them in memory).
-- tokens and refilled_at (seconds since the epoch) describe the bucket after the last request; granted says
-- whether that request got a token, so one upsert both takes and answers.
create table rate_bucket (
    id          varchar(600)     primary key,
    tokens      double precision not null,
    refilled_at double precision not null,
    granted     boolean          not null,
    expires_at  timestamp with time zone not null
);
create index rate_bucket_expiry on rate_bucket (expires_at);

-- The search index: the accepted text of each live post, kept by the search feature from the post events.
-- group_id says who may read a hit (null: a profile post, public). On PostgreSQL V16_1 adds a tsvector column and
-- its GIN index; on H2 the words column is searched with like.
create table search_entry (
    post_id    bigint        primary key,
    group_id   bigint,
    author_id  bigint        not null,
    title      varchar(300)  not null default '',
    body       text          not null,
    words      text          not null
);
create index search_entry_by_author on search_entry (author_id);

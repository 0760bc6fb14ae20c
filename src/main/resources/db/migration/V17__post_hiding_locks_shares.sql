-- Content hidden by flags or moderators: gone from feeds, pages and the API for everyone but its author and
-- moderators, who see it marked. A row per hidden item; restoring deletes the row.
create table post_hidden (
    post_id     bigint  primary key references post (id) on delete cascade,
    hidden_at   timestamp with time zone not null
);

create table comment_hidden (
    comment_id  bigint  primary key references post_comment (id) on delete cascade,
    post_id     bigint  not null,
    hidden_at   timestamp with time zone not null
);
create index comment_hidden_by_post on comment_hidden (post_id);

-- A locked discussion takes no new comments.
create table post_lock (
    post_id     bigint  primary key references post (id) on delete cascade,
    locked_at   timestamp with time zone not null
);

-- A share is a post that embeds another one.
create table post_share (
    post_id     bigint  primary key references post (id) on delete cascade,
    original_id bigint  not null
);
create index post_share_by_original on post_share (original_id);

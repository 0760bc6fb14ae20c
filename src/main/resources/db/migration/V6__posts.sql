-- Posts belong to a group, or (group_id null) to their author's profile. body_html is the sanitised rendering,
-- made once when the text is written, so reading never renders Markdown again.
create table post (
    id              bigint        primary key,
    group_id        bigint,
    author_id       bigint        not null,
    title           varchar(300)  not null default '',
    body            text          not null,
    body_html       text          not null,
    link_url        varchar(2000),
    created_at      timestamp with time zone not null,
    edited_at       timestamp with time zone,
    deleted_at      timestamp with time zone,
    comment_count   int           not null default 0,
    like_count      int           not null default 0,
    last_comment_at timestamp with time zone
);
-- Feeds read "newest posts of this group / this author" by walking these indexes backwards.
create index post_by_group on post (group_id, id);
create index post_by_author on post (author_id, id);

create table post_comment (
    id          bigint  primary key,
    post_id     bigint  not null references post (id) on delete cascade,
    parent_id   bigint,
    depth       int     not null,
    author_id   bigint  not null,
    body        text    not null,
    body_html   text    not null,
    created_at  timestamp with time zone not null,
    edited_at   timestamp with time zone,
    deleted_at  timestamp with time zone,
    like_count  int     not null default 0
);
create index post_comment_by_post on post_comment (post_id, id);
create index post_comment_by_author on post_comment (author_id, id);

create table post_like (
    post_id     bigint  not null references post (id) on delete cascade,
    account_id  bigint  not null,
    created_at  timestamp with time zone not null,
    constraint post_like_pk primary key (post_id, account_id)
);
create index post_like_by_account on post_like (account_id);

create table comment_like (
    comment_id  bigint  not null references post_comment (id) on delete cascade,
    account_id  bigint  not null,
    created_at  timestamp with time zone not null,
    constraint comment_like_pk primary key (comment_id, account_id)
);
create index comment_like_by_account on comment_like (account_id);

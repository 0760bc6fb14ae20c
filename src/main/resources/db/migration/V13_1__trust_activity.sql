-- What each person did on each day (UTC), for the trust level computation: all-time sums for levels 1 and 2, the
-- last 100 days for level 3. Nodes count in memory and add their counts here in bulk every few seconds, so a page
-- view is never a write of its own.
create table trust_activity_day (
    account_id       bigint  not null,
    on_day           date    not null,
    visited          boolean not null default false,
    posts_entered    int     not null default 0,
    posts_read       int     not null default 0,
    reading_seconds  int     not null default 0,
    likes_given      int     not null default 0,
    likes_received   int     not null default 0,
    replies          int     not null default 0,
    constraint trust_activity_day_pk primary key (account_id, on_day)
);
create index trust_activity_day_by_day on trust_activity_day (on_day);

-- Who liked a person's posts and comments, and when last: level 3 asks for likes from several different people.
create table trust_liker (
    account_id  bigint not null,
    liker_id    bigint not null,
    last_day    date   not null,
    constraint trust_liker_pk primary key (account_id, liker_id)
);
create index trust_liker_by_liker on trust_liker (liker_id);

-- The posts (threads) a person commented on, other than their own: level 2 asks for replies in a few threads.
create table trust_reply_thread (
    account_id  bigint not null,
    post_id     bigint not null,
    first_day   date   not null,
    constraint trust_reply_thread_pk primary key (account_id, post_id)
);

-- How many posts the whole site published each day: level 3 asks to have read a share of them.
create table trust_site_day (
    on_day           date not null primary key,
    posts_published  int  not null default 0
);

-- One-way follows between people. No foreign keys: accounts belong to the account module, which may delete or
-- anonymise them on its own terms; lists skip accounts that are gone.
create table follow (
    follower_id  bigint  not null,
    followee_id  bigint  not null,
    created_at   timestamp with time zone not null,
    constraint follow_pk primary key (follower_id, followee_id),
    constraint follow_not_self check (follower_id <> followee_id)
);
-- "Who follows X": the primary key already answers "whom does X follow".
create index follow_by_followee on follow (followee_id, follower_id);

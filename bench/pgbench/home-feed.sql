-- One home feed, first page, as PostgreSQL alone can serve it: the viewer's groups and followees, then the newest
-- 20 live posts among them fetched per source from (group_id, id) and (author_id, id) and merged, then those posts
-- with their authors and groups. The same indexes as the server's queries (Posts.newestIds), written with
-- LATERAL because pgbench cannot build the server's union of one sub-query per source; LATERAL reads 20 ids from
-- every source where the server's union stops each walk as soon as the merge has its page. A random seeded person
-- each time: account ids are base + n * step (see bench/target/seed/seed.properties).
\set n random(0, :users - 1)
\set uid :base + :n * :step
select group_id from group_member where account_id = :uid;
select followee_id from follow where follower_id = :uid;
with ids as (
    select id from (
        select p.id from group_member m cross join lateral (
            select id from post where group_id = m.group_id and deleted_at is null
            order by group_id desc, id desc limit 20) p
        where m.account_id = :uid
        union
        select p.id from (select followee_id as author from follow where follower_id = :uid union all select :uid) f
        cross join lateral (
            select id from post where author_id = f.author and deleted_at is null
            order by author_id desc, id desc limit 20) p
    ) newest order by id desc limit 20
)
select p.id, p.group_id, p.author_id, p.title, p.body_html, p.created_at, p.comment_count, p.like_count,
       a.handle, a.display_name, g.slug, g.name, g.visibility
from post p join ids on ids.id = p.id join account a on a.id = p.author_id left join topic_group g on g.id = p.group_id
order by p.id desc;

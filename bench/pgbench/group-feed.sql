-- One group feed, first page, as PostgreSQL alone serves it: a group drawn by popularity rank (g0 is the largest),
-- its newest 20 live posts from (group_id, id), with their authors.
\set g random_zipfian(0, :groups - 1, 1.1)
select id, visibility from topic_group where slug_key = 'g' || :g;
select p.id, p.author_id, p.title, p.body_html, p.created_at, p.comment_count, p.like_count, a.handle, a.display_name
from post p join account a on a.id = p.author_id
where p.group_id = (select id from topic_group where slug_key = 'g' || :g) and p.deleted_at is null
order by p.group_id desc, p.id desc limit 20;

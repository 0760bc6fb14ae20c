-- New content held by a group's filter tells nobody yet: its notifications (mentions, the reply to its parent's
-- author, the comment to the post's author) wait until a moderator releases it, and never go if it is removed.
-- Only new content waits (an edit that is held notified at its publication already).
alter table post_hidden add column notices_wait boolean not null default false;
alter table comment_hidden add column notices_wait boolean not null default false;

-- A post's content warning is part of its revisions, like its title and body: a change of warning (by its author
-- or a moderator) is a revision of its own, shown in the history and the diffs with who made it.
alter table wiki_revision add column content_warning varchar(200);

-- A rebuild of the search index is another node's while it makes progress: a rebuild of millions of documents takes
-- longer than the 10 minutes after which an abandoned one is taken over, and was taken over while still running.
alter table search_index_state add column progressed_at timestamp with time zone;

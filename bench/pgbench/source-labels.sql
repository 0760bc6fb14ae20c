-- The labels of one page of posts: 20 links' domains looked up at once, as LabelsOnPreviews does.
-- Run against a database with source_page filled (see docs/benchmarks.md, "Source labels").
\set a random(1, 200000)
\set b random(1, 200000)
\set c random(1, 200000)
\set d random(1, 200000)
\set e random(1, 200000)
\set f random(1, 200000)
\set g random(1, 200000)
\set h random(1, 200000)
\set i random(1, 200000)
\set j random(1, 200000)
select id, domain, label, created_at, labelled_at from source_page
where domain in ('site' || :a || '.org', 'site' || :b || '.org', 'site' || :c || '.org', 'site' || :d || '.org',
                 'site' || :e || '.org', 'site' || :f || '.org', 'site' || :g || '.org', 'site' || :h || '.org',
                 'site' || :i || '.org', 'site' || :j || '.org', 'other' || :a || '.com', 'other' || :b || '.com',
                 'other' || :c || '.com', 'other' || :d || '.com', 'other' || :e || '.com', 'other' || :f || '.com',
                 'other' || :g || '.com', 'other' || :h || '.com', 'other' || :i || '.com', 'other' || :j || '.com')
  and label is not null;

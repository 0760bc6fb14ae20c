#!/usr/bin/env python3
"""Writes pgbench scripts that make, statement for statement, the queries the server makes for one feed request.

The ceiling the server is judged against is PostgreSQL alone executing the same feed queries. The home feed query
is a union of one bounded walk per source (the person's groups, their followees and themselves), padded to a power
of two as the server pads it (Posts.padded), so its text depends on the person: pgbench cannot build it from
variables. This script therefore picks people at random (fixed seed) among the seeded community and writes one
script per person with their sources written in, as the server would bind them; pgbench runs the scripts at random
(at most 128 scripts, pgbench's limit). The group feed has a fixed shape and is one script with variables.

Each script makes the API request's statements in order: the token and its owner, the sources, the page of posts,
the readable groups among them, moderation marks and shares, the authors, the viewer's likes, the Helpful notes.
Where the server passes the page's ids as a list, the scripts pass them as an array (`= any(...)`), which
PostgreSQL plans exactly as the list; the page of posts is aggregated into those arrays in the database instead of
being sent row by row (pgbench cannot keep rows), which spares it the transfer of 20 rows.

usage: server_sql.py OUT_DIR DB USER SEED_PROPERTIES [PEOPLE]
"""
import hashlib
import os
import random
import subprocess
import sys

MAX_LONG = 9223372036854775807
PAGE = 20
POST_COLUMNS = ("id, group_id, author_id, title, body, body_html, link_url, created_at, edited_at, comment_count, "
                "like_count, last_comment_at, link_summary")
P_COLUMNS = ", ".join("p." + c.strip() for c in POST_COLUMNS.split(","))
GROUP_COLUMNS = ("g.id, g.slug, g.name, g.description, g.language, g.visibility, g.join_policy, g.join_questions, "
                 "g.moderators_only_posting, g.is_default, g.member_count, g.created_at, g.last_activity_at")
ACCOUNT_COLUMNS = "id, handle, email, display_name, bio, locale, time_zone, state, role, created_at, verified_at"
NOTE_COLUMNS = ("id, post_id, group_id, author_id, misleading, body, body_html, sources, created_at, status, "
                "status_at, intercept, factor, post_edited_at")


def padded(ids):
    ids = list(ids)
    size = len(ids) if len(ids) <= 1 else 1 << (len(ids) - 1).bit_length()
    return ids + [-1] * (size - len(ids))


def psql(db, user, sql):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", user, "-d", db, "-tAc", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line]


def token_and_owner(token_hash):
    a_columns = ", ".join("a." + c.strip() for c in ACCOUNT_COLUMNS.split(","))
    return (f"select {a_columns} from api_token t join account a on a.id = t.account_id "
            f"where t.token_hash = '{token_hash}';")


def after_page(viewer):
    """The statements that follow the page of posts; :ids, :authors and :grps come from the page."""
    return [
        f"select {GROUP_COLUMNS} from topic_group g where g.id = any(:grps::bigint[]) and (g.visibility = 'PUBLIC' "
        f"or exists (select 1 from group_member m where m.group_id = g.id and m.account_id = {viewer}));",
        "select post_id, 'H' as what, 0 as original_id from post_hidden where post_id = any(:ids::bigint[]) "
        "union all select post_id, 'L', 0 from post_lock where post_id = any(:ids::bigint[]) "
        "union all select post_id, 'S', original_id from post_share where post_id = any(:ids::bigint[]);",
        f"select {ACCOUNT_COLUMNS} from account where id = any(:authors::bigint[]);",
        f"select post_id from post_like where account_id = {viewer} and post_id = any(:ids::bigint[]);",
        f"select {NOTE_COLUMNS} from note where post_id = any(:ids::bigint[]) and status = 'HELPFUL' "
        "order by intercept desc, id;",
    ]


def page_of(sources_sql):
    return ("select coalesce(array_agg(id), '{}') as ids, coalesce(array_agg(distinct author_id), '{}') as authors, "
            "coalesce(array_agg(distinct group_id) filter (where group_id is not null), '{}') as grps from ("
            f"select {P_COLUMNS} from (select distinct id from ({sources_sql}) sourced order by id desc limit {PAGE}) "
            "newest join post p on p.id = newest.id) page\n\\gset")


def home_script(viewer, token_hash, groups, followees):
    parts = [f"(select id from post where group_id = {g} and id < {MAX_LONG} and deleted_at is null "
             f"order by group_id desc, id desc limit {PAGE})" for g in padded(groups)]
    parts += [f"(select id from post where author_id = {a} and id < {MAX_LONG} and deleted_at is null "
              f"order by author_id desc, id desc limit {PAGE})" for a in padded(sorted(set(followees) | {viewer}))]
    return "\n".join([
        token_and_owner(token_hash),
        f"select group_id from group_member where account_id = {viewer};",
        f"select followee_id from follow where follower_id = {viewer};",
        page_of(" union all ".join(parts)),
        *after_page(viewer),
    ]) + "\n"


def main():
    out, db, user, seed_properties = sys.argv[1:5]
    people = int(sys.argv[5]) if len(sys.argv) > 5 else 128
    props = dict(line.strip().split("=", 1) for line in open(seed_properties) if "=" in line)
    users, base, step = int(props["users"]), int(props["userBaseId"]), int(props["userIdStep"])
    prefix = props.get("tokenPrefix", "trb_bench_")
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261125)
    chosen = rng.sample(range(users), min(people, users))
    for n in chosen:
        viewer = base + n * step
        groups = [int(g) for g in psql(db, user, f"select group_id from group_member where account_id = {viewer}")]
        followees = [int(f) for f in psql(db, user, f"select followee_id from follow where follower_id = {viewer}")]
        token_hash = hashlib.sha256(f"{prefix}{n}".encode()).hexdigest()
        with open(os.path.join(out, f"home-u{n}.sql"), "w") as f:
            f.write(home_script(viewer, token_hash, groups, followees))
    # The group feed: a seeded person reads a group drawn by popularity (g0 is the largest), as the API does it.
    with open(os.path.join(out, "group.sql"), "w") as f:
        f.write("\n".join([
            "\\set n random(0, :users - 1)",
            "\\set viewer :base + :n * :step",
            "\\set g random_zipfian(0, :groups - 1, 1.1)",
            f"select {', '.join('a.' + c.strip() for c in ACCOUNT_COLUMNS.split(','))} from api_token t "
            "join account a on a.id = t.account_id where t.account_id = :viewer;",
            f"select {GROUP_COLUMNS}, g.id as gid from topic_group g where g.slug_key = 'g' || :g\n\\gset",
            "select group_id, account_id, role, since from group_member where group_id = :gid and account_id = :viewer;",
            # the server asks about bans, requests and invitations only for people outside the group
            "select count(*) as member from group_member where group_id = :gid and account_id = :viewer\n\\gset",
            "\\if :member = 0",
            "select count(*) from group_ban where group_id = :gid and account_id = :viewer;",
            "select count(*) from group_join_request where group_id = :gid and account_id = :viewer;",
            "select count(*) from group_invitation where group_id = :gid and account_id = :viewer;",
            "\\endif",
            page_of(f"(select id from post where group_id = :gid and id < {MAX_LONG} and deleted_at is null "
                    f"order by group_id desc, id desc limit {PAGE})"),
            *[s.replace("{viewer}", ":viewer") for s in after_page(":viewer")],
        ]) + "\n")
    print(f"{len(chosen)} home feed scripts and a group feed script in {out}")


if __name__ == "__main__":
    main()

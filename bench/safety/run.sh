#!/usr/bin/env bash
# The cost of safety on the home feed (issue 17): the feed's throughput for a person with 50 mutes, 20 blocks and
# 30 filter words against a normal person, measured in the same run, in alternating rounds (bench/safety/HomeFeedPair.java).
#
#   bench/safety/run.sh [small|medium] [--rounds N (6)] [--seconds S (20)] [--clients N (8)] [--pick frequent|random]
#                       [--words unseen|frequent]
#
# PostgreSQL on 127.0.0.1:5432 (user postgres), database BENCH_SAFETY_DB (tribune_bench_safety_<size>), made and
# seeded on first use with ./tribune seed. The two people are u10 (A) and u11 (B); B is made A's twin first (the same
# groups, the same followees), so that the only difference between their feeds is A's safety settings. A's blocks,
# mutes and filters are made through the API, as a person makes them. --pick frequent (the worst case): the 20 blocks
# go to the most frequent authors of A's feed whom A does not follow (a block ends follows, which would shrink A's
# feed and flatter the result), the 50 mutes to the next most frequent authors; --pick random: 70 authors of A's
# feed in a fixed random order (md5 of the handle), blocks again among those A does not follow; the 30 filters (HOME, 15 HIDE and 15 WARN) to words of the seeded
# posts ranked 40th to 69th by frequency.
# --words unseen (the default, the case the target is judged on): 30 topic words people filter that the seeded posts
# never use, so that every filter scans every text of every entry to its end and A's page is as full as B's: the whole
# cost of checking, nothing saved by showing less. --words frequent: the seeded words ranked 40th to 69th, each in
# about 29% of the posts, so that the 15 hiding ones leave A's first page all but empty (0.71^15: under 1% of posts
# survive) and A's feed shows suggestions, themselves all but emptied. The jar is built first if stale (mvn package).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE=small ROUNDS=6 SECONDS_=20 CLIENTS=8 PICK=frequent WORDS=unseen
while [ $# -gt 0 ]; do
  case "$1" in
    small|medium) SIZE=$1; shift ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --pick) PICK=$2; shift 2 ;;
    --words) WORDS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for dir in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 "${JAVA_HOME:-}"; do
  [ -n "$dir" ] && [ -x "$dir/bin/java" ] && { export JAVA_HOME=$dir; break; }
done
export PATH="$JAVA_HOME/bin:$PATH"
DB=${BENCH_SAFETY_DB:-tribune_bench_safety_$SIZE}
# A free port of our own: the machine is shared, and a health check answered by someone else's server would send
# this script's requests there.
PORT=${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
if (exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null; then echo "port $PORT is in use" >&2; exit 1; fi
BASE=http://127.0.0.1:$PORT
RUN=bench/target/results/$(date -u +%Y%m%dT%H%M%SZ)-safety-$SIZE-$PICK-$WORDS
mkdir -p "$RUN"
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -v ON_ERROR_STOP=1)
DBENV=(TRIBUNE_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$DB TRIBUNE_DATABASE_USER=postgres)

JAR=${BENCH_JAR:-target/tribune.jar} # BENCH_JAR: a copy, so that a build meanwhile does not replace the running jar
[ -f "$JAR" ] || mvn -q -B -o -DskipTests package
if ! "${PSQL[@]}" -c "select 1 from account limit 1" > /dev/null 2>&1; then
  createdb -h 127.0.0.1 -U postgres "$DB" 2> /dev/null || true
  env "${DBENV[@]}" java -jar "$JAR" --tribune.seed.size="$SIZE" --server.port=0 --spring.main.banner-mode=off \
    --logging.level.root=warn > "$RUN/seed.log" 2>&1
fi

A=$("${PSQL[@]}" -c "select id from account where handle = 'u10'")
B=$("${PSQL[@]}" -c "select id from account where handle = 'u11'")
PREFIX=trb_bench_
# B becomes A's twin; A's earlier safety settings go (a run starts from the same place every time).
"${PSQL[@]}" <<SQL
delete from safety_block where blocker_id in ($A, $B) or blocked_id in ($A, $B);
delete from safety_mute where muter_id in ($A, $B);
delete from safety_filter where account_id in ($A, $B);
delete from group_member where account_id = $B;
insert into group_member (group_id, account_id, role, since) select group_id, $B, 'MEMBER', since from group_member where account_id = $A;
delete from follow where follower_id = $B;
insert into follow (follower_id, followee_id, created_at) select $B, followee_id, created_at from follow where follower_id = $A and followee_id <> $B;
SQL

env "${DBENV[@]}" SERVER_PORT=$PORT TRIBUNE_PREVIEWS_ENABLED=false TRIBUNE_DATABASE_POOL_SIZE=16 \
  java -Xmx512m -Xms512m -XX:+UseG1GC -jar "$JAR" --logging.level.root=warn \
  --tribune.limits.blocks-per-hour=1000 --tribune.limits.filters-per-hour=1000 > "$RUN/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2> /dev/null || true' EXIT
until curl -sf -o /dev/null "$BASE/actuator/health" && ss -ltnp 2> /dev/null | grep ":$PORT " | grep -q "pid=$SERVER,"; do
  kill -0 $SERVER 2> /dev/null || { tail -20 "$RUN/server.log"; exit 1; }
  sleep 0.2
done

api() { # fails unless the answer is 2xx (a 302 to the login page would otherwise pass for success)
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' -X "$1" "$BASE$2" -H "Authorization: Bearer ${PREFIX}10" \
    -H 'Content-Type: application/json' ${3:+-d "$3"})
  case "$code" in 2??) ;; *) echo "$1 $2 answered $code" >&2; return 1 ;; esac
}
# The most frequent authors of A's feed (A's groups and followees).
AUTHORS="with src as (select group_id from group_member where account_id = $A)
  select a.handle, exists (select 1 from follow f where f.follower_id = $A and f.followee_id = p.author_id)
  from post p join account a on a.id = p.author_id
  where p.deleted_at is null and p.author_id not in ($A, $B)
    and (p.group_id in (select group_id from src) or p.author_id in (select followee_id from follow where follower_id = $A))
  group by a.handle, p.author_id order by $([ "$PICK" = random ] && echo "md5(a.handle)" || echo "count(*) desc, a.handle") limit 400"
mapfile -t rows < <("${PSQL[@]}" -F ' ' -c "$AUTHORS")
blocked=() muted=()
for row in "${rows[@]}"; do
  read -r handle followed <<< "$row"
  if [ ${#blocked[@]} -lt 20 ] && [ "$followed" = f ]; then blocked+=("$handle")
  elif [ ${#muted[@]} -lt 50 ]; then muted+=("$handle"); fi
done
[ ${#blocked[@]} = 20 ] && [ ${#muted[@]} = 50 ] || { echo "not enough authors in A's feed (${#blocked[@]} blocks, ${#muted[@]} mutes)" >&2; exit 1; }
for h in "${blocked[@]}"; do api PUT "/api/v1/users/$h/block"; done
for h in "${muted[@]}"; do api PUT "/api/v1/users/$h/mute" '{}'; done
if [ "$WORDS" = frequent ]; then
  mapfile -t words < <("${PSQL[@]}" -c "select body from post order by id desc limit 3000" | tr -cs '[:alpha:]' '\n' \
  | tr '[:upper:]' '[:lower:]' | awk 'length($0) > 3' | sort | uniq -c | sort -k1,1nr -k2 | sed -n '40,69p' | awk '{print $2}')
else
  words=(crypto bitcoin horoscope celebrity lottery casino betting influencer giveaway diet supplement tabloid gossip
    royals reality spoiler trailer clickbait ranking scandal rumour outrage viral meme airdrop nft forex astrology
    zodiac paparazzi)
  seen=$("${PSQL[@]}" -c "select count(*) from post where lower(coalesce(title, '') || ' ' || body) ~ '\\m($(IFS='|'; echo "${words[*]}"))\\M'")
  [ "$seen" = 0 ] || { echo "$seen seeded posts use the unseen words" >&2; exit 1; }
fi
[ ${#words[@]} = 30 ] || { echo "only ${#words[@]} filter words" >&2; exit 1; }
i=0
for w in "${words[@]}"; do
  action=$([ $((i % 2)) = 0 ] && echo HIDE || echo WARN); i=$((i + 1))
  api POST /api/v1/filters "{\"phrase\": \"$w\", \"contexts\": [\"HOME\"], \"action\": \"$action\"}"
done
counts=$("${PSQL[@]}" -c "select (select count(*) from safety_block where blocker_id = $A) || ' blocks, ' ||
  (select count(*) from safety_mute where muter_id = $A) || ' mutes, ' || (select count(*) from safety_filter where account_id = $A) || ' filters'")

{
  echo "# Home feed: safety's cost, $(date -u +%FT%TZ), $SIZE set on PostgreSQL, blocks and mutes: $PICK authors, filter words: $WORDS"
  echo "A = u10 ($counts; filter words: ${words[*]}), B = u11 (A's groups and followees, nothing else)"
  echo "$ROUNDS rounds of ${SECONDS_} s per person, alternating, $CLIENTS closed-loop clients, GET /api/v1/feed (first page)"
  echo "machine: $(nproc) CPUs shared with other builds; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo '```'
  java bench/safety/HomeFeedPair.java "$BASE" "${PREFIX}10" "${PREFIX}11" "$ROUNDS" "$SECONDS_" "$CLIENTS"
  echo '```'
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RUN/summary.md"

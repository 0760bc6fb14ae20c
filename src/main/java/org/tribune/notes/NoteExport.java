package org.tribune.notes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tribune.group.Group;
import org.tribune.group.GroupAccess;
import org.tribune.platform.ClusterJobs;
import org.tribune.platform.ServerSecret;

/**
 * The daily open-data export of notes and ratings, so anyone can re-run the scoring. The files of day D hold every
 * note and rating written up to the end of D (UTC) on public posts; they are made 48 hours later, so nothing fresh
 * can be tied to someone's activity. People appear only as pseudonyms: an HMAC of their account id with the
 * server's secret, the same from one day to the next, impossible to reverse without the secret. No account ids.
 */
@Service
public class NoteExport {
    static final String PURPOSE = "notes-export";
    static final String NOTES_HEADER = "noteId\tpostId\twriter\tclassification\tstatus\tcreatedAt\tsources\ttext";
    static final String RATINGS_HEADER = "noteId\trater\thelpfulness\ttags\tcreatedAt";

    private final Notes notes;
    private final NoteRatings ratings;
    private final NoteExports exports;
    private final GroupAccess groups;
    private final ServerSecret secret;
    private final ClusterJobs jobs;
    private final Clock clock;

    NoteExport(Notes notes, NoteRatings ratings, NoteExports exports, GroupAccess groups, ServerSecret secret,
            ClusterJobs jobs, Clock clock) {
        this.notes = notes;
        this.ratings = ratings;
        this.exports = exports;
        this.groups = groups;
        this.secret = secret;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The latest day whose files may be made now: two days ago. */
    public LocalDate latestDay() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(2);
    }

    @Scheduled(fixedDelay = 1_800_000, initialDelay = 240_000)
    void daily() {
        LocalDate day = latestDay();
        if (exports.of(day.toString()).isEmpty() && jobs.claim(PURPOSE, day.toString())) {
            make(day);
        }
    }

    /** Makes the files of one day (at most two days ago); does nothing if they exist. */
    public void make(LocalDate day) {
        if (day.isAfter(latestDay())) {
            throw new IllegalArgumentException("the export of " + day + " is not due before 48 hours have passed");
        }
        NoteExports.Files files = build(day.toString(), day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        exports.insert(day.toString(), files.notesTsv(), files.ratingsTsv(), clock.instant());
    }

    /** The files of everything written before {@code until}, public posts only. */
    NoteExports.Files build(String day, Instant until) {
        List<Note> shown = publicOnly(notes.createdBefore(until));
        Set<Long> ids = new HashSet<>();
        StringBuilder notesTsv = new StringBuilder(NOTES_HEADER).append('\n');
        for (Note n : shown) {
            ids.add(n.id());
            notesTsv.append(n.id()).append('\t').append(n.postId()).append('\t').append(pseudonym(n.authorId())).append('\t')
                    .append(n.misleading() ? "misleading" : "not-misleading").append('\t').append(n.status().name())
                    .append('\t').append(n.createdAt()).append('\t').append(clean(String.join(" ", n.sources())))
                    .append('\t').append(clean(n.body())).append('\n');
        }
        StringBuilder ratingsTsv = new StringBuilder(RATINGS_HEADER).append('\n');
        for (NoteRatings.Stored r : ratings.createdBefore(until)) {
            if (ids.contains(r.noteId())) {
                ratingsTsv.append(r.noteId()).append('\t').append(pseudonym(r.raterId())).append('\t')
                        .append(r.helpfulness()).append('\t').append(r.tags()).append('\t').append(r.createdAt()).append('\n');
            }
        }
        return new NoteExports.Files(day, notesTsv.toString(), ratingsTsv.toString());
    }

    private List<Note> publicOnly(List<Note> list) {
        Set<Long> groupIds = new HashSet<>();
        list.stream().map(Note::groupId).filter(g -> g != null).forEach(groupIds::add);
        Map<Long, Group> found = groupIds.isEmpty() ? new HashMap<>() : groups.groups(groupIds);
        return list.stream().filter(n -> n.groupId() == null
                || (found.containsKey(n.groupId()) && found.get(n.groupId()).isPublic())).toList();
    }

    String pseudonym(long accountId) {
        return secret.pseudonym(PURPOSE, Long.toString(accountId));
    }

    /** Tabs and line breaks would break the columns: they become spaces. */
    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    public List<String> days() {
        return exports.days(60);
    }

    /** One file of one day: {@code notes} or {@code ratings}, as TSV text. */
    public String tsv(String day, String file) {
        NoteExports.Files files = exports.of(day).orElseThrow(() -> new org.tribune.platform.NotFound("export"));
        return switch (file) {
            case "notes" -> files.notesTsv();
            case "ratings" -> files.ratingsTsv();
            default -> throw new org.tribune.platform.NotFound("export");
        };
    }

    /** The same file as JSON records (column name → text). */
    public List<Map<String, String>> json(String day, String file) {
        String[] lines = tsv(day, file).split("\n");
        String[] header = lines[0].split("\t", -1);
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] cells = lines[i].split("\t", -1);
            Map<String, String> record = new LinkedHashMap<>();
            for (int c = 0; c < header.length && c < cells.length; c++) {
                record.put(header[c], cells[c]);
            }
            records.add(record);
        }
        return records;
    }
}

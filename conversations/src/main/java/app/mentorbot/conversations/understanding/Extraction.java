package app.mentorbot.conversations.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.schedule.SchoolCalendar;

/**
 * The {@code extract} command's contract (docs/notes.md, "Input and answer"): one case a line in
 * ({@code id}, {@code now}, {@code sender}, {@code text}), one answer a line out, same order. A line that cannot be read still gets an answer (its id if any, kind OTHER) so the
 * run never stops and answers stay aligned with cases.
 */
public final class Extraction {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Extraction() {}

    /** How one case is read: the rules alone by default; {@code extract --reader model|both} brings the school's model in. */
    @FunctionalInterface
    public interface CaseReader {
        Note read(NoteReader rules, String senderId, String text, ZonedDateTime now);
    }

    /** The doubt an unreadable line's answer carries: {@code UNREADABLE:json} (not a JSON object) or {@code UNREADABLE:now}. */
    public static final String UNREADABLE = "UNREADABLE:";

    /** Reads every case; returns how many lines could not be read (each answered OTHER with an {@link #UNREADABLE} doubt). */
    public static int run(Roster roster, Reader in, Writer out) throws IOException {
        return run(roster, in, out, NoteReader::read);
    }

    public static int run(Roster roster, Reader in, Writer out, CaseReader cases) throws IOException {
        NoteReader reader = new NoteReader(roster);
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String line;
        int unreadable = 0;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) continue;
            ObjectNode answer = extractLine(reader, line, cases);
            if (unreadable(answer)) unreadable++;
            out.write(JSON.writeValueAsString(answer));
            out.write('\n');
        }
        out.flush();
        return unreadable;
    }

    /** A doubt is its code, a colon and a detail: an answer is unreadable's when one doubt starts with that code. */
    private static boolean unreadable(ObjectNode answer) {
        for (JsonNode d : answer.path("doubts")) if (d.asString().startsWith(UNREADABLE)) return true;
        return false;
    }

    /** One case line in, its answer out; a line it cannot read is answered OTHER. */
    static ObjectNode extractLine(NoteReader reader, String line) {
        return extractLine(reader, line, NoteReader::read);
    }

    private static ObjectNode extractLine(NoteReader reader, String line, CaseReader cases) {
        String id = null;
        String what = "json";
        try {
            JsonNode c = JSON.readTree(line);
            JsonNode idNode = c.get("id");
            id = idNode == null || idNode.isNull() ? null : idNode.asString();
            what = "now";
            ZonedDateTime now = ZonedDateTime.parse(c.path("now").asString());
            what = "case";
            Note note = cases.read(reader, c.path("sender").asString(""), c.path("text").asString(""), now);
            return toJson(id, note, now.withZoneSameInstant(SchoolCalendar.ZONE).toLocalDate());
        } catch (RuntimeException e) {
            // malformed JSON, a missing or unparsable "now" (an ISO time with its offset, 2026-03-10T15:00:00+08:00):
            // answer OTHER, say which, and go on
            if (id == null) id = idFromBrokenLine(line);
            ObjectNode o = empty(id);
            o.put("kind", Kind.OTHER.name());
            o.putArray("doubts").add(UNREADABLE + what);
            return o;
        }
    }

    private static String idFromBrokenLine(String line) {
        var m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"").matcher(line);
        return m.find() ? m.group(1) : null;
    }

    private static ObjectNode empty(String id) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.putNull("kind");
        o.putNull("talkType");
        o.putNull("channel");
        o.putArray("students");
        o.putNull("date");
        o.putArray("topics");
        o.putArray("flags");
        o.putNull("followUp");
        o.putNull("clarify");
        return o;
    }

    /**
     * A report's date is the day it tells of; a reminder, a question or a greeting tells of no day, and its date is the day
     * it was written (the day the bot files it), as a record's is.
     */
    static ObjectNode toJson(String id, Note n, LocalDate written) {
        ObjectNode o = empty(id);
        o.put("kind", n.kind().name());
        if (n.talkType() != null) o.put("talkType", n.talkType().name());
        if (n.channel() != null) o.put("channel", n.channel().name());
        ArrayNode students = o.putArray("students");
        n.studentIds().forEach(students::add);
        if (n.date() != null) o.put("date", n.date().toString());
        else if (n.kind() == Kind.REMINDER || n.kind() == Kind.QUERY || n.kind() == Kind.OTHER) o.put("date", written.toString());
        ArrayNode topics = o.putArray("topics");
        sorted(n.topics()).forEach(t -> topics.add(t.name()));
        ArrayNode flags = o.putArray("flags");
        sorted(n.flags()).forEach(f -> flags.add(f.name()));
        if (n.followUp() != null) o.put("followUp", n.followUp().toString());
        if (n.clarify() != null) {
            ArrayNode c = o.putArray("clarify");
            n.clarify().forEach(c::add);
        }
        if (!n.doubts().isEmpty()) {
            ArrayNode d = o.putArray("doubts");   // not scored; tells the dialogue what to ask (2月30日)
            n.doubts().forEach(d::add);
        }
        return o;
    }

    private static <E extends Enum<E>> List<E> sorted(Set<E> set) {
        return set.stream().sorted(Comparator.comparingInt(Enum::ordinal)).toList();
    }
}

package app.mentorbot.conversations.modelreader;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Note;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/**
 * Reads the server's response body into a {@link Note}, or nothing. Nothing is trusted: the message
 * content loses any reasoning ({@code <think>…</think>}) and code fence, must parse, must fit the schema
 * (servers such as llama.cpp may ignore it), may name only the students it was offered, and its days
 * must be in range (an event from the last {@value #PAST_DAYS} days up to today, a follow-up from today
 * to a year ahead). Fields that do not belong to the kind are dropped, as the rules' reading has them.
 */
final class ModelAnswer {
    static final int PAST_DAYS = 120;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ModelRequest.SCHEMA);
    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
    private static final Pattern FENCE = Pattern.compile("(?s)^```(?:json)?\\s*(.*?)\\s*```$");

    private ModelAnswer() {}

    /** The answer as a note, or empty when it is unusable in any way. */
    static Optional<Note> read(String responseBody, Set<String> offered, LocalDate today) {
        try {
            JsonNode message = JSON.readTree(responseBody).path("choices").path(0).path("message");
            JsonNode refusal = message.get("refusal");
            if (refusal != null && !refusal.isNull()) return Optional.empty();
            if (!message.path("content").isString()) return Optional.empty();
            JsonNode answer = JSON.readTree(content(message.path("content").asString()));
            if (!answer.isObject() || !SCHEMA.validate(answer).isEmpty()) return Optional.empty();
            return note(answer, offered, today);
        } catch (JacksonException | DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The answer's JSON text: reasoning and a code fence taken away. */
    static String content(String raw) {
        String s = THINK.matcher(raw).replaceAll("");
        int close = s.lastIndexOf("</think>");   // a server that cut the opening tag off
        if (close >= 0) s = s.substring(close + "</think>".length());
        s = s.strip();
        var fence = FENCE.matcher(s);
        return fence.matches() ? fence.group(1) : s;
    }

    private static Optional<Note> note(JsonNode a, Set<String> offered, LocalDate today) {
        Kind kind = Kind.valueOf(a.path("kind").asString());
        List<String> students = new ArrayList<>(new LinkedHashSet<>(strings(a.path("students"))));
        if (!offered.containsAll(students)) return Optional.empty();   // an id it was not given: invented
        boolean report = kind == Kind.TALK || kind == Kind.PARENT_CONTACT || kind == Kind.OBSERVATION;
        LocalDate date = report ? day(a.path("date")) : null;
        if (date != null && (date.isAfter(today) || date.isBefore(today.minusDays(PAST_DAYS)))) return Optional.empty();
        if (report && date == null) date = today;
        LocalDate followUp = day(a.path("followUp"));
        if (followUp != null && (followUp.isBefore(today) || followUp.isAfter(today.plusYears(1)))) return Optional.empty();
        TalkType talkType = kind == Kind.TALK ? value(TalkType.class, a.path("talkType")) : null;
        if (kind == Kind.TALK && talkType == null) talkType = TalkType.INDIVIDUAL;
        Channel channel = kind == Kind.PARENT_CONTACT ? value(Channel.class, a.path("channel")) : null;
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        strings(a.path("topics")).forEach(t -> topics.add(Topic.valueOf(t)));
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        strings(a.path("flags")).forEach(f -> flags.add(Flag.valueOf(f)));
        return Optional.of(new Note(kind, talkType, channel, students, date, topics, flags, followUp, null, null, List.of()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static LocalDate day(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : LocalDate.parse(n.asString());
    }

    private static <E extends Enum<E>> E value(Class<E> type, JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : Enum.valueOf(type, n.asString());
    }
}

package app.mentorbot.conversations.modelreader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;

/**
 * The request body: the conventions in the system message (servers do not all show the schema's
 * descriptions to the model), the note with today's date and the students it may mean in the user
 * message, and the answer's shape as a strict {@code json_schema} response format. What leaves the
 * bot is exactly this: the note's text, today's date and time, and the ids, names and classes of the
 * candidates the rules found and of the sender's mentees.
 */
final class ModelRequest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    static final JsonNode SCHEMA = JSON.readTree(resource("answer.schema.json"));
    private static final String CONVENTIONS = resource("prompt.txt");

    private ModelRequest() {}

    /** The students the model may name: the rules' candidates first, then the sender's mentees. */
    static Map<String, Student> offered(Roster roster, String senderId, Collection<String> candidates) {
        Map<String, Student> out = new LinkedHashMap<>();
        for (String id : candidates) roster.student(id).ifPresent(s -> out.put(s.id(), s));
        for (Student s : roster.menteesOf(senderId == null ? "" : senderId)) out.putIfAbsent(s.id(), s);
        return out;
    }

    static String body(String model, Roster roster, Map<String, Student> offered, String text, ZonedDateTime now) {
        ObjectNode note = JSON.createObjectNode();
        LocalDate today = now.toLocalDate();
        note.put("now", now.toOffsetDateTime().toString());
        note.put("today", today + " (" + today.getDayOfWeek() + ")");
        ArrayNode students = note.putArray("students");
        for (Student s : offered.values()) {
            ObjectNode o = students.addObject();
            o.put("id", s.id());
            o.put("name", s.name());
            roster.schoolClass(s.classId()).ifPresent(c -> o.put("class", c.name()));
        }
        note.put("text", text);

        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", CONVENTIONS);
        messages.addObject().put("role", "user").put("content", JSON.writeValueAsString(note));
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode schema = format.putObject("json_schema");
        schema.put("name", "note");
        schema.put("strict", true);
        schema.set("schema", SCHEMA);
        return JSON.writeValueAsString(body);
    }

    private static String resource(String name) {
        try (InputStream in = ModelRequest.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

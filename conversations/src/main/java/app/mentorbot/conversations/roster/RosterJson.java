package app.mentorbot.conversations.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a roster in JSON (an object with "school" and arrays "classes", "teachers", "students",
 * "parents", as the rosters of {@code corpus/rosters/} are written) without validation beyond
 * what the records demand. Used by the extract command; imports go through the validating reader.
 */
public final class RosterJson {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private RosterJson() {}

    public static Roster read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static Roster read(InputStream in) {
        JsonNode root = JSON.readTree(in);
        List<SchoolClass> classes = new ArrayList<>();
        for (JsonNode c : root.path("classes")) {
            classes.add(new SchoolClass(text(c, "id"), text(c, "name"), text(c, "head")));
        }
        List<Teacher> teachers = new ArrayList<>();
        for (JsonNode t : root.path("teachers")) {
            List<String> ids = new ArrayList<>();
            for (JsonNode id : t.path("classes")) ids.add(id.asString());
            teachers.add(new Teacher(text(t, "id"), text(t, "name"), text(t, "subject"), ids,
                    t.path("admin").asBoolean(false)));
        }
        List<Student> students = new ArrayList<>();
        for (JsonNode s : root.path("students")) {
            students.add(new Student(text(s, "id"), text(s, "name"), text(s, "class"), text(s, "mentor")));
        }
        List<Parent> parents = new ArrayList<>();
        for (JsonNode p : root.path("parents")) {
            parents.add(new Parent(text(p, "id"), text(p, "student"), text(p, "relation"), text(p, "name")));
        }
        return new Roster(text(root, "school"), classes, teachers, students, parents);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}

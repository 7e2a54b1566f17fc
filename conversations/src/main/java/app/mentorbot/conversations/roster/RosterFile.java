package app.mentorbot.conversations.roster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link RosterFileReader} made of one file: either a complete roster, or every problem that
 * keeps it from being one (never both, never a half roster).
 *
 * @param roster     the roster, or null when there are problems
 * @param problems   every problem found, in file order; empty when the roster is good
 * @param identities chat accounts from optional columns such as 钉钉ID or 企业微信ID:
 *                   person id → platform ("dingtalk", "wecom", "slack", "xmpp") → the platform's user id;
 *                   empty when there are problems
 */
public record RosterFile(Roster roster, List<Problem> problems, Map<String, Map<String, String>> identities) {

    /**
     * One thing wrong with the file.
     *
     * @param where   where to look, as the school sees it: "students.csv 第12行", "学生 sheet 第5行",
     *                "students[3]", or just the sheet or file name for a whole-table problem
     * @param message what is wrong, in Chinese, e.g. "班级「高二(3)班」不在班级表中"
     */
    public record Problem(String where, String message) {
        public Problem {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return where.isEmpty() ? message : where + "：" + message;
        }
    }

    public RosterFile {
        problems = List.copyOf(problems == null ? List.of() : problems);
        if (problems.isEmpty() == (roster == null)) {
            throw new IllegalArgumentException("a roster file has either a roster or problems, not both or neither");
        }
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        if (identities != null) {
            identities.forEach((person, ids) ->
                    copy.put(person, Collections.unmodifiableMap(new LinkedHashMap<>(ids))));
        }
        identities = Collections.unmodifiableMap(copy);
    }

    static RosterFile accepted(Roster roster, Map<String, Map<String, String>> identities) {
        return new RosterFile(Objects.requireNonNull(roster, "roster"), List.of(), identities);
    }

    static RosterFile rejected(List<Problem> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("a rejected roster file needs problems");
        return new RosterFile(null, problems, Map.of());
    }

    /** True when the file gave a valid roster. */
    public boolean ok() {
        return problems.isEmpty();
    }
}

package app.mentorbot.conversations.reminders;

import java.time.LocalDate;
import java.util.List;

/** Something the bot will remind a person of, on a day. */
public record Reminder(long id, String schoolId, String personId, Kind kind, String text, LocalDate dueOn,
                       List<String> studentIds, Long recordId, Long decisionId, String recurrence, Status status) {

    public enum Kind { FOLLOW_UP, EXPLICIT, RECURRING, DUTY, DECISION }

    public enum Status { PENDING, DELIVERED, DONE, CANCELLED }

    public Reminder {
        studentIds = List.copyOf(studentIds == null ? List.of() : studentIds);
    }
}

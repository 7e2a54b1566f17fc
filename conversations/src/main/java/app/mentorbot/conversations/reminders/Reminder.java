package app.mentorbot.conversations.reminders;

import java.time.LocalDate;
import java.util.List;

/** Something the bot will remind a person of, on a day. */
public record Reminder(long id, String schoolId, String personId, Kind kind, String text, LocalDate dueOn,
                       List<String> studentIds, Long recordId, Long decisionId, String recurrence, Status status) {

    public enum Kind { FOLLOW_UP, EXPLICIT, RECURRING, DUTY, DECISION }

    public enum Status { PENDING, DELIVERED, DONE, CANCELLED }

    /** How a weekly reminder's {@code recurrence} starts: "WEEKLY:3" comes back every Wednesday. */
    private static final String WEEKLY = "WEEKLY:";

    public Reminder {
        studentIds = List.copyOf(studentIds == null ? List.of() : studentIds);
    }

    /** The recurrence of a reminder that comes back every week on the weekday of {@code first}. */
    public static String weeklyFrom(LocalDate first) {
        return WEEKLY + first.getDayOfWeek().getValue();
    }

    public boolean weekly() {
        return recurrence != null && recurrence.startsWith(WEEKLY);
    }
}

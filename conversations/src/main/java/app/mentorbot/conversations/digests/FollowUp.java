package app.mentorbot.conversations.digests;

import java.time.LocalDate;
import java.util.List;

import app.mentorbot.conversations.reminders.Reminder;

/** An open (or, for decisions, any) reminder as a page shows it: whose it is, what, when, about whom. */
public record FollowUp(long reminderId, String personId, String personName, String text, LocalDate dueOn,
                       Reminder.Status status, List<String> studentNames, Long recordId) {
    public FollowUp {
        studentNames = List.copyOf(studentNames);
        personName = personName == null ? "" : personName;
        text = text == null ? "" : text;
    }

    public boolean isOpen() {
        return status == Reminder.Status.PENDING || status == Reminder.Status.DELIVERED;
    }
}

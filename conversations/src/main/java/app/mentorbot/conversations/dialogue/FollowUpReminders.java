package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.util.regex.Pattern;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.reminders.Reminder;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Kind;

/**
 * The reminder a filed record brings: a note's follow-up day (下周三再跟进), or the reminder the note
 * is (提醒我…; weekly when it says 每周).
 */
final class FollowUpReminders implements AfterFiling {
    static final Pattern WEEKLY = Pattern.compile("每周|每个?星期|每个?礼拜");

    private final ReminderBook reminders;
    private final Texts texts;
    private final Wording wording;
    private final Clock clock;

    FollowUpReminders(ReminderBook reminders, Texts texts, Wording wording, Clock clock) {
        this.reminders = reminders;
        this.texts = texts;
        this.wording = wording;
        this.clock = clock;
    }

    @Override
    public void filed(Filed filed) {
        Record saved = filed.record();
        if (saved.followUp() == null) return;
        boolean isReminder = saved.kind() == Kind.REMINDER;
        boolean weekly = isReminder && WEEKLY.matcher(saved.note()).find();
        String text = isReminder ? Wording.reminderText(saved.note())
                : texts.get("reminder.followUp", wording.describe(saved, filed.roster(), filed.today()));
        reminders.add(saved.schoolId(), saved.authorId(),
                weekly ? Reminder.Kind.RECURRING : isReminder ? Reminder.Kind.EXPLICIT : Reminder.Kind.FOLLOW_UP,
                text, saved.followUp(), saved.studentIds(), saved.id(), null,
                weekly ? Reminder.weeklyFrom(saved.followUp()) : null, null, clock.instant());
    }
}

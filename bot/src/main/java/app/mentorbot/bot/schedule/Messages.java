package app.mentorbot.bot.schedule;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import app.mentorbot.conversations.dialogue.Phrases;
import app.mentorbot.conversations.reminders.Reminder;
import app.mentorbot.conversations.text.Texts;

/** The scheduled messages' words, from the domain's bundle. */
@Component
class Messages {
    private final Phrases phrases;

    Messages(Texts texts) {
        this.phrases = new Phrases(texts);
    }

    Phrases phrases() {
        return phrases;
    }

    String reminderBatch(List<Reminder> batch, LocalDate day) {
        return phrases.reminderBatch(batch, day);
    }
}

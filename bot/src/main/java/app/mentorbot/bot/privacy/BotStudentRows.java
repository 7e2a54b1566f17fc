package app.mentorbot.bot.privacy;

import static app.mentorbot.conversations.privacy.StudentData.REDACTED;

import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.bot.schools.Schools;
import app.mentorbot.conversations.privacy.ErasedStudent;
import app.mentorbot.conversations.privacy.ErasedStudent.SourceMessage;
import app.mentorbot.conversations.privacy.StudentRowsOwner;

/**
 * The bot's own rows about a student, forgotten when the student is erased: the chat messages it
 * received ({@code inbound_message}) and sent ({@code outbox}), and the invitations their parents
 * opened ({@code invitation_redeemed}, and with them the browsers those bound, {@code web_device}).
 */
public final class BotStudentRows implements StudentRowsOwner {
    private final JdbcClient jdbc;

    public BotStudentRows(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public int forget(ErasedStudent student) {
        forgetSources(student);
        int redacted = redactFullName(student);
        for (String parentId : student.parentIds()) forgetParent(student.schoolId(), parentId);
        forgetParent(student.schoolId(), student.studentId()); // their own account, where the school has student accounts
        return redacted;
    }

    /** The messages records about the student were filed from, and the answers to them. */
    private void forgetSources(ErasedStudent student) {
        for (SourceMessage m : student.sources()) {
            if (m.onlyAboutStudent()) {
                // the note was only about them: what was said, and everything said back, goes
                jdbc.sql("update inbound_message set body = null where id = ?").param(m.messageId()).update();
                jdbc.sql("update outbox set body = ? where source_message_id = ?").params(REDACTED, m.messageId()).update();
            } else {
                jdbc.sql("update inbound_message set body = ? where id = ?").params(m.redactedNote(), m.messageId()).update();
                for (String name : student.nameForms()) {
                    jdbc.sql("update outbox set body = replace(body, ?, ?) where source_message_id = ?")
                            .params(name, REDACTED, m.messageId()).update();
                }
            }
        }
    }

    /** Every message of the school, received or sent, loses the full name (only: a given name alone may be another child's). */
    private int redactFullName(ErasedStudent student) {
        String name = student.fullName();
        int received = jdbc.sql("update inbound_message set body = replace(body, ?, ?) where school_id = ? and body like ?")
                .params(name, REDACTED, student.schoolId(), "%" + name + "%").update();
        jdbc.sql("update outbox set body = replace(body, ?, ?) where school_id = ? and body like ?")
                .params(name, REDACTED, student.schoolId(), "%" + name + "%").update();
        return received;
    }

    /**
     * A parent was here for this child (or the student themself, with an account of their own): their
     * messages lose their words and who they were, their invitations go.
     */
    private void forgetParent(String schoolId, String parentId) {
        // what the bot carried from them to the mentor (and answered them) loses their words too
        jdbc.sql("update outbox set body = ? where school_id = ? and source_message_id in "
                + "(select id from inbound_message where school_id = ? and person_id = ?)").params(REDACTED, schoolId, schoolId, parentId).update();
        jdbc.sql("update inbound_message set body = null, sender_ref = 'erased', chat_id = 'erased', person_id = null, "
                + "platform_message_id = 'erased:' || id where school_id = ? and (person_id = ? or sender_ref in (?, ?))")
                .params(schoolId, parentId, parentId, Schools.withSchool(schoolId, parentId)).update();
        jdbc.sql("update outbox set body = ?, chat_id = 'erased', recipient_id = null, reply_to = null "
                + "where school_id = ? and (recipient_id = ? or chat_id in (?, ?))")
                .params(REDACTED, schoolId, parentId, parentId, Schools.withSchool(schoolId, parentId)).update();
        // deleting the opened invitations deletes the browsers they bound (web_device cascades)
        jdbc.sql("delete from invitation_redeemed where school_id = ? and person_id = ?").params(schoolId, parentId).update();
    }
}

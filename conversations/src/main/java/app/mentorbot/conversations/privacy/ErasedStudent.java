package app.mentorbot.conversations.privacy;

import java.util.List;
import java.util.Objects;

/**
 * A student being erased, as the owners of other tables need to know them.
 *
 * @param nameForms the forms of the name a teacher writes (full name, given name); only the full name
 *                  is safe to replace school-wide, since a given name alone may be another child's
 * @param parentIds their parents' roster ids: the parents' accounts and messages go with the child
 * @param sources   the chat messages records about the student were filed from
 */
public record ErasedStudent(String schoolId, String studentId, String fullName, List<String> nameForms,
                            List<String> parentIds, List<SourceMessage> sources) {
    public ErasedStudent {
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(fullName, "fullName");
        nameForms = List.copyOf(nameForms);
        parentIds = List.copyOf(parentIds);
        sources = List.copyOf(sources);
    }

    /**
     * A received message a record about the student was filed from. When the record was only about them
     * (it is gone), what was said and everything said back goes; otherwise the message now reads as the
     * record's note does without them ({@code redactedNote}).
     */
    public record SourceMessage(long messageId, boolean onlyAboutStudent, String redactedNote) {}
}

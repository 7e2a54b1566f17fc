package app.mentorbot.conversations.leadership;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;

/**
 * Each teacher's mentoring workload and results over a term or a school year (全员育人工作量), with the rule it is
 * scored by. Every count is the size of the list of records behind it ({@link WorkloadBuilder#behind}), so a
 * teacher can check each number.
 */
public record Workload(Period period, LocalDate today, WorkloadRules rules, List<Line> lines) {
    public Workload {
        lines = List.copyOf(lines);
    }

    /** A term or a school year, up to today when it is not over. {@code name}: 2025-2026学年第二学期, 2025-2026学年. */
    public record Period(String name, LocalDate from, LocalDate to, boolean year) {
        public boolean contains(LocalDate d) {
            return d != null && !d.isBefore(from) && !d.isAfter(to);
        }
    }

    /** One teacher's counts and score (the sum of count × weight). */
    public record Line(String teacherId, String name, Map<WorkloadItem, Integer> counts, double score) {
        public Line {
            EnumMap<WorkloadItem, Integer> all = new EnumMap<>(WorkloadItem.class);
            for (WorkloadItem i : WorkloadItem.values()) all.put(i, counts.getOrDefault(i, 0));
            counts = Collections.unmodifiableMap(all);
        }

        public int count(WorkloadItem item) {
            return counts.get(item);
        }
    }

    /**
     * One thing behind a count: a record (talk, contact: {@code recordId}, its kind), a reminder (its words in
     * {@code text}, {@code due} its day), a plan or assessment ({@code text}: its stage or version), a conference
     * ({@code classId}), a mentee, a cleared flag or an overdue streak ({@code due}: the day it began).
     */
    public record Behind(LocalDate date, LocalDate due, List<String> studentIds, String classId, String text, Long recordId,
                         Kind kind, TalkType talkType, Channel channel) {
        public Behind {
            studentIds = List.copyOf(studentIds);
            text = text == null ? "" : text;
        }

        static Behind of(LocalDate date, List<String> studentIds, String classId, String text) {
            return new Behind(date, null, studentIds, classId, text, null, null, null, null);
        }
    }
}

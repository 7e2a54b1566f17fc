package app.mentorbot.bot.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import app.mentorbot.conversations.assessments.Area;
import app.mentorbot.conversations.assessments.AssessmentDays;
import app.mentorbot.conversations.assessments.AssessmentStore;
import app.mentorbot.conversations.assessments.Level;
import app.mentorbot.conversations.assessments.StageAssessment;
import app.mentorbot.conversations.assessments.StageAssessment.AreaLine;
import app.mentorbot.conversations.plans.GuidancePlan;
import app.mentorbot.conversations.plans.PlanStore;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/**
 * Nine weeks of sample records for the demo school, dated back from the injected clock's today, so the digest
 * and the growth files show a school at work: every mentee talked to every two weeks (one a little overdue),
 * a group talk per mentor each week (one mentor each fortnight), a second parent contact or a home visit for half the students, some parent calls, two students flagged, and for one a guidance plan, two
 * half-month reports and a stage assessment. Written only by {@link DemoSchool} into the database it has just filled.
 */
final class DemoRecords {
    private static final int WEEKS = 9;

    private DemoRecords() {}

    /** Where the demo's stage assessment goes, and which stage of the term it is for. */
    record Assessments(AssessmentStore store, AssessmentDays days) {}

    static int write(String schoolId, Roster roster, RecordStore records, PlanStore plans, Assessments assessments, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = today.minusWeeks(WEEKS);
        Instant now = clock.instant();
        int written = 0;
        List<Student> students = roster.students();
        for (int i = 0; i < students.size(); i++) {
            Student s = students.get(i);
            if (s.mentorId() == null) continue;
            int lastTalk = i % 8 == 7 ? 17 : 2 + i % 9; // one in eight is a few days overdue
            for (LocalDate d = today.minusDays(lastTalk); !d.isBefore(start); d = d.minusDays(14)) {
                records.save(record(schoolId, s.mentorId(), Kind.TALK, TalkType.INDIVIDUAL, null, d, Set.of(Topic.THOUGHT, Topic.ACADEMIC),
                        Set.of(), s.id(), "个别谈话：交流近期学习和生活情况，鼓励保持学习节奏", now));
                written++;
            }
            if (i % 3 == 0) {
                records.save(record(schoolId, s.mentorId(), Kind.PARENT_CONTACT, null, Channel.PHONE, today.minusDays(8 + i % 5),
                        Set.of(Topic.LIFE), Set.of(), s.id(), "电话联系家长，沟通在家作息和学习安排", now));
                written++;
            }
            // a second contact for half of them, a home visit for some: the overview's 家长联系 and 家访 have something to count
            if (i % 2 == 0) {
                records.save(record(schoolId, s.mentorId(), Kind.PARENT_CONTACT, null, i % 7 == 0 ? Channel.HOME_VISIT : Channel.ONLINE,
                        today.minusDays(30 + i % 9), Set.of(Topic.LIFE), Set.of(), s.id(),
                        i % 7 == 0 ? "家访：了解家庭学习环境，与家长商量周末安排" : "微信与家长沟通近期学习状态", now));
                written++;
            }
        }
        List<String> mentors = students.stream().map(Student::mentorId).filter(m -> m != null).distinct().toList();
        for (String mentor : mentors) {
            List<String> mentees = roster.menteesOf(mentor).stream().map(Student::id).toList();
            int every = mentor.equals(mentors.get(mentors.size() - 1)) ? 14 : 7; // the last mentor holds one only each fortnight
            for (LocalDate d = today.minusDays(5); !d.isBefore(start); d = d.minusDays(every)) {
                records.save(new Record(null, schoolId, mentor, Kind.TALK, TalkType.GROUP, null, d, null, Set.of(Topic.CAREER), Set.of(),
                        mentees, "集体交流：学习方法分享与生涯规划", List.of(), null, now));
                written++;
            }
        }
        if (students.size() > 2 && students.get(1).mentorId() != null && students.get(2).mentorId() != null) {
            records.save(record(schoolId, students.get(1).mentorId(), Kind.OBSERVATION, null, null, today.minusDays(4),
                    Set.of(Topic.ACADEMIC), Set.of(Flag.ACADEMIC), students.get(1).id(), "数学单元测验成绩明显下滑，需要跟进", now));
            records.save(record(schoolId, students.get(2).mentorId(), Kind.TALK, TalkType.INDIVIDUAL, null, today.minusDays(6),
                    Set.of(Topic.PSYCH), Set.of(Flag.PSYCH), students.get(2).id(), "最近情绪低落、睡眠不好，已建议与心理老师聊聊", now));
            written += 2;
            // the student whose low mood was noted has a plan to look at: weekly talks, a parent call a month
            Student low = students.get(2);
            plans.confirm(schoolId, new GuidancePlan(low.id(), 0, List.of("情绪逐步稳定，愿意主动说出心里话"),
                    List.of("心理：关注情绪变化，学会调节压力", "生活：调整作息，保证睡眠"),
                    List.of("定期个别谈心", "每次谈话留意情绪，必要时请心理老师一起帮助"), 7, 4, null, null),
                    today.minusDays(5), low.mentorId(), now);
            // and two half-month reports of their own words, as a school with student accounts would have
            records.save(record(schoolId, low.mentorId(), Kind.STUDENT_REPORT, null, null, today.minusDays(17), Set.of(Topic.ACADEMIC),
                    Set.of(), low.id(), "学习：数学函数还是有点吃力。生活：住校挺好的。心情：一般，考试前有点紧张。", now));
            records.save(record(schoolId, low.mentorId(), Kind.STUDENT_REPORT, null, null, today.minusDays(2), Set.of(Topic.PSYCH),
                    Set.of(), low.id(), "学习：错题本坚持在记。生活：睡得比上次好一点。心情：好多了，和老师聊完轻松些。", now));
            written += 2;
            // and a stage assessment to look at, kept inside the school
            AssessmentDays.Stage stage = assessments.days().stageFor(today.minusDays(3));
            assessments.store().save(schoolId, new StageAssessment(low.id(), stage.term(), stage.name(), start, today.minusDays(3), List.of(
                    new AreaLine(Area.THOUGHT, Level.FAIRLY_GOOD, "本阶段4条记录提到思想", "积极参加班级活动"),
                    new AreaLine(Area.ACADEMIC, Level.FAIRLY_GOOD, "本阶段4条记录提到学业", ""),
                    new AreaLine(Area.PSYCH, Level.WATCH, "本阶段1条记录提到心理，其中1条标记心理", "愿意每周来聊一聊，情绪在慢慢好转"),
                    new AreaLine(Area.LIFE, Level.FAIR, "本阶段没有记录提到生活", "作息还要再规律些")),
                    false, today.minusDays(3), low.mentorId()), now);
        }
        return written;
    }

    private static Record record(String schoolId, String author, Kind kind, TalkType talkType, Channel channel, LocalDate date,
                                 Set<Topic> topics, Set<Flag> flags, String studentId, String note, Instant now) {
        return new Record(null, schoolId, author, kind, talkType, channel, date, null, topics, flags, List.of(studentId), note, List.of(),
                null, now);
    }
}

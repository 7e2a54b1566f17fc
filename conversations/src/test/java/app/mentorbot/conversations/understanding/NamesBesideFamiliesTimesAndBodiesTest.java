package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/**
 * Where a word-name stands for the child (docs/notes.md, "Names"): before a family member in northern words (方圆她爹,
 * 田野他爷), before a pronoun after a voice note's pause (就是江山 他…), after a routine of the day (晚自习前常青…), as the
 * owner of a stretch of time's records (安宁这学期的谈话记录) or of a left or right arm (江山左胳膊); and 小 with the given
 * name's first char (小鹏 for 杜鹏飞), but not where that is a word (小学, 小子) or a count (从小一个人).
 */
class NamesBesideFamiliesTimesAndBodiesTest {
    static final Roster ROSTER = new Roster("海滨中学",
            List.of(new SchoolClass("K1", "初二(1)班", "T1")),
            List.of(new Teacher("T1", "承老师", "语文", List.of("K1"), false)),
            List.of(new Student("S1", "方圆", "K1", "T1"),
                    new Student("S2", "江山", "K1", "T1"),
                    new Student("S3", "常青", "K1", "T1"),
                    new Student("S4", "安宁", "K1", "T1"),
                    new Student("S5", "杜鹏飞", "K1", "T1"),
                    new Student("S6", "韩学军", "K1", "T1"),
                    new Student("S7", "陈子豪", "K1", "T1"),
                    new Student("S8", "丁一凡", "K1", "T1"),
                    new Student("S9", "田野", "K1", "T1")),
            List.of());

    static final NoteReader READER = new NoteReader(ROSTER);
    static final ZonedDateTime WED = ZonedDateTime.parse("2026-12-02T21:00:00+08:00");

    static List<String> students(String text) {
        return READER.read("T1", text, WED).studentIds();
    }

    @Test void aWordNameBeforeAFamilyMemberInNorthernWordsIsTheChild() {
        assertThat(students("「老师，俺是方圆她爹，夜个她打电话说要八百块钱，俺没给」已回复")).containsExactly("S1");
        assertThat(students("放学时碰上田野他爷来接，把孩子说的话跟他讲了")).containsExactly("S9");
        // a word stays a word: 方圆几里 has no family after it
        assertThat(students("学校方圆几里都没有网吧")).isEmpty();
    }

    @Test void aWordNameBeforeAPronounAfterAVoiceNotesPauseIsTheChild() {
        assertThat(students("那个 今天去宿舍送冬被 就是江山 他一直把袖子往下拽")).containsExactly("S2");
    }

    @Test void aWordNameAfterARoutineOfTheDayOpensTheClause() {
        assertThat(students("晚自习前常青拿着一张纸来找我，是她写的小说开头")).containsExactly("S3");
    }

    @Test void aWordNameOwningAStretchOfTimesRecordsOrAnArmIsTheChild() {
        assertThat(students("调一下安宁这学期的谈话记录")).containsExactly("S4");
        assertThat(students("江山左胳膊打着石膏来上学，吓我一跳")).containsExactly("S2");
    }

    @Test void xiaoWithTheGivenNamesFirstCharIsTheChildUnlessItIsAWordOrACount() {
        assertThat(students("小鹏今天来找我，说想好了，中考完去职专学汽修")).containsExactly("S5");
        assertThat(students("他说小学就没学好，我说没事从头补")).isEmpty();
        assertThat(students("在看台后头跟对方班那个小子动了手")).isEmpty();
        assertThat(students("说自己从小一个人惯了")).isEmpty();
    }
}

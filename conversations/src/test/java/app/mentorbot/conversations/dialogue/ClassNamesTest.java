package app.mentorbot.conversations.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;

/** Which classes a teacher's message names, however the class is written. */
class ClassNamesTest {
    private static final Roster SCHOOL = new Roster("示范中学", List.of(
            new SchoolClass("C21", "高二(1)班", "T02"), new SchoolClass("C22", "高二(2)班", "T04"),
            new SchoolClass("C2B", "高二(11)班", null), new SchoolClass("C81", "初二(1)班", null),
            new SchoolClass("K1", "1班", null), new SchoolClass("K11", "11班", null),
            new SchoolClass("X", "实验班", null), new SchoolClass("X2", "高二实验班", null)), List.of(), List.of(), List.of());

    static List<String> named(String said) {
        return ClassNames.named(SCHOOL, said).stream().map(SchoolClass::id).toList();
    }

    @Test
    void aClassIsFoundWithFullWidthBracketsWithoutBracketsOrWithItsNumberInChinese() {
        assertThat(named("高二(1)班的会商材料")).containsExactly("C21");
        assertThat(named("高二（1）班的会商材料")).containsExactly("C21");
        assertThat(named("高二1班的会商材料")).containsExactly("C21");
        assertThat(named("高二一班的会商材料")).containsExactly("C21");
    }

    @Test
    void aNameIsNotFoundInsideALongerNumberOrAnotherGrade() {
        assertThat(named("高二11班的会商材料")).containsExactly("C2B");
        assertThat(named("初二1班的学情会商定在3月27日")).containsExactly("C81");
        assertThat(named("11班的会商材料")).containsExactly("K11");
    }

    @Test
    void aShortNameInsideALongerNameFoundAtTheSamePlaceIsDropped() {
        assertThat(named("高二实验班的会商材料")).containsExactly("X2");
        assertThat(named("实验班的会商材料")).containsExactly("X");
    }

    @Test
    void everyClassNamedIsFoundAndNoneWhenNoneIsNamed() {
        assertThat(named("高二(1)班和高二（2）班的会商材料")).containsExactly("C21", "C22");
        assertThat(named("会商材料")).isEmpty();
    }
}

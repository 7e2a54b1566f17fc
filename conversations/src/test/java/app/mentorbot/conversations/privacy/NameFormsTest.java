package app.mentorbot.conversations.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.roster.Student;

/** The forms of a student's name an erasure looks for in what teachers wrote. */
class NameFormsTest {
    @Test
    void aNameOfThreeCharactersOrMoreIsAlsoWrittenAsItsGivenName() {
        assertThat(StudentData.nameForms(new Student("S1", "张小明", "C1", "T1"))).containsExactly("张小明", "小明");
        assertThat(StudentData.nameForms(new Student("S2", "欧阳晓雨", "C1", "T1"))).containsExactly("欧阳晓雨", "晓雨");
    }

    @Test
    void aTwoCharacterNameHasNoShorterForm() {
        assertThat(StudentData.nameForms(new Student("S5", "杨帆", "C1", "T1"))).containsExactly("杨帆");
    }
}

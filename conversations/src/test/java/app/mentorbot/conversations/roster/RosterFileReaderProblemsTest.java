package app.mentorbot.conversations.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.mentorbot.conversations.roster.RosterFile.Problem;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RosterFileReaderProblemsTest {
    @TempDir
    Path dir;

    @Test
    void a_missing_file_is_a_problem_not_an_exception() {
        RosterFile file = RosterFileReader.read(dir.resolve("nowhere.xlsx"));

        assertThat(file.problems()).containsExactly(new Problem("nowhere.xlsx", "找不到这个文件"));
    }

    @Test
    void an_old_xls_file_is_refused_with_a_way_out() throws IOException {
        Path xls = Files.write(dir.resolve("花名册.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0});

        assertThat(RosterFileReader.read(xls).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("另存为 .xlsx"));
    }

    @Test
    void a_file_without_students_says_so() throws IOException {
        Path csv = Files.writeString(dir.resolve("teachers.csv"), "工号,姓名,学科\nT01,刘洋,数学\n");

        assertThat(RosterFileReader.read(csv).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("没有找到学生名单"));
    }

    @Test
    void two_people_with_the_same_chat_account_are_a_problem() throws IOException {
        Path csv = Files.writeString(dir.resolve("s.csv"), "学号,姓名,班级,导师,钉钉ID\nS1,甲,一班,刘洋,d1\nS2,乙,一班,刘洋,d1\n");

        assertThat(RosterFileReader.read(csv).problems())
                .containsExactly(new Problem("s.csv 第3行", "钉钉ID d1 已用于第2行，一个账号只能对应一个人"));
    }

    @Test
    void an_admin_cell_must_say_yes_or_no() throws IOException {
        Path json = Files.writeString(dir.resolve("r.json"), """
                {"teachers": [{"id": "T1", "name": "周老师", "admin": "也许"}],
                 "students": [{"id": "S1", "name": "小明", "class": "一班", "mentor": "T1"}]}""");

        assertThat(RosterFileReader.read(json).problems())
                .containsExactly(new Problem("teachers[0]", "「admin」请填写「是」或「否」，而不是「也许」"));
    }

    @Test
    void a_result_has_a_roster_or_problems_but_never_both() {
        assertThatThrownBy(() -> new RosterFile(Roster.empty(), List.of(new Problem("a", "b")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RosterFile(null, List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Problem("学生 sheet 第5行", "「姓名」没有填写")).hasToString("学生 sheet 第5行：「姓名」没有填写");
    }
}

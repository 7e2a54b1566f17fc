package app.mentorbot.conversations.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
class RosterFileReaderJsonTest {
    private static final Path DEV_ROSTER = Path.of("../../shared/eval/dev-roster.json");

    @TempDir
    Path dir;

    @Test
    void the_dev_roster_reads_exactly_as_the_unvalidated_json_reader_sees_it() throws IOException {
        assumeTrue(Files.exists(DEV_ROSTER), "shared/eval/dev-roster.json is not checked out beside main");

        RosterFile file = RosterFileReader.read(DEV_ROSTER);

        assertThat(file.problems()).isEmpty();
        assertThat(file.ok()).isTrue();
        Roster expected = RosterJson.read(DEV_ROSTER);
        assertThat(file.roster().schoolName()).isEqualTo("示范中学");
        assertThat(file.roster().classes()).isEqualTo(expected.classes());
        assertThat(file.roster().teachers()).isEqualTo(expected.teachers());
        assertThat(file.roster().students()).isEqualTo(expected.students());
        assertThat(file.roster().parents()).isEqualTo(expected.parents());
        assertThat(file.identities()).isEmpty();
    }

    @Test
    void a_json_roster_may_use_numbers_for_ids_flag_an_admin_and_carry_chat_accounts() throws IOException {
        Path json = write("""
                {"school": "实验中学",
                 "classes": [{"id": "C1", "name": "初一(1)班", "head": "T1"}],
                 "teachers": [{"id": "T1", "name": "周老师", "subject": "数学", "classes": ["C1"], "admin": true,
                               "dingtalk_user_id": "ding-zhou"},
                              {"id": "T2", "name": "吴老师", "subject": "英语", "classes": ["初一(1)班"]}],
                 "students": [{"id": 20230101, "name": "小明", "class": "C1", "mentor": "吴老师"}],
                 "parents": [{"id": "P1", "student": 20230101, "relation": "母亲", "name": "王红", "wecom_user_id": "wang-hong"}]}
                """);

        RosterFile file = RosterFileReader.read(json);

        assertThat(file.problems()).isEmpty();
        Roster roster = file.roster();
        assertThat(roster.schoolName()).isEqualTo("实验中学");
        assertThat(roster.teachers()).containsExactly(
                new Teacher("T1", "周老师", "数学", List.of("C1"), true),
                new Teacher("T2", "吴老师", "英语", List.of("C1"), false));
        assertThat(roster.students()).containsExactly(new Student("20230101", "小明", "C1", "T2"));
        assertThat(roster.parents()).containsExactly(new Parent("P1", "20230101", "母亲", "王红"));
        assertThat(file.identities()).isEqualTo(Map.of(
                "T1", Map.of("dingtalk", "ding-zhou"),
                "P1", Map.of("wecom", "wang-hong")));
    }

    @Test
    void a_bad_json_roster_names_every_problem_by_array_index() throws IOException {
        Path json = write("""
                {"school": "实验中学",
                 "classes": [{"id": "C1", "name": "初一(1)班", "head": "T9"}],
                 "teachers": [{"id": "T1", "name": "周老师", "classes": ["C1"]}],
                 "students": [{"id": "S1", "name": "小明", "class": "C1", "mentor": "T1"},
                              {"id": "S2", "name": "小红", "class": "C7", "mentor": "T1"},
                              {"id": "S1", "name": "小刚", "class": "C1", "mentor": "王老师"},
                              {"id": "T1", "name": "小强", "class": "C1", "mentor": "T1"}],
                 "parents": [{"student": "S9", "relation": "父亲"}]}
                """);

        RosterFile file = RosterFileReader.read(json);

        assertThat(file.ok()).isFalse();
        assertThat(file.roster()).isNull();
        assertThat(file.problems()).containsExactly(
                new Problem("classes[0]", "班主任「T9」不是教师"),
                new Problem("students[1]", "班级「C7」不在班级表中"),
                new Problem("students[2]", "导师「王老师」不是教师"),
                new Problem("students[2]", "id S1 重复（students[0] 已出现）"),
                new Problem("students[3]", "id T1 与教师「周老师」的编号相同（teachers[0]），每个人的编号必须不同"),
                new Problem("parents[0]", "学生「S9」不在学生名单中"));
    }

    @Test
    void broken_json_is_reported_with_where_to_look() throws IOException {
        Path json = write("{\"students\": [\n  {\"id\": \"S1\",, }\n]}");

        RosterFile file = RosterFileReader.read(json);

        assertThat(file.problems()).hasSize(1);
        assertThat(file.problems().get(0).where()).isEqualTo("roster.json");
        assertThat(file.problems().get(0).message()).startsWith("JSON 格式有误（第2行");
    }

    @Test
    void a_json_student_without_a_mentor_field_is_a_missing_column() throws IOException {
        Path json = write("""
                {"classes": [{"id": "C1", "name": "一班"}], "teachers": [{"id": "T1", "name": "周老师"}],
                 "students": [{"id": "S1", "name": "小明", "class": "C1"}]}
                """);

        assertThat(RosterFileReader.read(json).problems())
                .containsExactly(new Problem("students", "缺少字段「mentor」"));
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("roster.json"), json);
    }
}

package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.mentorbot.bot.RosterImportCommandTest.Run;
import app.mentorbot.bot.cli.ImportCommand;
import app.mentorbot.bot.cli.PeopleCommand;
import app.mentorbot.bot.testing.TestDatabase;

/** {@code java -jar mentorbot.jar people}: who is in the roster, with the ids the other commands take. */
class PeopleCommandTest {
    @TempDir
    Path dir;

    String url;

    @BeforeEach
    void aSchoolWhoseParentsHaveGeneratedIds() throws Exception {
        url = threeStudents(dir);
    }

    /** A new database with three students imported: S01 张小明 and S02 李华 in 高二(1)班, S04 陈思雨 in 高二(2)班; its URL. */
    static String threeStudents(Path dir) throws Exception {
        String url = TestDatabase.newDatabase();
        Path csv = dir.resolve("学生.csv");
        Files.writeString(csv, """
                学号,姓名,班级,导师,班主任,家长姓名,关系
                S01,张小明,高二(1)班,刘洋,孙丽,张建国,父亲
                S02,李华,高二(1)班,刘洋,孙丽,,
                S04,陈思雨,高二(2)班,钱芳,钱芳,陈伟,母亲
                """, StandardCharsets.UTF_8);
        Run imported = RosterImportCommandTest.capture(() -> ImportCommand.run(onDatabase(url, csv.toString())));
        assertThat(imported.exit()).as(imported.err()).isZero();
        return url;
    }

    String[] with(String... args) {
        return onDatabase(url, args);
    }

    /** A command's arguments with the database at {@code url}. */
    static String[] onDatabase(String url, String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password()))
                .toArray(String[]::new);
    }

    List<String> people(String... args) throws Exception {
        Run run = RosterImportCommandTest.capture(() -> PeopleCommand.run(with(args)));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).as("nothing but the list, on stdout").doesNotContain("\tat ");
        return run.out().lines().toList();
    }

    @Test
    void everyoneIsListedWithTheirIdNameRoleClassAndForParentsTheirChildAndForStudentsTheirMentor() throws Exception {
        assertThat(people()).containsExactly(
                "编号\t姓名\t身份\t班级\t备注",
                "T-刘洋\t刘洋\t教师\t\t",
                "T-孙丽\t孙丽\t教师、班主任\t高二(1)班\t",
                "T-钱芳\t钱芳\t教师、班主任\t高二(2)班\t",
                "S01\t张小明\t学生\t高二(1)班\t导师：刘洋（T-刘洋）",
                "S02\t李华\t学生\t高二(1)班\t导师：刘洋（T-刘洋）",
                "S04\t陈思雨\t学生\t高二(2)班\t导师：钱芳（T-钱芳）",
                "P-S01-1\t张建国\t家长\t高二(1)班\t孩子：张小明（S01），关系：父亲",
                "P-S04-1\t陈伟\t家长\t高二(2)班\t孩子：陈思雨（S04），关系：母亲");
    }

    @Test
    void aClassByNameOrIdAndARoleNarrowTheList() throws Exception {
        assertThat(people("--class", "高二(2)班")).containsExactly("编号\t姓名\t身份\t班级\t备注",
                "T-钱芳\t钱芳\t教师、班主任\t高二(2)班\t",
                "S04\t陈思雨\t学生\t高二(2)班\t导师：钱芳（T-钱芳）",
                "P-S04-1\t陈伟\t家长\t高二(2)班\t孩子：陈思雨（S04），关系：母亲");
        assertThat(people("--class", "高二(1)班", "--role", "teacher")).as("a mentor of the class's students is one of its teachers")
                .extracting(line -> line.split("\t")[0]).containsExactly("编号", "T-刘洋", "T-孙丽");
        assertThat(people("--class=C-高二(1)班", "--role", "parent")).containsExactly("编号\t姓名\t身份\t班级\t备注",
                "P-S01-1\t张建国\t家长\t高二(1)班\t孩子：张小明（S01），关系：父亲");
        assertThat(people("--role=class-head")).extracting(line -> line.split("\t")[0]).containsExactly("编号", "T-孙丽", "T-钱芳");
    }

    @Test
    void anUnknownClassOrRoleIsRefusedWithoutAStackTrace() throws Exception {
        Run noClass = RosterImportCommandTest.capture(() -> PeopleCommand.run(with("--class", "高九(9)班")));
        assertThat(noClass.exit()).isEqualTo(1);
        assertThat(noClass.out()).isEmpty();
        assertThat(noClass.err()).contains("名单中没有班级 高九(9)班").doesNotContain("\tat ");
        Run badRole = RosterImportCommandTest.capture(() -> PeopleCommand.run(with("--role", "janitor")));
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).contains("usage");
    }
}

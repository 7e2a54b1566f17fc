package app.mentorbot.conversations.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.mentorbot.conversations.roster.RosterFile.Problem;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RosterFileReaderCsvTest {
    @TempDir
    Path dir;

    @Test
    void a_csv_with_bom_and_chinese_headers_implies_classes_teachers_heads_and_parents() {
        RosterFile file = RosterFileReader.read(resource("students-bom.csv"));

        assertThat(file.problems()).isEmpty();
        Roster roster = file.roster();
        assertThat(roster.schoolName()).isEmpty();
        assertThat(roster.classes()).containsExactly(
                new SchoolClass("C-高二(1)班", "高二(1)班", "T-孙丽"),
                new SchoolClass("C-高二(2)班", "高二(2)班", "T-钱芳"));
        assertThat(roster.teachers()).containsExactly(
                new Teacher("T-刘洋", "刘洋", null, List.of(), false),
                new Teacher("T-孙丽", "孙丽", null, List.of(), false),
                new Teacher("T-钱芳", "钱芳", null, List.of(), false));
        assertThat(roster.students()).containsExactly(
                new Student("S01", "张小明", "C-高二(1)班", "T-刘洋"),
                new Student("S02", "李华", "C-高二(1)班", "T-刘洋"),
                new Student("S03", "王子轩", "C-高二(1)班", "T-孙丽"),
                new Student("S04", "陈思雨", "C-高二(2)班", "T-钱芳"));
        assertThat(roster.parents()).containsExactly(
                new Parent("P-S01-1", "S01", "父亲", "张建国"),
                new Parent("P-S03-1", "S03", "母亲", "王 芳"),
                new Parent("P-S04-1", "S04", "家长", "陈伟"));
    }

    @Test
    void a_csv_without_bom_may_quote_commas_line_breaks_and_doubled_quotes() {
        RosterFile file = RosterFileReader.read(resource("students-no-bom.csv"));

        assertThat(file.problems()).isEmpty();
        assertThat(file.roster().schoolName()).isEqualTo("示范中学");
        assertThat(file.roster().students()).containsExactly(
                new Student("20230101", "张小明", "C-高二(1)班", "T-刘洋"),
                new Student("20230102", "李华", "C-高二(1)班", "T-刘洋"),
                new Student("20230103", "王子轩", "C-高二(2)班", "T-孙丽"));
    }

    @Test
    void the_same_csv_read_twice_gives_an_equal_roster() {
        RosterFile first = RosterFileReader.read(resource("students-bom.csv"));
        RosterFile second = RosterFileReader.read(resource("students-bom.csv"));

        assertThat(second.roster()).usingRecursiveComparison().isEqualTo(first.roster());
    }

    @Test
    void a_tab_separated_file_and_english_headers_work_too() throws IOException {
        Path tsv = Files.writeString(dir.resolve("export.txt"),
                "id\tname\tclass\tmentor\tmentor_id\n1\tAmy Li\tGrade 7 A\tTom Wu\tT9\n2\tBen\tGrade 7 A\tTom Wu\tT9\n");

        RosterFile file = RosterFileReader.read(tsv);

        assertThat(file.problems()).isEmpty();
        assertThat(file.roster().teachers()).containsExactly(new Teacher("T9", "Tom Wu", null, List.of(), false));
        assertThat(file.roster().students()).containsExactly(
                new Student("1", "Amy Li", "C-grade7a", "T9"),
                new Student("2", "Ben", "C-grade7a", "T9"));
    }

    @Test
    void a_csv_saved_by_chinese_excel_in_gb18030_is_read_as_well() {
        byte[] gbk = "学号,姓名,班级,导师\r\nS01,张小明,高二(1)班,刘洋\r\n".getBytes(Charset.forName("GB18030"));

        RosterFile file = RosterFileReader.read("名单.csv", new ByteArrayInputStream(gbk), "");

        assertThat(file.problems()).isEmpty();
        assertThat(file.roster().students()).containsExactly(new Student("S01", "张小明", "C-高二(1)班", "T-刘洋"));
    }

    @Test
    void a_bad_csv_names_each_problem_with_its_line_counting_lines_inside_quotes() {
        RosterFile file = RosterFileReader.read(resource("bad-students.csv"));

        assertThat(file.roster()).isNull();
        assertThat(file.problems()).containsExactly(
                new Problem("bad-students.csv 第3行", "「姓名」没有填写"),
                new Problem("bad-students.csv 第4行", "学号 S01 重复（第2行已出现）"),
                new Problem("bad-students.csv 第5行", "「班级」没有填写"),
                new Problem("bad-students.csv 第7行", "学号 S01 重复（第2行已出现）"));
    }

    @Test
    void a_csv_missing_a_column_is_rejected_as_a_whole() {
        RosterFile file = RosterFileReader.read(resource("no-class-column.csv"));

        assertThat(file.problems()).containsExactly(
                new Problem("no-class-column.csv", "缺少列「班级」（也可写作「所在班级」「班级名称」）"));
    }

    @Test
    void a_folder_of_csv_files_reads_each_as_its_table_and_checks_references_between_them() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("roster"));
        Files.writeString(folder.resolve("classes.csv"), "班级编号,班级名称,班主任\nC21,高二(1)班,孙丽\n");
        Files.writeString(folder.resolve("teachers.csv"), "工号\t姓名\t学科\t任教班级\nT01\t刘洋\t数学\tC21\nT02\t孙丽\t语文\tC21\n");
        Files.writeString(folder.resolve("students.csv"), "学号,姓名,班级,导师\n"
                + "S01,张小明,高二(1)班,刘洋\n"
                + "S02,李华,高二(3)班,刘洋\n"
                + "S03,王子轩,C21,王老师\n");

        RosterFile file = RosterFileReader.read(folder);

        assertThat(file.problems()).containsExactly(
                new Problem("students.csv 第3行", "班级「高二(3)班」不在班级表中"),
                new Problem("students.csv 第4行", "导师「王老师」不是教师"));

        Files.writeString(folder.resolve("students.csv"), "学号,姓名,班级,导师\nS01,张小明,高二(1)班,刘洋\n");
        RosterFile fixed = RosterFileReader.read(folder);
        assertThat(fixed.problems()).isEmpty();
        assertThat(fixed.roster().classes()).containsExactly(new SchoolClass("C21", "高二(1)班", "T02"));
        assertThat(fixed.roster().students()).containsExactly(new Student("S01", "张小明", "C21", "T01"));
    }

    @Test
    void a_csv_that_is_no_roster_table_says_what_headers_it_needs() throws IOException {
        Path csv = Files.writeString(dir.resolve("成绩.csv"), "科目,分数\n数学,90\n", StandardCharsets.UTF_8);

        assertThat(RosterFileReader.read(csv).problems()).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("没有找到表头"),
                m -> assertThat(m).startsWith("没有找到学生名单"));
    }

    static Path resource(String name) {
        try {
            return Path.of(RosterFileReaderCsvTest.class.getResource("/roster/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package app.mentorbot.conversations.roster;

import static app.mentorbot.conversations.roster.RosterWorkbooks.row;
import static app.mentorbot.conversations.roster.RosterWorkbooks.workbook;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.mentorbot.conversations.roster.RosterFile.Problem;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RosterFileReaderXlsxTest {
    @TempDir
    Path dir;

    /** What a school sends: a title line, teachers, students with numeric 学号, parents pointing at 学号. */
    private RosterWorkbooks schoolWorkbook() {
        return workbook()
                .sheet("说明", List.of(row("请按模板填写，不要改动表头")))
                .sheet("教师", List.of(
                        row("学校", "示范中学"),
                        row("工号", "姓名", "任教学科", "任教班级", "班主任", "管理员", "钉钉ID"),
                        row("T01", "刘洋", "数学", "高二(1)班、高二(2)班", null, "是", "ding-liu"),
                        row("T02", "孙丽", "语文", "高二（1）班", "高二(1)班", null, null),
                        row(1003, "钱芳", "物理", "高二(2)班", "是", "否", "ding-qian")))
                .sheet("学生名单", List.of(
                        row("序号", "学号*", "学生姓名", "班级", "导师"),
                        row(1, 20230101, "张小明", "高二(1)班", "刘洋"),
                        row(2, 20230102, "李华", "高二(1)班", "T02"),
                        row(3, null, null, null, null),
                        row(4, 20230103, "王子轩", "高二(2)班", 1003)))
                .sheet("家长", List.of(
                        row("学生学号", "关系", "家长姓名", "企业微信ID"),
                        row(20230101, "母亲", "王红", "wang-hong"),
                        row(20230101, "父亲", "张军", null),
                        row("李华", "祖母", null, null)));
    }

    @Test
    void a_workbook_with_teacher_student_and_parent_sheets_becomes_a_roster() throws IOException {
        RosterFile file = RosterFileReader.read(schoolWorkbook().writeTo(dir.resolve("花名册.xlsx")));

        assertThat(file.problems()).isEmpty();
        Roster roster = file.roster();
        assertThat(roster.schoolName()).isEqualTo("示范中学");
        assertThat(roster.classes()).containsExactly(
                new SchoolClass("C-高二(1)班", "高二(1)班", "T02"),
                new SchoolClass("C-高二(2)班", "高二(2)班", "1003"));
        assertThat(roster.teachers()).containsExactly(
                new Teacher("T01", "刘洋", "数学", List.of("C-高二(1)班", "C-高二(2)班"), true),
                new Teacher("T02", "孙丽", "语文", List.of("C-高二(1)班"), false),
                new Teacher("1003", "钱芳", "物理", List.of("C-高二(2)班"), false));
        assertThat(roster.students()).containsExactly(
                new Student("20230101", "张小明", "C-高二(1)班", "T01"),
                new Student("20230102", "李华", "C-高二(1)班", "T02"),
                new Student("20230103", "王子轩", "C-高二(2)班", "1003"));
        assertThat(roster.parents()).containsExactly(
                new Parent("P-20230101-1", "20230101", "母亲", "王红"),
                new Parent("P-20230101-2", "20230101", "父亲", "张军"),
                new Parent("P-20230102-1", "20230102", "祖母", null));
        assertThat(file.identities()).isEqualTo(Map.of(
                "T01", Map.of("dingtalk", "ding-liu"),
                "1003", Map.of("dingtalk", "ding-qian"),
                "P-20230101-1", Map.of("wecom", "wang-hong")));
    }

    @Test
    void the_same_workbook_read_twice_gives_an_equal_roster() throws IOException {
        Path xlsx = schoolWorkbook().writeTo(dir.resolve("花名册.xlsx"));

        RosterFile first = RosterFileReader.read(xlsx);
        RosterFile second = RosterFileReader.read(xlsx);

        assertThat(second.roster()).usingRecursiveComparison().isEqualTo(first.roster());
        assertThat(second.roster().parents()).isEqualTo(first.roster().parents());
        assertThat(second.identities()).isEqualTo(first.identities());
    }

    @Test
    void a_single_sheet_of_students_implies_its_classes_and_teachers() throws IOException {
        Path xlsx = workbook().sheet("Sheet1", List.of(
                        row("学号", "姓名", "班级", "导师", "班主任"),
                        row("S01", "张小明", "高二(1)班", "刘洋", "孙丽"),
                        row("S02", "李华", "高二（1）班", "孙丽", "孙丽"),
                        row("S03", "王子轩", "高二(2)班", null, "钱芳")))
                .writeTo(dir.resolve("students.xlsx"));

        RosterFile file = RosterFileReader.read(xlsx, "默认中学");

        assertThat(file.problems()).isEmpty();
        Roster roster = file.roster();
        assertThat(roster.schoolName()).isEqualTo("默认中学");
        assertThat(roster.classes()).containsExactly(
                new SchoolClass("C-高二(1)班", "高二(1)班", "T-孙丽"),
                new SchoolClass("C-高二(2)班", "高二(2)班", "T-钱芳"));
        assertThat(roster.teachers()).extracting(Teacher::id, Teacher::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("T-刘洋", "刘洋"),
                org.assertj.core.groups.Tuple.tuple("T-孙丽", "孙丽"),
                org.assertj.core.groups.Tuple.tuple("T-钱芳", "钱芳"));
        assertThat(roster.students()).extracting(Student::mentorId).containsExactly("T-刘洋", "T-孙丽", null);
    }

    @Test
    void merged_class_cells_fill_every_student_of_the_class_and_hidden_sheets_are_ignored() throws IOException {
        Path xlsx = workbook()
                .sheet("学生", List.of(
                        row("班级", "学号", "姓名", "导师"),
                        row("高二(1)班", "S01", "张小明", "刘洋"),
                        row(null, "S02", "李华", "刘洋"),
                        row("高二(2)班", "S03", "王子轩", "刘洋")))
                .merge("学生", "A2:A3")
                .sheet("下拉选项", List.of(row("学号", "姓名", "班级", "导师"), row("乱", "乱", "乱", "乱")))
                .hide("下拉选项")
                .writeTo(dir.resolve("merged.xlsx"));

        RosterFile file = RosterFileReader.read(xlsx);

        assertThat(file.problems()).isEmpty();
        assertThat(file.roster().students()).extracting(Student::classId)
                .containsExactly("C-高二(1)班", "C-高二(1)班", "C-高二(2)班");
    }

    @Test
    void one_student_sheet_per_class_takes_the_class_from_the_sheet_name() throws IOException {
        Path xlsx = workbook()
                .sheet("教师", List.of(row("工号", "姓名"), row("T01", "刘洋")))
                .sheet("高二(1)班", List.of(row("学号", "姓名", "导师"), row(1, "张小明", "刘洋")))
                .sheet("高二(2)班", List.of(row("学号", "姓名", "导师"), row(2, "李华", "刘洋")))
                .writeTo(dir.resolve("by-class.xlsx"));

        RosterFile file = RosterFileReader.read(xlsx);

        assertThat(file.problems()).isEmpty();
        assertThat(file.roster().students()).containsExactly(
                new Student("1", "张小明", "C-高二(1)班", "T01"),
                new Student("2", "李华", "C-高二(2)班", "T01"));
    }

    @Test
    void a_bad_workbook_lists_every_problem_with_its_sheet_and_row() throws IOException {
        Path xlsx = workbook()
                .sheet("班级", List.of(
                        row("班级编号", "班级名称", "班主任"),
                        row("C21", "高二(1)班", "孙丽"),
                        row("C22", "高二(2)班", "王老师")))
                .sheet("教师", List.of(
                        row("工号", "姓名", "任教班级"),
                        row("T01", "刘洋", "C21"),
                        row("T02", "孙丽", "高二(1)班"),
                        row("T03", "王芳", "高二(3)班"),
                        row("T04", "王芳", "C22")))
                .sheet("学生", List.of(
                        row("学号", "姓名", "班级", "导师"),
                        row("S01", "张小明", "高二(1)班", "刘洋"),
                        row("S02", "李华", "高二(3)班", "刘洋"),
                        row("S03", "王子轩", "C21", "王老师"),
                        row("S01", "陈思雨", "C22", "王芳"),
                        row("T02", "杨帆", "C22", "T04"),
                        row("S06", null, "C22", "T04")))
                .sheet("家长", List.of(
                        row("学生学号", "关系"),
                        row("S01", "母亲"),
                        row("S99", "父亲")))
                .writeTo(dir.resolve("bad.xlsx"));

        RosterFile file = RosterFileReader.read(xlsx);

        assertThat(file.roster()).isNull();
        assertThat(file.problems()).extracting(Problem::toString).containsExactly(
                "班级 sheet 第3行：班主任「王老师」不是教师",
                "教师 sheet 第4行：班级「高二(3)班」不在班级表中",
                "学生 sheet 第3行：班级「高二(3)班」不在班级表中",
                "学生 sheet 第4行：导师「王老师」不是教师",
                "学生 sheet 第5行：导师「王芳」有 2 位同名教师（T03、T04），请改填工号",
                "学生 sheet 第5行：学号 S01 重复（第2行已出现）",
                "学生 sheet 第6行：学号 T02 与教师「孙丽」的编号相同（教师 sheet 第3行），每个人的编号必须不同",
                "学生 sheet 第7行：「姓名」没有填写",
                "家长 sheet 第3行：学生「S99」不在学生名单中");
    }

    @Test
    void a_sheet_without_a_required_column_is_named_as_a_whole() throws IOException {
        Path xlsx = workbook()
                .sheet("学生", List.of(row("学号", "名单", "导师"), row("S01", "张小明", "刘洋")))
                .writeTo(dir.resolve("no-columns.xlsx"));

        assertThat(RosterFileReader.read(xlsx).problems()).containsExactly(
                new Problem("学生 sheet", "缺少列「姓名」（也可写作「学生姓名」「名字」）"),
                new Problem("学生 sheet", "缺少列「班级」（也可写作「所在班级」「班级名称」）"));
    }

    @Test
    void a_teacher_named_in_the_classes_sheet_and_the_student_sheet_must_agree_on_the_class_head() throws IOException {
        Path xlsx = workbook()
                .sheet("教师", List.of(row("工号", "姓名"), row("T01", "刘洋"), row("T02", "孙丽")))
                .sheet("学生", List.of(
                        row("学号", "姓名", "班级", "导师", "班主任"),
                        row("S01", "张小明", "高二(1)班", "刘洋", "孙丽"),
                        row("S02", "李华", "高二(1)班", "刘洋", "刘洋")))
                .writeTo(dir.resolve("heads.xlsx"));

        assertThat(RosterFileReader.read(xlsx).problems()).containsExactly(new Problem("学生 sheet 第3行",
                "班级「高二(1)班」的班主任前后不一致：学生 sheet 第2行是「孙丽」，这里是「刘洋」"));
    }
}

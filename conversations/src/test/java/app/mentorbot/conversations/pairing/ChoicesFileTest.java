package app.mentorbot.conversations.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.matching.Band;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterFileReader;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/** The choices file as class heads fill it in: CSV or a workbook with a teacher sheet, checked against the roster. */
class ChoicesFileTest {
    static final Roster SCHOOL = new Roster("一中",
            List.of(new SchoolClass("C21", "高二(1)班", "T02")),
            List.of(new Teacher("T01", "刘洋", "数学", List.of("C21"), false), new Teacher("T02", "孙丽", "语文", List.of("C21"), false),
                    new Teacher("T03", "王芳", "英语", List.of("C21"), false), new Teacher("T04", "王芳", "历史", List.of("C21"), false)),
            List.of(new Student("S01", "张小明", "C21", "T01"), new Student("S02", "李华", "C21", "T01"), new Student("S03", "王子轩", "C21", null)),
            List.of());

    @Test
    void theExampleChoicesFileMatchesTheExampleSchool() {
        Roster example = RosterFileReader.read(Path.of("../config/example-school.json")).roster();
        Choices c = ChoicesFile.read(Path.of("../config/example-choices.csv"), example);
        assertThat(c.problems()).isEmpty();
        assertThat(c.students()).hasSize(20);
        assertThat(c.students().get(1)).isEqualTo(new Choices.Choice("S02", List.of("T01", "T03"), Set.of("学习困难"), Band.STRUGGLING));
        assertThat(c.students().get(11).mentorIds()).as("工号 work as well as names").containsExactly("T03", "T02");
        assertThat(c.students().get(12).mentorIds()).as("「赵强老师」 is 赵强").containsExactly("T03");
    }

    @Test
    void aCsvChoiceNamesATeacherByIdOrNameAndTagsAreSplitOnTheUsualSeparators() {
        String csv = "学号,姓名,志愿1,志愿2,标签,层次\nS01,张小明,刘洋老师,T02,家境贫寒、父母离异,尖子生\n,李华,孙丽,,,\n";
        Choices c = ChoicesFile.read("choices.csv", csv.getBytes(StandardCharsets.UTF_8), SCHOOL);
        assertThat(c.problems()).isEmpty();
        assertThat(c.students()).containsExactly(
                new Choices.Choice("S01", List.of("T01", "T02"), Set.of("家境贫寒", "父母离异"), Band.TOP),
                new Choices.Choice("S02", List.of("T02"), Set.of(), null));
    }

    @Test
    void everyProblemIsListedByLineAndTheFileIsNotUsed() {
        String csv = "学号,姓名,志愿1,志愿2,层次\nS09,谁,刘洋,,\nS01,张小明,王芳,张三,优秀\nS01,张小明,刘洋,,\n";
        Choices c = ChoicesFile.read("choices.csv", csv.getBytes(StandardCharsets.UTF_8), SCHOOL);
        assertThat(c.ok()).isFalse();
        assertThat(c.problems()).containsExactly(
                "choices.csv 第2行：名单里找不到学生「S09」",
                "choices.csv 第3行：志愿1「王芳」有 2 位同名教师，请改填工号",
                "choices.csv 第3行：志愿2「张三」不是名单里的教师",
                "choices.csv 第3行：层次「优秀」应为 尖子、边缘、特长 或 学困",
                "choices.csv 第4行：学生 S01 出现了不止一次");
    }

    @Test
    void aWorkbookMayGiveTeachersTheirOwnSeatsAndTheStudentsTheyWouldLike() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            rows(wb.createSheet("志愿"), List.of("学号", "姓名", "志愿1"), List.of("S01", "张小明", "孙丽"), List.of("S03", "王子轩", "T03"));
            rows(wb.createSheet("教师"), List.of("工号", "姓名", "名额", "意向学生"), List.of("T02", "孙丽", "4", "王子轩、S01"), List.of("T03", "", "0", ""));
            wb.write(out);
            Choices c = ChoicesFile.read("choices.xlsx", out.toByteArray(), SCHOOL);
            assertThat(c.problems()).isEmpty();
            assertThat(c.seats()).containsEntry("T02", 4).containsEntry("T03", 0);
            assertThat(c.preferred()).containsEntry("T02", List.of("S03", "S01"));
        }
    }

    private static void rows(Sheet sheet, List<String>... rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].size(); c++) row.createCell(c).setCellValue(rows[r].get(c));
        }
    }
}

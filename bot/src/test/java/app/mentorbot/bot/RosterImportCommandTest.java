package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.bot.cli.ImportCommand;
import app.mentorbot.bot.testing.TestDatabase;

/** {@code java -jar mentorbot.jar import FILE} against a real database, as an admin would run it. */
class RosterImportCommandTest {
    @TempDir
    Path dir;

    String url;
    JdbcClient jdbc;

    @BeforeEach
    void freshDatabase() {
        url = TestDatabase.newDatabase();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(TestDatabase.user());
        ds.setPassword(TestDatabase.password());
        jdbc = JdbcClient.create(ds);
    }

    record Run(int exit, String out, String err) {}

    Run importing(Path file) throws Exception {
        return capture(() -> ImportCommand.run(new String[] {file.toString(), "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password()}));
    }

    static Run capture(Callable<Integer> command) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = command.call();
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where active").query(Long.class).single();
    }

    @Test
    void aGoodJsonRosterIsImportedAndImportingItAgainChangesNothing() throws Exception {
        Path file = Path.of("../config/example-school.json");
        Run first = importing(file);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("名单已导入").contains("20 名学生");
        assertThat(count("student")).isEqualTo(20);
        assertThat(count("teacher")).isEqualTo(5);
        assertThat(jdbc.sql("select mentor_id from student where id = 'S06'").query(String.class).single()).isEqualTo("T01");

        Run second = importing(file);
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("没有任何改动");
    }

    @Test
    void anExcelRosterWithChineseHeadersIsImported() throws Exception {
        Path xlsx = dir.resolve("花名册.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet classes = wb.createSheet("班级");
            row(classes, 0, "班级编号", "班级", "班主任");
            row(classes, 1, "C31", "高三(1)班", "T11");
            XSSFSheet teachers = wb.createSheet("教师");
            row(teachers, 0, "工号", "姓名", "任教学科", "任教班级");
            row(teachers, 1, "T11", "马红", "化学", "高三(1)班");
            row(teachers, 2, "T12", "冯军", "历史", "高三(1)班");
            XSSFSheet students = wb.createSheet("学生");
            row(students, 0, "学号", "姓名", "班级", "导师");
            students.createRow(1).createCell(0).setCellValue(20230101d);
            students.getRow(1).createCell(1).setCellValue("欧阳晓雨");
            students.getRow(1).createCell(2).setCellValue("高三(1)班");
            students.getRow(1).createCell(3).setCellValue("马红");
            row(students, 2, "20230102", "高兴", "高三(1)班", "冯军");
            try (FileOutputStream out = new FileOutputStream(xlsx.toFile())) {
                wb.write(out);
            }
        }
        Run run = importing(xlsx);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(jdbc.sql("select id || ':' || mentor_id from student order by id").query(String.class).list())
                .containsExactly("20230101:T11", "20230102:T12");
        assertThat(jdbc.sql("select head_teacher_id from school_class where id = 'C31'").query(String.class).single()).isEqualTo("T11");
    }

    @Test
    void aCsvWithAByteOrderMarkIsImported() throws Exception {
        Path seed = Path.of("../config/example-school.json");
        assertThat(importing(seed).exit()).isZero();
        Path csv = dir.resolve("学生.csv");
        String body = "学号,姓名,班级,导师\nS01,张小明,高二(1)班,刘洋\nS02,李华,高二(1)班,刘洋\n";
        Files.write(csv, ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8));
        Run run = importing(csv);
        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        assertThat(jdbc.sql("select name from student where id = 'S01' and active").query(String.class).single()).isEqualTo("张小明");
    }

    @Test
    void aBadFileIsRefusedWithEveryProblemNamedAndNothingIsImported() throws Exception {
        Path good = Path.of("../config/example-school.json");
        assertThat(importing(good).exit()).isZero();
        long studentsBefore = count("student");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"school": "坏名单中学",
                 "classes": [{"id": "C1", "name": "一班", "head": "T1"}],
                 "teachers": [{"id": "T1", "name": "甲老师", "classes": ["C1"]}],
                 "students": [
                   {"id": "S1", "name": "学生一", "class": "C9", "mentor": "T1"},
                   {"id": "S2", "name": "学生二", "class": "C1", "mentor": "P1"},
                   {"id": "S2", "name": "学生三", "class": "C1", "mentor": "T1"}
                 ],
                 "parents": [{"id": "P1", "student": "S1", "relation": "母亲"}]}
                """);
        Run run = importing(bad);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("名单未导入").contains("C9").contains("S2").contains("P1");
        assertThat(count("student")).isEqualTo(studentsBefore);
        assertThat(jdbc.sql("select name from school").query(String.class).single()).isEqualTo("示范中学（演示）");
    }

    @Test
    void chatAccountsInTheRosterAreBoundAndReimportingBindsNothingNew() throws Exception {
        Path file = dir.resolve("accounts.json");
        Files.writeString(file, """
                {"school": "账号中学",
                 "classes": [{"id": "C1", "name": "一班", "head": "T1"}],
                 "teachers": [{"id": "T1", "name": "甲老师", "classes": ["C1"], "dingtalk_user_id": "manager4321"}],
                 "students": [{"id": "S1", "name": "学生一", "class": "C1", "mentor": "T1"}],
                 "parents": [{"id": "P1", "student": "S1", "relation": "母亲", "wecom_user_id": "mum001"}]}
                """);
        Run first = importing(file);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(jdbc.sql("select platform || ':' || platform_user_id || '=' || person_id from platform_identity order by 1")
                .query(String.class).list()).containsExactly("dingtalk:manager4321=T1", "wecom:mum001=P1");
        Run again = importing(file);
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("没有任何改动");
    }

    @Test
    void aCsvMissingARequiredColumnIsRefusedByName() throws Exception {
        Path csv = dir.resolve("no-class.csv");
        Files.writeString(csv, "学号,姓名,导师\nS01,张小明,刘洋\n");
        Run run = importing(csv);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("班级");
    }

    private static void row(XSSFSheet sheet, int index, String... values) {
        var row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) row.createCell(i).setCellValue(values[i]);
    }
}

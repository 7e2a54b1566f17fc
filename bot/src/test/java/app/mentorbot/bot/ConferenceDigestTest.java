package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.digests.ConferenceDigest;
import app.mentorbot.conversations.digests.ConferenceDigest.Decision;
import app.mentorbot.conversations.digests.ConferenceDigest.KeyStudent;
import app.mentorbot.conversations.digests.ConferenceDigest.MentorCoverage;
import app.mentorbot.conversations.digests.ConferenceDigest.StudentLine;
import app.mentorbot.conversations.digests.ConferenceDigest.Why;
import app.mentorbot.conversations.digests.Entry;
import app.mentorbot.conversations.reminders.Reminder;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Topic;

/**
 * What the case-conference digest of 高二(1)班 says over the {@link KnownRecords}: its key students and why, each
 * student's counts, each mentor's coverage, the earlier decisions; and the same on its page and in its workbook.
 */
class ConferenceDigestTest extends KnownRecords {
    @Test
    void theDigestNamesTheKeyStudentsAndWhyCountsEachStudentAndCoversEachMentor() {
        ConferenceDigest d = digests.build(SCHOOL, "C21", TODAY).orElseThrow();

        assertThat(d.from()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(d.previousConference()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(d.classHeadName()).isEqualTo("孙丽");
        assertThat(d.keyStudents()).extracting(KeyStudent::name).containsExactly("黄佳怡", "王子轩", "杨帆");
        KeyStudent huang = d.keyStudents().get(0);
        assertThat(huang.reasons()).singleElement().satisfies(r -> {
            assertThat(r.why()).isEqualTo(Why.FLAGGED);
            assertThat(r.flags()).containsExactlyInAnyOrder(Flag.PSYCH, Flag.SAFETY, Flag.FAMILY);
        });
        KeyStudent yang = d.keyStudents().get(2);
        assertThat(yang.is(Why.TALK_OVERDUE)).isTrue();
        assertThat(yang.reasons().get(0).overdueSince()).isEqualTo(day(3));
        assertThat(yang.reasons().get(0).overdueDays()).isEqualTo(8);
        assertThat(yang.reasons().get(0).lastTalk()).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(yang.timeline()).isEmpty();
        assertThat(yang.tried()).extracting(Entry::note).containsExactly("开学谈话：杨帆的学习计划");

        StudentLine line = d.students().stream().filter(s -> s.studentId().equals("S06")).findFirst().orElseThrow();
        assertThat(List.of(line.individualTalks(), line.groupTalks(), line.parentContacts(), line.observations())).containsExactly(2, 0, 1, 2);
        StudentLine zhang = d.students().stream().filter(s -> s.studentId().equals("S01")).findFirst().orElseThrow();
        assertThat(List.of(zhang.individualTalks(), zhang.groupTalks(), zhang.parentContacts(), zhang.observations())).containsExactly(1, 1, 0, 0);
        assertThat(zhang.flags()).isEmpty();
        assertThat(d.students()).hasSize(16);

        assertThat(d.coverage()).extracting(MentorCoverage::name).containsExactly("刘洋", "孙丽", "赵强");
        MentorCoverage liu = d.coverage().get(0);
        assertThat(List.of(liu.mentees(), liu.menteesTalkedTo(), liu.individualTalks(), liu.groupTalks(), liu.parentContacts(), liu.overdueTalks()))
                .containsExactly(8, 7, 8, 1, 1, 1);
        assertThat(liu.covered()).containsExactlyInAnyOrder(Topic.THOUGHT, Topic.PSYCH, Topic.CAREER, Topic.LIFE);
        assertThat(liu.topics()).containsEntry(Topic.THOUGHT, 7).containsEntry(Topic.PSYCH, 2).containsEntry(Topic.ACADEMIC, 0);
        MentorCoverage sun = d.coverage().get(1);
        assertThat(List.of(sun.mentees(), sun.menteesTalkedTo(), sun.parentContacts())).containsExactly(4, 4, 0);
    }

    @Test
    void aKeyStudentsTimelineRunsInDateOrderAcrossEveryAuthorWithTheOpenFollowUps() {
        KeyStudent huang = digests.build(SCHOOL, "C21", TODAY).orElseThrow().keyStudents().get(0);

        assertThat(huang.timeline()).extracting(Entry::date).containsExactly(day(2), day(4), day(5), day(6), day(9));
        assertThat(huang.timeline()).extracting(Entry::recordId).containsSubsequence(observationByMentor, safetyObservation, callByClassHead, talkWithFollowUp);
        assertThat(huang.authors()).containsExactly("刘洋", "赵强", "孙丽");
        assertThat(huang.timeline()).extracting(e -> e.authorRole().name())
                .containsExactly("MENTOR", "MENTOR", "TEACHER", "CLASS_HEAD", "MENTOR");
        assertThat(huang.timeline()).extracting(Entry::recordId).doesNotContain(januaryRecord);
        assertThat(huang.openFollowUps()).singleElement().satisfies(f -> {
            assertThat(f.reminderId()).isEqualTo(followUpReminder);
            assertThat(f.dueOn()).isEqualTo(day(16));
            assertThat(f.personName()).isEqualTo("刘洋");
        });
        assertThat(huang.earlierDecisions()).extracting(Decision::id).containsExactly(decisionDone);
        assertThat(huang.tried()).extracting(Entry::date).containsExactly(day(2), day(6), day(9));
    }

    @Test
    void earlierDecisionsShowWhetherTheyHappenedAndWhy() {
        List<Decision> decisions = digests.build(SCHOOL, "C21", TODAY).orElseThrow().decisions();

        assertThat(decisions).extracting(Decision::id).containsExactly(decisionDone, decisionNotYet, decisionByRecords);
        Decision done = decisions.get(0);
        assertThat(done.remindersDone()).isTrue();
        assertThat(done.happened()).isTrue();
        Decision notYet = decisions.get(1);
        assertThat(notYet.happened()).isFalse();
        assertThat(notYet.reminders()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(Reminder.Status.PENDING));
        Decision byRecords = decisions.get(2);
        assertThat(byRecords.remindersDone()).isFalse();
        assertThat(byRecords.laterRecords()).extracting(Entry::note).containsExactly("例行谈心");
        assertThat(byRecords.happened()).isTrue();
    }

    @Test
    void theDigestPageShowsTheSameContentWithAChartPerStudentAndPerMentor() throws Exception {
        String html = page(links.digestPage("main", "T02", "C21"));

        assertThat(html).contains("高二(1)班 学情会商材料", "自上次会商 2月27日 以来", "班主任：孙丽");
        assertThat(html).contains("全班 16 名学生。本期个别谈话 16 次，集体交流 1 次，家长联系 2 次，观察记录 3 条；重点学生 3 名。");
        assertThat(html.indexOf("id=\"s-S06\"")).isLessThan(html.indexOf("id=\"s-S03\"")).isLessThan(html.indexOf("id=\"s-S05\""));
        assertThat(html).contains("本期被标记：心理、家庭、安全", "个别谈话已逾期 8 天（自 3月3日 起；上次个别谈话：2月16日）");
        assertThat(html).contains("3月16日 刘洋：再找黄佳怡聊一次（待办）");
        assertThat(html).contains("已落实：相关提醒已全部完成", "尚未见落实", "已落实：决定后负责人已有 1 条相关记录");
        assertThat(html).doesNotContain("上学期的决定");
        assertThat(html).contains("/pages/digest/C21.xlsx?viewer=T02&amp;exp=");
        assertThat(svgs(html)).hasSize(2);
    }

    // the workbook

    @Test
    void theWorkbookDownloadsAndOpensWithTheFourSheetsAndTheirRows() throws Exception {
        HttpResponse<byte[]> response = get(links.digestPage("main", "T02", "C21").replace("/pages/digest/C21?", "/pages/digest/C21.xlsx?"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(t -> assertThat(t).contains("attachment"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)))
                    .containsExactly("概览", "重点学生", "导师覆盖", "会商决定");
            List<List<String>> glance = rows(book.getSheet("概览"));
            assertThat(glance.get(0)).startsWith("学生", "学号", "导师", "个别谈话", "集体交流", "家长联系", "观察记录", "标记");
            assertThat(glance).hasSize(17);
            assertThat(glance).anySatisfy(r -> assertThat(r).startsWith("黄佳怡", "S06", "刘洋", "2", "0", "1", "2"));

            List<List<String>> keys = rows(book.getSheet("重点学生"));
            assertThat(keys.subList(1, keys.size())).extracting(r -> r.get(0)).containsOnly("黄佳怡", "王子轩", "杨帆");
            assertThat(keys).filteredOn(r -> r.get(0).equals("黄佳怡")).hasSize(6); // five records and the open follow-up
            assertThat(keys).anySatisfy(r -> assertThat(r).contains(SCRIPT_NOTE));

            List<List<String>> coverage = rows(book.getSheet("导师覆盖"));
            assertThat(coverage.get(0)).contains("导师", "受导学生", "思想引导", "生涯规划");
            assertThat(coverage.subList(1, coverage.size())).extracting(r -> r.get(0)).containsExactly("刘洋", "孙丽", "赵强");

            List<List<String>> decisions = rows(book.getSheet("会商决定"));
            assertThat(decisions).hasSize(4);
            assertThat(decisions.get(2)).contains("赵强老师检查李华的<b>英语作业</b> & 订正");
            assertThat(decisions.get(2).get(5)).startsWith("尚未见落实");
        }
        HttpResponse<byte[]> forged = get(links.digestPage("main", "T03", "C21").replace("/pages/digest/C21?", "/pages/digest/C21.xlsx?"));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    static List<List<String>> rows(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
            rows.add(cells);
        }
        return rows;
    }
}

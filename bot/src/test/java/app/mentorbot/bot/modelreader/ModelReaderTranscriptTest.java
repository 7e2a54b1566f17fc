package app.mentorbot.bot.modelreader;

import static app.mentorbot.bot.modelreader.FakeModelServer.completion;
import static app.mentorbot.bot.modelreader.FakeModelServer.reading;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.adapters.api.testing.Patience;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.conversations.modelreader.ModelReaderCounters;

/**
 * The school's model on (WireMock plays it): the teacher's confirmation comes from the rules at once,
 * and the model's reading follows. A paraphrased safety note the rules miss is flagged from the
 * model's reading and the class head is told; a parent's call with no channel word is amended in one
 * line the teacher can take back; a malformed or late answer changes nothing; a safety signal about no one
 * named makes the bot ask who. Demo school: 张小明 (S01)
 * and 杨帆 (S05) are mentored by 刘洋 (T01) in 高二(1)班, headed by 孙丽 (T02).
 */
@ChatTest
@Import(SchoolDayClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelReaderTranscriptTest {
    static final FakeModelServer model = new FakeModelServer();
    /** The model's time: 3 s (the default) on a quiet machine, more on a loaded one, where even WireMock's first answer is slow. */
    static final Duration TIMEOUT = Patience.of(Duration.ofSeconds(3));

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("mentorbot.reader.model.enabled", () -> "true");
        registry.add("mentorbot.reader.model.base-url", model::baseUrl);
        registry.add("mentorbot.reader.model.model", () -> "qwen2.5-7b-instruct");
        registry.add("mentorbot.reader.model.timeout", () -> TIMEOUT.toString());
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    @Autowired
    FakeChat chat;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ModelReaderCounters counters;

    private LocalDate onDay(int daysAfterTuesday) {
        clock.set(SchoolDayClock.TUESDAY_AFTERNOON.plusDays(daysAfterTuesday));
        return clock.instant().atZone(SchoolDayClock.TUESDAY_AFTERNOON.getZone()).toLocalDate();
    }

    private long lastRecordBy(String author) {
        return jdbc.sql("select max(id) from record where author_id = ? and deleted_at is null").param(author).query(Long.class).single();
    }

    private List<String> flags(long record) {
        return jdbc.sql("select unnest(flags) from record where id = ?").param(record).query(String.class).list();
    }

    private String channel(long record) {
        return jdbc.sql("select coalesce(channel, '-') from record where id = ?").param(record).query(String.class).single();
    }

    /** Amendments and alerts that went to {@code person} (the outbox keeps every message, sent or not). */
    private long pushesTo(String person, String startingWith) {
        return jdbc.sql("select count(*) from outbox where recipient_id = ? and starts_with(body, ?)").params(person, startingWith)
                .query(Long.class).single();
    }

    /** Waits, as long as the machine's load asks, until {@code counter} moves past {@code before}. */
    private static void awaitPast(LongSupplier counter, long before) throws InterruptedException {
        long deadline = System.nanoTime() + Patience.of(TIMEOUT.multipliedBy(3)).toNanos();
        while (counter.getAsLong() <= before) {
            if (System.nanoTime() > deadline) throw new AssertionError("the model reader did not get that far");
            Thread.sleep(20);
        }
    }

    @Test
    @Order(1)
    void aParaphrasedSafetyNoteTheRulesMissIsFlaggedFromTheModelsReadingAndTheClassHeadIsTold() throws Exception {
        LocalDate today = onDay(0);
        model.answer("最后一件事", completion(reading("TALK", "INDIVIDUAL", null, "\"S01\"", today.toString(), "\"PSYCH\"",
                "\"PSYCH\",\"SAFETY\"", null)));
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone sun = chat.as("T02")) {
            String id = liu.say("张小明今天跟我说，他已经想好了周末要做的最后一件事");
            assertThat(liu.replyTo(id)).as("the rules answer first, and saw no risk").startsWith("已记录：").contains("张小明")
                    .doesNotContain("安全");

            assertThat(liu.pushContaining("补充")).startsWith("补充：已按\"需关注：").contains("安全").contains("撤销补充")
                    .contains("已同时告知班主任孙丽老师");
            assertThat(sun.pushContaining("张小明")).startsWith("【紧急】").contains("刘洋").contains("语言模型").contains("最后一件事");
        }
        long record = lastRecordBy("T01");
        assertThat(flags(record)).contains("SAFETY", "PSYCH");
        assertThat(jdbc.sql("select e->>'value' from record, jsonb_array_elements(evidence) e where id = ? and e->>'field' = 'model'")
                .param(record).query(String.class).list()).as("the record says the model raised it").containsExactlyInAnyOrder("SAFETY", "PSYCH");
        assertThat(jdbc.sql("select reason from record_version where record_id = ?").param(record).query(String.class).list())
                .singleElement().asString().startsWith("MODEL_READER");
    }

    @Test
    @Order(2)
    void aParentsCallWithNoChannelWordIsAmendedInOneLineAndTheTeacherCanTakeItBack() throws Exception {
        LocalDate today = onDay(1);
        model.answer("打来", completion(reading("PARENT_CONTACT", null, "PHONE", "\"S01\"", today.toString(), "\"ACADEMIC\"", "", null)));
        long changedBefore = counters.fieldsChanged();
        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.ask("张小明的妈妈下午打来，聊了孩子最近的作业")).startsWith("已记录：");
            assertThat(liu.pushContaining("补充")).isEqualTo("补充：已按\"家长联系（电话）\"记录。回复「撤销补充」可撤回。");
            long record = lastRecordBy("T01");
            assertThat(channel(record)).isEqualTo("PHONE");
            assertThat(counters.fieldsChanged()).isEqualTo(changedBefore + 1);

            assertThat(liu.ask("撤销补充")).startsWith("好的，已撤回补充").contains("张小明");
            assertThat(channel(record)).as("back to the rules' reading").isEqualTo("-");
            assertThat(lastRecordBy("T01")).as("the record itself stays").isEqualTo(record);
        }
    }

    @Test
    @Order(3)
    void aMalformedAnswerChangesNothing() throws Exception {
        onDay(2);
        model.answer("在意", FakeModelServer.malformed());
        long before = counters.invalidAnswers();
        long amendments = pushesTo("T01", "补充"), alerts = pushesTo("T02", "【紧急】");
        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.ask("杨帆说他觉得没有人会在意他")).startsWith("已记录：");
            awaitPast(counters::invalidAnswers, before);
        }
        long record = lastRecordBy("T01");
        assertThat(flags(record)).isEmpty();
        assertThat(jdbc.sql("select count(*) from record_version where record_id = ?").param(record).query(Long.class).single()).isZero();
        assertThat(pushesTo("T01", "补充")).as("no amendment").isEqualTo(amendments);
        assertThat(pushesTo("T02", "【紧急】")).as("no alert").isEqualTo(alerts);
    }

    @Test
    @Order(4)
    void anAnswerLaterThanTheTimeoutChangesNothing() throws Exception {
        LocalDate today = onDay(3);
        model.answer("不想回家", FakeModelServer.late(completion(reading("TALK", "INDIVIDUAL", null, "\"S05\"", today.toString(), "",
                "\"SAFETY\"", null)), TIMEOUT.multipliedBy(2)));
        long before = counters.timeouts();
        long amendments = pushesTo("T01", "补充"), alerts = pushesTo("T02", "【紧急】");
        try (FakeChat.Phone liu = chat.as("T01")) {
            // a reason the reader itself reads as no risk (its models suspect 最近周末都不想回家 alone): only the late answer could flag it
            assertThat(liu.ask("杨帆说这周末不想回家，想留在学校把作业写完")).startsWith("已记录：");
            awaitPast(counters::timeouts, before);
        }
        long record = lastRecordBy("T01");
        assertThat(flags(record)).doesNotContain("SAFETY");
        assertThat(jdbc.sql("select count(*) from record_version where record_id = ?").param(record).query(Long.class).single()).isZero();
        assertThat(pushesTo("T01", "补充")).as("no amendment").isEqualTo(amendments);
        assertThat(pushesTo("T02", "【紧急】")).as("no alert").isEqualTo(alerts);
    }

    @Test
    @Order(5)
    void aSafetySignalOnlyTheModelReadAboutNoOneNamedAsksTheTeacherWhoAndTheClassHeadIsToldOnceAnswered() throws Exception {
        LocalDate today = onDay(4);
        model.answer("那孩子", completion(reading("OBSERVATION", null, null, "", today.toString(), "\"PSYCH\"", "\"PSYCH\",\"SAFETY\"", null)));
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone sun = chat.as("T02")) {
            assertThat(liu.ask("唉，那孩子说他已经想好了周末要做的最后一件事")).as("the rules could not place it")
                    .doesNotContain("已记录");
            assertThat(liu.pushContaining("补充")).contains("可能涉及学生安全").contains("哪位学生");

            assertThat(liu.ask("张小明")).startsWith("已记录：").contains("张小明").contains("已同时告知班主任孙丽老师");
            assertThat(sun.pushContaining("那孩子")).startsWith("【紧急】");
        }
        assertThat(flags(lastRecordBy("T01"))).contains("SAFETY");
    }
}

package app.mentorbot.bot.modelreader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.conversations.dialogue.SecondReading;
import app.mentorbot.conversations.modelreader.ModelReaderCounters;

/**
 * Off by default, and off means off: with a server URL configured but the setting not turned on, notes
 * of every kind flow (a talk, a safety keyword, a parent's call, a thanks the rules cannot place, a
 * correction, a list) and the server sees not one request.
 */
@ChatTest
@Import(SchoolDayClock.class)
class ModelReaderOffTest {
    static final FakeModelServer model = new FakeModelServer();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("mentorbot.reader.model.base-url", model::baseUrl);
        registry.add("mentorbot.reader.model.model", () -> "qwen2.5-7b-instruct");
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    @Autowired
    FakeChat chat;
    @Autowired
    SecondReading secondReading;
    @Autowired
    ModelReaderCounters counters;

    @Test
    void withTheSettingOffNotesFlowAndTheModelServerSeesNoRequest() throws Exception {
        model.answer("张小明", FakeModelServer.completion("{}"));
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone sun = chat.as("T02")) {
            assertThat(liu.ask("张小明今天跟我说，他已经想好了周末要做的最后一件事")).startsWith("已记录：");
            assertThat(liu.ask("张小明的妈妈下午打来，聊了孩子最近的作业")).startsWith("已记录：");
            assertThat(liu.ask("不对，是昨天")).startsWith("已更正：");
            assertThat(liu.ask("谢谢")).doesNotContain("已记录");
            assertThat(liu.ask("1. 和李华聊了数学\n2. 王子轩被高年级同学打了，脸上有伤")).contains("王子轩");
            assertThat(sun.pushContaining("王子轩")).startsWith("【紧急】");
            assertThat(liu.quietFor(Duration.ofMillis(300))).as("no amendment follows").isTrue();
        }
        assertThat(secondReading).isSameAs(SecondReading.NONE);
        assertThat(counters.calls()).isZero();
        assertThat(model.requests()).as("not one connection to the configured URL").isZero();
    }
}

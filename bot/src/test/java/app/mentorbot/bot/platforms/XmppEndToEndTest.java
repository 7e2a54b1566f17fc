package app.mentorbot.bot.platforms;

import static app.mentorbot.adapters.xmpp.testing.TestProsody.BOT;
import static app.mentorbot.adapters.xmpp.testing.TestProsody.TEACHER1;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.mentorbot.adapters.xmpp.XmppAdapter;
import app.mentorbot.adapters.xmpp.testing.TestProsody;
import app.mentorbot.adapters.xmpp.testing.XmppPhone;
import app.mentorbot.bot.testing.BotTest;

/**
 * The whole bot on a fresh database with the XMPP adapter logged in to a real Prosody (.ci/prosody.sh;
 * MENTORBOT_TEST_PROSODY names it, and an unreachable server fails the test). teacher1 writes from an
 * independent XMPP client, as from a phone.
 */
@BotTest
@DirtiesContext // closes the context afterwards, so the bot's XMPP session ends with this class
@EnabledIf(value = "app.mentorbot.adapters.xmpp.testing.TestProsody#configured", disabledReason = "MENTORBOT_TEST_PROSODY unset: "
        + "XMPP end-to-end test skipped (start one with .ci/prosody.sh start DIR)")
class XmppEndToEndTest {
    static final String RESOURCE = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    static URI prosody;

    @BeforeAll
    static void findProsody() {
        prosody = TestProsody.uri();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("mentorbot.adapters.xmpp.enabled", () -> "true");
        registry.add("mentorbot.adapters.xmpp.websocket-url", () -> TestProsody.uri().toString());
        registry.add("mentorbot.adapters.xmpp.domain", () -> TestProsody.DOMAIN);
        registry.add("mentorbot.adapters.xmpp.username", () -> "bot");
        registry.add("mentorbot.adapters.xmpp.password", () -> "botpass");
        registry.add("mentorbot.adapters.xmpp.resource", () -> RESOURCE);
        registry.add("mentorbot.adapters.xmpp.ping-interval", () -> "10s");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    XmppAdapter adapter;

    @Test
    void aTeachersNoteSentOverXmppIsConfirmedThereAndStoredBesideItsRawMessage() throws Exception {
        jdbc.sql("insert into platform_identity (platform, platform_user_id, school_id, person_id) values ('xmpp', ?, 'main', 'T01')")
                .param(TEACHER1).update();
        for (int i = 0; i < 200 && !adapter.isOnline(); i++) Thread.sleep(50);
        assertThat(adapter.isOnline()).as("the bot logged in to Prosody").isTrue();

        try (XmppPhone teacher1 = XmppPhone.login(prosody, TestProsody.DOMAIN, "teacher1", "t1pass")) {
            teacher1.say(BOT, "今天下午和张小明单独谈心，数学下滑，下周三再跟进");
            assertThat(teacher1.chatFrom(BOT, body -> body.contains("张小明"))).startsWith("已记录");
        }

        Map<String, Object> row = jdbc.sql("""
                select r.kind, r.author_id, m.platform, m.sender_ref, m.body, m.status,
                       (select string_agg(student_id, ',') from record_student s where s.record_id = r.id) as students
                from record r join inbound_message m on m.id = r.source_message_id
                where m.platform = 'xmpp' and m.body like '%张小明单独谈心%'""").query().singleRow();
        assertThat(row).containsEntry("kind", "TALK").containsEntry("author_id", "T01").containsEntry("students", "S01")
                .containsEntry("platform", "xmpp").containsEntry("sender_ref", TEACHER1).containsEntry("status", "DONE");
        assertThat(row.get("body")).asString().isEqualTo("今天下午和张小明单独谈心，数学下滑，下周三再跟进");
    }
}

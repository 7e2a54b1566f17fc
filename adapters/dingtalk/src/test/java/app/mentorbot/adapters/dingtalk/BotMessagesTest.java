package app.mentorbot.adapters.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.mentorbot.adapters.api.InboundMessage;

class BotMessagesTest {
    private static final Instant RECEIVED = Instant.parse("2023-07-26T09:15:00Z");

    private static BotMessages.Received read(String fixture) throws Exception {
        StreamFrames.Frame frame = Fixtures.parsed(fixture, "https://oapi.dingtalk.com/robot/sendBySession?session=s1");
        return BotMessages.read(frame.data(), frame.messageId(), RECEIVED);
    }

    @Test
    void aOneToOneTextBecomesAMessageFromTheStaffIdInTheirOwnChat() throws Exception {
        BotMessages.Received r = read("bot-text-1to1.json");
        InboundMessage m = r.message();

        assertThat(m.platform()).isEqualTo("dingtalk");
        assertThat(m.messageId()).isEqualTo("msgLICYeHgY4JtMQw==");
        assertThat(m.senderId()).isEqualTo("16650698");
        assertThat(m.chatId()).isEqualTo("16650698");
        assertThat(m.text()).isEqualTo("谈话记录：今天和张三聊了学习计划");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochMilli(1690362101894L));
        assertThat(m.extras()).isEmpty();
        assertThat(r.sessionWebhook()).isEqualTo("https://oapi.dingtalk.com/robot/sendBySession?session=s1");
        assertThat(r.webhookExpiresAt()).isEqualTo(Instant.ofEpochMilli(1690367502152L));
    }

    @Test
    void aGroupMentionIsInTheGroupChatNamedByItsConversationId() throws Exception {
        InboundMessage m = read("bot-text-group.json").message();

        assertThat(m.chatId()).isEqualTo("group:cidGroup7A+x/Q==");
        assertThat(BotMessages.openConversationIdOf(m.chatId())).isEqualTo("cidGroup7A+x/Q==");
        assertThat(m.senderId()).isEqualTo("16650698");
        assertThat(m.extras()).containsExactly(entry(InboundMessage.GROUP, "true"));
        assertThat(m.text()).isEqualTo("周三晚上给李四家长打了电话");
    }

    @Test
    void picturesVoiceAndFilesComeWithEmptyTextAndTheirContentType() throws Exception {
        assertThat(read("bot-picture.json").message()).satisfies(m -> {
            assertThat(m.text()).isEmpty();
            assertThat(m.extras()).containsEntry("contentType", "picture");
        });
        assertThat(read("bot-audio.json").message().extras()).containsEntry("contentType", "audio");
        assertThat(read("bot-audio.json").message().text()).isEmpty();
        assertThat(read("bot-file.json").message().extras()).containsEntry("contentType", "file");
    }

    @Test
    void richTextKeepsItsWordsAndSaysItIsRichText() throws Exception {
        InboundMessage m = read("bot-richtext.json").message();

        assertThat(m.text()).isEqualTo("家访记录\n王五奶奶说孩子最近睡得晚");
        assertThat(m.extras()).containsEntry("contentType", "richText");
    }

    @Test
    void aSenderOutsideTheOrgIsNamedByTheEncryptedSenderId() throws Exception {
        InboundMessage m = read("bot-external-sender.json").message();

        assertThat(m.senderId()).isEqualTo("$:LWCP_v1:$outsider");
        assertThat(m.chatId()).isEqualTo("$:LWCP_v1:$outsider");
    }

    @Test
    void theRobotsOwnMessageIsMarkedFromBot() throws Exception {
        assertThat(read("bot-own-message.json").message().fromBot()).isTrue();
        assertThat(read("bot-text-1to1.json").message().fromBot()).isFalse();
    }

    @Test
    void unreadablePayloadsAreRefusedWithAReasonNotACrash() {
        assertThatThrownBy(() -> BotMessages.read("{not json", "m1", RECEIVED)).isInstanceOf(BotMessages.Unreadable.class);
        assertThatThrownBy(() -> BotMessages.read("[1,2]", "m1", RECEIVED)).isInstanceOf(BotMessages.Unreadable.class);
        assertThatThrownBy(() -> BotMessages.read(null, "m1", RECEIVED)).isInstanceOf(BotMessages.Unreadable.class);
        assertThatThrownBy(() -> BotMessages.read("{\"msgId\":\"x\",\"text\":{\"content\":\"hi\"}}", "m1", RECEIVED))
                .isInstanceOf(BotMessages.Unreadable.class).hasMessageContaining("sender");
        assertThatThrownBy(() -> BotMessages.read("{\"msgId\":\"x\",\"senderStaffId\":\"u1\",\"conversationType\":\"2\"}", "m1", RECEIVED))
                .isInstanceOf(BotMessages.Unreadable.class).hasMessageContaining("conversationId");
    }

    @Test
    void aMessageWithoutMsgIdOrTimeFallsBackToTheFrameIdAndTheReceiveTime() throws Exception {
        InboundMessage m = BotMessages.read("{\"senderStaffId\":\"u1\",\"conversationType\":\"1\",\"text\":{\"content\":\"hi\"}}",
                "frame-1", RECEIVED).message();

        assertThat(m.messageId()).isEqualTo("frame-1");
        assertThat(m.sentAt()).isEqualTo(RECEIVED);
    }
}

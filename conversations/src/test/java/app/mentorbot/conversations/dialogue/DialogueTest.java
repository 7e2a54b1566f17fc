package app.mentorbot.conversations.dialogue;

import static app.mentorbot.conversations.dialogue.SmallSchool.TEXTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.people.Person;

/** The router: who is speaking decides which conversation answers. */
class DialogueTest {
    final RecordingConversation staff = new RecordingConversation("staff");
    final RecordingConversation parents = new RecordingConversation("parents");
    final RecordingConversation binding = new RecordingConversation("binding");
    final Dialogue dialogue = new Dialogue(staff, parents, binding, TEXTS, 20);

    static Turn from(Person asker, String text) {
        return new Turn(asker, SmallSchool.ID, "webchat", asker == null ? "stranger" : asker.id(), text, 1L,
                SmallSchool.TUESDAY.toInstant());
    }

    static List<String> texts(List<Reply> replies) {
        return replies.stream().map(Reply::text).toList();
    }

    @Test
    void aTeacherIsAnsweredByTheStaffConversation() {
        assertThat(texts(dialogue.handle(from(SmallSchool.person("T1"), "  今天和张小明谈了 ")))).containsExactly("staff");
        assertThat(staff.heard).containsExactly("今天和张小明谈了");
        assertThat(parents.heard).isEmpty();
        assertThat(binding.heard).isEmpty();
    }

    @Test
    void aParentIsAnsweredByTheParentConversation() {
        assertThat(texts(dialogue.handle(from(SmallSchool.person("P1"), "孩子最近睡得晚")))).containsExactly("parents");
        assertThat(parents.heard).containsExactly("孩子最近睡得晚");
        assertThat(staff.heard).isEmpty();
    }

    @Test
    void someoneNotYetBoundIsAnsweredByTheBindingConversationWhateverTheySay() {
        assertThat(texts(dialogue.handle(from(null, "你好")))).containsExactly("binding");
        assertThat(texts(dialogue.handle(from(null, "")))).containsExactly("binding");
        assertThat(binding.heard).containsExactly("你好", "");
    }

    @Test
    void aBindingCodeGoesToTheBindingConversationWhoeverSendsIt() {
        assertThat(texts(dialogue.handle(from(SmallSchool.person("T1"), "绑定 123456")))).containsExactly("binding");
        assertThat(texts(dialogue.handle(from(SmallSchool.person("P1"), "bind:654321")))).containsExactly("binding");
        assertThat(staff.heard).isEmpty();
        assertThat(parents.heard).isEmpty();
    }

    @Test
    void anEmptyOrOverlongMessageIsAnsweredBeforeAnyConversation() {
        assertThat(texts(dialogue.handle(from(SmallSchool.person("T1"), "   ")))).containsExactly(TEXTS.get("bad.empty"));
        assertThat(texts(dialogue.handle(from(SmallSchool.person("P1"), "很".repeat(21)))))
                .containsExactly(TEXTS.get("bad.tooLong", 20));
        assertThat(texts(dialogue.handle(from(SmallSchool.person("P1"), "很".repeat(20))))).containsExactly("parents");
        assertThat(staff.heard).isEmpty();
        assertThat(binding.heard).isEmpty();
    }
}

package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The readings the twenty-eighth pass added (docs/notes.md), on the reader test's roster; written on Wednesday
 * 15 April 2026.
 */
class RepliesAndSecondOpinionsTest {
    @Test
    void theTeachersReplyToAGuardianPlansTheDayItNames() {
        Note pasted = read("「吴天明妈妈：老师，孩子这礼拜回家一直不说话，饭也不怎么吃。」已回复，说下周一找他谈。");
        assertThat(pasted.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(pasted.followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
        Note told = read("吴天明他爷爷发来微信语音，说孩子周末在家光打游戏，让我给说说。回他说周五我找吴天明好好聊聊。");
        assertThat(told.followUp()).isEqualTo(LocalDate.of(2026, 4, 17));
        // the guardian's own words about a day are theirs, not the teacher's plan
        assertThat(read("吴天明他爷爷发来微信语音，说孩子周五要去医院复查眼睛。").followUp()).isNull();
    }
}

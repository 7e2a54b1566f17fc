package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parents placed in another city by a place name (HanLP's dictionary), told in a teacher's or a voice note's words. */
class ParentsWorkingAwayTest {
    @Test
    void parentsAtAWorkplaceInAnotherCityAreAFamilySituation() {
        assertThat(read("开学第一天，和吴天明聊了一下寒假的情况，他爸妈过完年初六就回东莞了，他说习惯了，就是讲话声音很小。寒假作业基本做完了。").flags())
                .contains(Flag.FAMILY);
        assertThat(read("昨天放学许诗涵在校门口等了一个多小时没人接，她爸妈在福清工地，她跟我说反正没人要我。我送她回了家。").flags())
                .contains(Flag.FAMILY);
    }

    @Test
    void someoneElseWhoWentAwayIsNotTheParents() {
        assertThat(read("吴天明他爸说他叔叔跑车去了吐鲁番，根本不在家。").flags()).doesNotContain(Flag.FAMILY);
        assertThat(read("吴天明他爸说孩子放假想去杭州跟他一起在工地干活。").flags()).doesNotContain(Flag.FAMILY);
    }
}

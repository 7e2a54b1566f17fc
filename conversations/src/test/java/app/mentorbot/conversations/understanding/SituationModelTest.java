package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.roster.RosterJson;

/**
 * The situation model generalises across writers: trained on one bank of sentences (rural 初中 teachers), it reads
 * the other (city 高中 teachers, social media, euphemism), whose wording it has never seen.
 */
class SituationModelTest {
    private static final String DIR = "/understanding/situation-examples/";

    private static List<SituationModel.Example> bank(String file) {
        return SituationModel.loadFile(DIR + file, SituationModel.Label.class);
    }

    @Test
    void trainedOnOneWriterItFindsMostRisksInAnotherWritersSentences() {
        SituationModel model = SituationModel.train(bank("junior-rural.tsv"), SituationModel.Label.values().length);
        int caught = 0, risks = 0, alarms = 0, calm = 0;
        for (SituationModel.Example e : bank("senior-city.tsv")) {
            boolean risky = model.read(e.text()).risk() >= FlagDetector.MODEL_THRESHOLD;
            if (e.label() != SituationModel.Label.NONE.ordinal()) {
                risks++;
                if (risky) caught++;
            } else {
                calm++;
                if (risky) alarms++;
            }
        }
        // measured 3 December 2026: recall 0.91, false alarms on 26% of the deliberately close NONE sentences
        assertThat(caught / (double) risks).as("recall on the other writer").isGreaterThan(0.85);
        assertThat(alarms / (double) calm).as("false alarms on near misses").isLessThan(0.35);
    }

    @Test
    void trainingTwiceGivesTheSameModel() {
        List<SituationModel.Example> examples = bank("junior-rural.tsv");
        int labels = SituationModel.Label.values().length;
        SituationModel a = SituationModel.train(examples, labels), b = SituationModel.train(examples, labels);
        for (String s : List.of("她说活着没什么意思", "今天和他聊了聊数学", "被几个人堵在楼梯口要钱")) {
            assertThat(a.read(s)).isEqualTo(b.read(s));
        }
    }

    @Test
    void aParaphraseNoWordListHoldsIsFlaggedAsSuspectedAndSelfHarmTalkIsAlsoPsych() throws Exception {
        NoteReader reader = new NoteReader(RosterJson.read(Path.of("../corpus/rosters/lc-junior.json")));
        Note n = reader.read("T1", "她在作文里写，等毕业那天大家就再也见不到我了，东西我都分好了", ZonedDateTime.parse("2026-12-03T10:00:00+08:00"));
        assertThat(n.flags()).contains(Flag.SAFETY, Flag.PSYCH);
        assertThat(n.doubts()).anyMatch(d -> d.startsWith(Note.SAFETY_SUSPECTED));
    }

    @Test
    void aVideoGameFightIsNotASituation() throws Exception {
        NoteReader reader = new NoteReader(RosterJson.read(Path.of("../corpus/rosters/lc-junior.json")));
        Note n = reader.read("T1", "他说昨晚在游戏里被一群人围着打，气得摔了鼠标", ZonedDateTime.parse("2026-12-03T10:00:00+08:00"));
        assertThat(n.flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void aQuestionThatTellsOfAChildAtRiskIsFiledWithItsFlagButALookUpStaysAQuery() throws Exception {
        NoteReader reader = new NoteReader(RosterJson.read(Path.of("../corpus/rosters/lc-junior.json")));
        ZonedDateTime now = ZonedDateTime.parse("2026-12-03T10:00:00+08:00");
        Note asked = reader.read("LC-T08", "田甜刚才说不想活了，我该怎么办？", now);
        assertThat(asked.kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(asked.flags()).contains(Flag.SAFETY);
        assertThat(reader.read("LC-T08", "田甜最近被欺负的记录", now).kind()).isEqualTo(Kind.QUERY);
    }
}

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
    void theFamilyModelFindsFamilySituationsInSentencesWrittenApartFromItsOwn() {
        // measured 3 December 2026 at the threshold: recall 0.77, false alarms on 3.6% of the near misses
        Measured m = measure(SituationModel.family(), "/understanding/family-heldout.tsv", SituationModel.FamilyLabel.class, FlagDetector.FAMILY_THRESHOLD);
        assertThat(m.recall()).as("recall on sentences never trained on").isGreaterThan(0.72);
        assertThat(m.falseAlarms()).as("false alarms on near misses").isLessThan(0.08);
    }

    private record Measured(double recall, double falseAlarms) {}

    /** How a model reads a file of labelled sentences it was not trained on, at a threshold (NONE is calm, any other label a case). */
    private static <L extends Enum<L>> Measured measure(SituationModel model, String file, Class<L> labels, double threshold) {
        int caught = 0, cases = 0, alarms = 0, calm = 0;
        for (SituationModel.Example e : SituationModel.loadFile(file, labels)) {
            double p = model.read(e.text()).risk();
            if (System.getProperty("model.sweep") != null) System.out.printf("%d\t%.3f%n", e.label(), p);
            boolean flagged = p >= threshold;
            if (e.label() != 0) {
                cases++;
                if (flagged) caught++;
            } else {
                calm++;
                if (flagged) alarms++;
            }
        }
        return new Measured(caught / (double) cases, alarms / (double) calm);
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

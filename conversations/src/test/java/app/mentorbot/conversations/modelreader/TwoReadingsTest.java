package app.mentorbot.conversations.modelreader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Evidence;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Note;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/** How the rules' reading and the model's combine: safety is a union, gaps are filled, confident rules stand. */
class TwoReadingsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final Evidence SAID_DATE = new Evidence("date", "2026-03-09", 0, 2);

    private static Note note(Kind kind, Channel channel, List<String> students, LocalDate date, Set<Flag> flags, LocalDate followUp,
                             Evidence... evidence) {
        return new Note(kind, kind == Kind.TALK ? TalkType.INDIVIDUAL : null, channel, students, date, Set.of(Topic.PSYCH), flags, followUp,
                null, null, List.of(evidence));
    }

    @Test
    void aSafetySignalOnlyTheModelReadIsAddedAndTheRecordSaysTheModelRaisedIt() {
        Note rules = note(Kind.TALK, null, List.of("S01"), TODAY, Set.of(), null);
        Note model = note(Kind.TALK, null, List.of("S01"), TODAY, Set.of(Flag.SAFETY, Flag.PSYCH, Flag.FAMILY), null);

        TwoReadings.Combined c = TwoReadings.combine(rules, model);

        assertThat(c.note().flags()).as("SAFETY and PSYCH are a union; FAMILY stays the rules'").containsExactlyInAnyOrder(Flag.SAFETY, Flag.PSYCH);
        assertThat(c.flagsAdded()).containsExactlyInAnyOrder(Flag.SAFETY, Flag.PSYCH);
        assertThat(c.note().evidence()).contains(new Evidence(TwoReadings.MODEL_EVIDENCE, "SAFETY", 0, 0));
        assertThat(c.changes()).isEqualTo(2);
    }

    @Test
    void theRulesSafetySignalIsNeverDroppedByAModelThatSawNone() {
        Note rules = note(Kind.TALK, null, List.of("S01"), TODAY, Set.of(Flag.SAFETY), null);
        Note model = note(Kind.TALK, null, List.of("S01"), TODAY, Set.of(), null);

        TwoReadings.Combined c = TwoReadings.combine(rules, model);

        assertThat(c.note().flags()).containsExactly(Flag.SAFETY);
        assertThat(c.changed()).isFalse();
    }

    @Test
    void aParentContactWithNoChannelTakesTheModelsChannel() {
        Note rules = note(Kind.PARENT_CONTACT, null, List.of("S01"), TODAY, Set.of(), null);
        Note model = note(Kind.PARENT_CONTACT, Channel.PHONE, List.of("S01"), TODAY, Set.of(), null);

        TwoReadings.Combined c = TwoReadings.combine(rules, model);

        assertThat(c.note().channel()).isEqualTo(Channel.PHONE);
        assertThat(c.filled()).containsExactly("channel");
    }

    @Test
    void aKindTheRulesOnlyGuessedTakesTheModelsKindAndChannel() {
        Evidence guessed = new Evidence("kind", "OBSERVATION", 0, 0);   // 张小明他妈下午找过我…: a name, and no word of a kind
        Note rules = note(Kind.OBSERVATION, null, List.of("S01"), TODAY, Set.of(), null, guessed);
        Note model = note(Kind.PARENT_CONTACT, Channel.IN_PERSON, List.of("S01"), TODAY, Set.of(), null);

        TwoReadings.Combined c = TwoReadings.combine(rules, model);

        assertThat(c.note().kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(c.note().channel()).isEqualTo(Channel.IN_PERSON);
        assertThat(c.filled()).containsExactly("kind");
        assertThat(c.disagreements()).isEmpty();
    }

    @Test
    void whereBothAreConfidentAndDisagreeTheRulesStandAndTheFieldsAreNamed() {
        Note rules = note(Kind.PARENT_CONTACT, Channel.ONLINE, List.of("S01"), LocalDate.of(2026, 3, 9), Set.of(), TODAY.plusDays(7), SAID_DATE);
        Note model = note(Kind.TALK, null, List.of("S02"), LocalDate.of(2026, 3, 8), Set.of(), TODAY.plusDays(3));

        TwoReadings.Combined c = TwoReadings.combine(rules, model);

        assertThat(c.note()).usingRecursiveComparison().isEqualTo(rules);
        assertThat(c.changed()).isFalse();
        assertThat(c.disagreements()).containsExactly("kind", "students", "followUp");
    }

    @Test
    void aDayTheNoteDidNotSayTakesTheModelsButADayItSaidStands() {
        Note unsaid = note(Kind.TALK, null, List.of("S01"), TODAY, Set.of(), null);
        Note said = note(Kind.TALK, null, List.of("S01"), LocalDate.of(2026, 3, 9), Set.of(), null, SAID_DATE);
        Note model = note(Kind.TALK, null, List.of("S01"), LocalDate.of(2026, 3, 4), Set.of(), null);

        assertThat(TwoReadings.combine(unsaid, model).note().date()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(TwoReadings.combine(said, model).note().date()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(TwoReadings.combine(said, model).disagreements()).containsExactly("date");
    }

    @Test
    void aNoteTheRulesCouldNotPlaceTakesTheModelsWholeReading() {
        Note rules = new Note(Kind.OTHER, null, null, List.of(), null, Set.of(), Set.of(), null, null, null, List.of());
        Note model = note(Kind.PARENT_CONTACT, Channel.IN_PERSON, List.of("S03"), TODAY, Set.of(Flag.FAMILY), TODAY.plusDays(2));

        TwoReadings.Combined c = TwoReadings.combine(rules, model);

        assertThat(c.note().kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(c.note().channel()).isEqualTo(Channel.IN_PERSON);
        assertThat(c.note().studentIds()).containsExactly("S03");
        assertThat(c.note().flags()).containsExactly(Flag.FAMILY);
        assertThat(c.filled()).containsExactly(TwoReadings.FILED, "students", "followUp");
    }

    @Test
    void aModelThatAlsoCannotPlaceTheNoteChangesNothing() {
        Note rules = new Note(Kind.OTHER, null, null, List.of(), null, Set.of(), Set.of(), null, null, null, List.of());
        Note model = new Note(Kind.QUERY, null, null, List.of(), null, Set.of(), Set.of(), null, null, null, List.of());

        TwoReadings.Combined c = TwoReadings.combine(rules, model);

        assertThat(c.changed()).isFalse();
        assertThat(c.note().kind()).isEqualTo(Kind.OTHER);
    }
}

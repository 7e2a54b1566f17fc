package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The look-ahead tested in code answers as java.util.regex's own look-ahead does. */
class LookaheadTest {
    private static final String ALPHABET = "他她□我给跟说来发了,。!的 a😀";

    @Test
    void aCharClassLookAheadAnswersExactlyAsTheRegexDoes() {
        for (String alternative : new String[]{"(□|他|她)(?=[^,.;!?。]{0,12}[给跟和向找])给我", "(□|他|她)(?=[^,.;!?。]{1,6}[说讲问来告])"}) {
            Lookahead gate = Lookahead.of(alternative);
            assertThat(gate).as(alternative).isNotNull();
            Pattern lookahead = Pattern.compile(alternative.substring(0, alternative.indexOf(')', alternative.indexOf("(?=")) + 1));
            Random random = new Random(7);
            for (int n = 0; n < 20_000; n++) {
                String s = randomText(random);
                for (int i = 0; i < s.length(); i++) {
                    if ("□他她".indexOf(s.charAt(i)) < 0) continue;
                    Matcher m = lookahead.matcher(s).useTransparentBounds(true).useAnchoringBounds(false).region(i, s.length());
                    assertThat(gate.mayMatchAt(s, i)).as(alternative + " at " + i + " of " + s).isEqualTo(m.lookingAt());
                }
            }
        }
    }

    @Test
    void aLiteralAfterTheGapIsTestedByItsFirstCharAndNeverSkipsAMatch() {
        String alternative = "(□|他|她)(?=[^,.;!?。]{0,6}发来)";
        Lookahead gate = Lookahead.of(alternative);
        assertThat(gate).isNotNull();
        assertThat(gate.mayMatchAt("他早上发了一条", 0)).isTrue();   // 发 is enough for the gate; the regex decides the rest
        assertThat(gate.mayMatchAt("他早上说了,发来", 0)).isFalse();
        Pattern whole = Pattern.compile(alternative);
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            String s = randomText(random);
            for (int i = 0; i < s.length(); i++) {
                Matcher m = whole.matcher(s).useTransparentBounds(true).useAnchoringBounds(false).region(i, s.length());
                if (m.lookingAt()) assertThat(gate.mayMatchAt(s, i)).as(s + " at " + i).isTrue();
            }
        }
    }

    @Test
    void alternativesOfAnyOtherShapeHaveNoLookAhead() {
        assertThat(Lookahead.of("(□+|他|她)(?=[^,.;!?。]{0,12}[给跟])")).isNull();   // the opening may be longer than one char
        assertThat(Lookahead.of("他(?=[^,.]{0,3}[给])")).isNull();
        assertThat(Lookahead.of("(他|她)(?=[^a-z]{0,3}[给])")).isNull();            // a range
        assertThat(Lookahead.of("(他|她)(?=[^,.]{0,3}[\\d])")).isNull();            // an escape
        assertThat(Lookahead.of("(他|她)(?=[^,.]{0,3}.)")).isNull();
        assertThat(Lookahead.of("谈心")).isNull();
    }

    @Test
    void theTalkPatternsPronounLedAlternativesAreGated() {
        long gated = FirstChars.alternatives(TalkWords.TALK.pattern().pattern()).stream().map(Lookahead::of).filter(g -> g != null).count();
        assertThat(gated).isGreaterThanOrEqualTo(7);
    }

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int len = 1 + random.nextInt(18);
        for (int k = 0; k < len; k++) {
            int at = random.nextInt(ALPHABET.length() - 1);
            if (Character.isHighSurrogate(ALPHABET.charAt(at))) sb.append(ALPHABET, at, at + 2);
            else if (!Character.isLowSurrogate(ALPHABET.charAt(at))) sb.append(ALPHABET.charAt(at));
        }
        return sb.toString();
    }
}

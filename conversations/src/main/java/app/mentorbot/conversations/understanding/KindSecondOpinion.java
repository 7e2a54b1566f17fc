package app.mentorbot.conversations.understanding;

import java.util.EnumSet;
import java.util.Set;

/**
 * A second reader of a note's kind: a linear model over the whole masked note ({@link SituationModel#kinds()}), trained
 * on the kinds of the corpus's training notes. The kind rules read an exchange from its words and who stands around
 * them; across many writers the same exchange is told in ways no rule has seen (找她夸了几句, 跟伊讲了也没用), and the
 * model has seen the whole of those notes. It overrules the rules only when it is sure ({@link #SURE}) and only to name
 * one of the three reports (TALK, PARENT_CONTACT, OBSERVATION), in place of another report, of a note the rules could not
 * place (OTHER). A plan (REMINDER) is never overruled: whether a talk happened or is only planned (找时间和□□聊聊) is
 * what the rules read from the note's times and plan words, and the model, which has seen far more talks than plans
 * of one, reads the talk words alone; nor is a question to the bot. A note made a report has its day and follow-up
 * read as a report's.
 */
final class KindSecondOpinion {
    /**
     * How sure the model must be. Chosen leave one school out on the thirty training schools (each model trained
     * without the school it reads): at 0.8 the kind was right more often than at 0.75, 0.85 or 0.9. Thirty-four schools
     * (eighteenth pass): 4,442 of 4,630 at 0.8, 4,440 at 0.85, 4,436 at 0.9; and 4,447 when a parent contact the rules found
     * is never made a talk (at 0.9 for that pair alone, 4,447 too; at 0.7, 4,433), so it is not.
     */
    static final double SURE = 0.8;

    private static final Set<Kind> REPORTS = EnumSet.of(Kind.TALK, Kind.PARENT_CONTACT, Kind.OBSERVATION);
    private static final Set<Kind> OVERRULED = EnumSet.of(Kind.TALK, Kind.PARENT_CONTACT, Kind.OBSERVATION, Kind.OTHER);

    private KindSecondOpinion() {
    }

    /** The rules' decision about a masked note, or the model's kind at the same place when it is sure of another report. */
    static KindClassifier.Decision reconsider(ModelSentences note, KindClassifier.Decision rules) {
        if (!OVERRULED.contains(rules.kind())) return rules;
        double[] p = SituationModel.kinds().likelihoods(note.whole());
        int best = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        Kind kind = Kind.values()[best];
        if (kind == rules.kind() || !REPORTS.contains(kind) || p[best] < SURE) return rules;
        // a parent contact the rules found stands against a talk: they found it by a guardian's word in an exchange
        // (她老汉打电话跟我说的), which a note full of the student's own words hides from the model
        if (rules.kind() == Kind.PARENT_CONTACT && kind == Kind.TALK) return rules;
        return new KindClassifier.Decision(kind, rules.start(), rules.end());
    }
}

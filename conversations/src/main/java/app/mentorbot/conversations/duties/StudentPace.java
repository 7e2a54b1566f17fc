package app.mentorbot.conversations.duties;

/**
 * How often one student's mentor means to talk with them and contact their parents, as a guidance plan
 * says. The ledger applies the stricter of this and the school's rule: a plan never makes a duty looser.
 *
 * @param individualTalkDays    longest gap between individual talks, in counting days
 * @param parentContactsPerTerm parent contacts this term
 */
public record StudentPace(int individualTalkDays, int parentContactsPerTerm) {
    public StudentPace {
        if (individualTalkDays <= 0) throw new IllegalArgumentException("individualTalkDays must be positive, was " + individualTalkDays);
        if (parentContactsPerTerm < 0) throw new IllegalArgumentException("parentContactsPerTerm must not be negative");
    }
}

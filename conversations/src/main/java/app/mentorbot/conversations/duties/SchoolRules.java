package app.mentorbot.conversations.duties;

/**
 * Each school's own ledger rules: its calendar and its duty numbers. A deployment serving several schools
 * gives each the rules its configuration names (the deployment's own where the school sets nothing); a
 * single-school deployment has one set for all.
 */
@FunctionalInterface
public interface SchoolRules {
    LedgerRules forSchool(String schoolId);

    /** The same rules for every school. */
    static SchoolRules everywhere(LedgerRules rules) {
        return schoolId -> rules;
    }
}

package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.assessments.AssessmentDays;
import app.mentorbot.conversations.assessments.AssessmentDrafter;
import app.mentorbot.conversations.assessments.AssessmentPrompts;
import app.mentorbot.conversations.assessments.AssessmentStore;
import app.mentorbot.conversations.assessments.FamilyFeedback;
import app.mentorbot.conversations.assessments.YearReviews;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.pairing.Pairings;
import app.mentorbot.conversations.plans.PlanDrafter;
import app.mentorbot.conversations.plans.PlanStore;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.leadership.DistrictGrants;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.schedule.QuietHours;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Lexicon;

/**
 * One turn of conversation: someone said something, the bot changes records and answers. Runs inside
 * the caller's transaction, so the records and the replies it returns (which the caller puts in the
 * outbox) commit together or not at all.
 *
 * <p>This class only decides who is speaking. Someone not yet bound, and anyone sending a binding
 * code, talks to the {@link BindingConversation}; staff to the {@link StaffConversation} (commands,
 * duties, notes filed as records); parents to the {@link ParentConversation} (everything goes to
 * their child's mentor); students to the {@link StudentConversation} (their mentor and their half-month
 * reports, where the school turned student accounts on). Empty and over-long messages are answered here.
 */
public final class Dialogue {
    private final Conversation staff;
    private final Conversation parents;
    private final Conversation students;
    private final Conversation binding;
    private final Readers readers;
    private final ModelAmendments amendments;
    private final Texts texts;
    private final int maxText;

    /**
     * The dialogue of the running bot. {@code maxText} is the longest message anyone may send, in
     * characters (the adapters' limit); a longer one is answered, not read. {@code digestDaysBefore} is how
     * many school days before a class's conference its digest goes out, by school id (said when a class head sets
     * the date). {@code assessmentDays} are each school's stage assessment points. The ledger gives each school's
     * calendar and duty rules.
     */
    public Dialogue(JdbcClient jdbc, RosterStore rosters, RecordStore records, Texts texts, Clock clock, QuietHours quiet,
                    Links links, Ledger ledger, ReminderBook reminders, Lexicon lexicon, SafetyChecks safety,
                    AssessmentDays.BySchool assessmentDays, ToIntFunction<String> digestDaysBefore, int maxText) {
        this(jdbc, rosters, records, texts, clock, quiet, links, ledger, reminders, lexicon, safety, assessmentDays, digestDaysBefore,
                maxText, SecondReading.NONE);
    }

    /** The dialogue with a second reader: {@code secondReading} hears of each note to read again (see {@link #amendments()}). */
    public Dialogue(JdbcClient jdbc, RosterStore rosters, RecordStore records, Texts texts, Clock clock, QuietHours quiet,
                    Links links, Ledger ledger, ReminderBook reminders, Lexicon lexicon, SafetyChecks safety,
                    AssessmentDays.BySchool assessmentDays, ToIntFunction<String> digestDaysBefore, int maxText, SecondReading secondReading) {
        Objects.requireNonNull(jdbc, "jdbc");
        Objects.requireNonNull(rosters, "rosters");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(quiet, "quiet");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(assessmentDays, "assessmentDays");
        Readers reading = new Readers(lexicon);
        this.readers = reading;
        Wording wording = new Wording(texts);
        PendingQuestions pending = new PendingQuestions(jdbc);
        RelayMessages relayed = new RelayMessages(jdbc);
        Relay relay = new Relay(relayed, records, clock.getZone());
        Predicate<String> students = schoolId -> ledger.rules(schoolId).rules().studentReports();
        StudentAccounts accounts = new StudentAccounts(jdbc);
        BindingConversation binding = new BindingConversation(new BindingCodes(jdbc), rosters, texts, clock, students, accounts);
        FollowUpReminders followUps = new FollowUpReminders(reminders, texts, wording, clock);
        ConferenceDates conferenceDates = new ConferenceDates(ledger, texts, wording, digestDaysBefore);
        AfterFiling afterFiling = AfterFiling.inOrder(List.of(followUps, conferenceDates));
        NoteFiling notes = new NoteFiling(reading, pending, records::save, afterFiling, conferenceDates::confirmation, safety,
                new Queries(records, texts, wording, links), texts, clock, Objects.requireNonNull(secondReading, "secondReading"));
        ModelAmendments amendments = new ModelAmendments(records, pending, afterFiling, reminders, safety, texts, wording, clock);
        this.amendments = amendments;
        this.staff = new StaffConversation(rosters, texts, clock,
                new LastRecordEdits(records, reminders, followUps, reading, texts, wording, clock), binding,
                new RepliesToParents(relayed, relay, accounts, texts, clock), safety,
                new DutyTalk(ledger, reminders, new ConferenceDecisions(jdbc), reading, texts, wording, links, clock),
                new GrowthFiles(reading, links, texts),
                new PlanTalk(reading, pending, new PlanStore(jdbc), schoolId -> new PlanDrafter(texts, ledger.rules(schoolId).calendar(), ledger.rules(schoolId).rules()),
                        records, texts, wording, clock),
                new AssessmentTalk(reading, pending, assessmentParts(jdbc, rosters, records, texts, assessmentDays), records, relay, relayed,
                        accounts, texts, clock),
                new PairingTalk(new Pairings(jdbc, rosters), links, texts, clock, lexicon),
                new LeadershipTalk(links, texts, new DistrictGrants(jdbc), clock),
                notes, amendments);
        this.parents = new ParentConversation(rosters, pending, new ParentChoices(jdbc),
                new MentorRelay(reading, relay, safety, quiet, texts, wording, clock), texts, clock);
        this.students = new StudentConversation(students, accounts, rosters, records, relayed, reading, safety, quiet, texts, clock);
        this.binding = binding;
        this.texts = Objects.requireNonNull(texts, "texts");
        this.maxText = positive(maxText);
    }

    private static AssessmentTalk.Parts assessmentParts(JdbcClient jdbc, RosterStore rosters, RecordStore records, Texts texts,
                                                        AssessmentDays.BySchool days) {
        AssessmentStore store = new AssessmentStore(jdbc);
        PlanStore plans = new PlanStore(jdbc);
        YearReviews reviews = new YearReviews(records, plans, store, days, texts);
        return new AssessmentTalk.Parts(store, new AssessmentDrafter(texts), days, new FamilyFeedback(texts), reviews,
                new AssessmentPrompts(rosters, store, days, reviews, texts), plans);
    }

    /** A dialogue of the given conversations. */
    Dialogue(Conversation staff, Conversation parents, Conversation binding, Texts texts, int maxText) {
        this(staff, parents, parents, binding, texts, maxText);
    }

    /** A dialogue of the given conversations, students apart. */
    Dialogue(Conversation staff, Conversation parents, Conversation students, Conversation binding, Texts texts, int maxText) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.parents = Objects.requireNonNull(parents, "parents");
        this.students = Objects.requireNonNull(students, "students");
        this.binding = Objects.requireNonNull(binding, "binding");
        this.readers = new Readers(Lexicon.builtIn());
        this.amendments = null;
        this.texts = Objects.requireNonNull(texts, "texts");
        this.maxText = positive(maxText);
    }

    /**
     * Builds the note reader for the school's roster ahead of the first note (a few hundred milliseconds for a
     * large school, and the situation model's training): call it once the bot is up, off the request path.
     */
    public void prepareReader(Roster roster) {
        readers.prepare(Objects.requireNonNull(roster, "roster"));
    }

    /** Where the school's language model's readings are applied, when they arrive (in the caller's transaction). */
    public ModelAmendments amendments() {
        return Objects.requireNonNull(amendments, "a dialogue of given conversations has no amendments");
    }

    public List<Reply> handle(Turn turn) {
        String said = turn.text().strip();
        if (turn.asker() == null || BindingConversation.isCode(said)) return binding.reply(turn, said);
        if (said.isEmpty()) return List.of(Reply.back(texts.get("bad.empty")));
        if (said.length() > maxText) return List.of(Reply.back(texts.get("bad.tooLong", maxText)));
        Conversation c = turn.asker().isStaff() ? staff : turn.asker().isStudent() ? students : parents;
        return c.reply(turn, said);
    }

    private static int positive(int maxText) {
        if (maxText <= 0) throw new IllegalArgumentException("maxText must be positive, was " + maxText);
        return maxText;
    }
}

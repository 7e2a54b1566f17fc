package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.text.Texts;

/**
 * A staff member's turn, in order of attention: fixed commands (撤销补充, 撤销, 帮助, 绑定码, 回复…), an answer to an
 * open safety question (通知 / 不是), guidance plans (给李华定个计划, and changes to an open draft), stage
 * assessments and year-end reviews (给李华做阶段评估, 写学年总结), the class head's pairing (导师分配方案, 把李华调给王老师, 确认导师分配), the leadership's pages (全校情况, 我的工作量), duty words (我的任务, 完成, 会商决定…), 某某的成长档案, an answer to an open "which
 * student?", a correction of their last record; anything else is notes to file. An answer that does
 * not fit the open question is read as a new note and the question stays open, so neither is lost.
 */
final class StaffConversation implements Conversation {
    /** What the words of the turn may be; empty when they are not that, and the next step looks. */
    @FunctionalInterface
    private interface Step {
        Optional<List<Reply>> reply(Said s);
    }

    /** The turn as the steps see it. */
    private record Said(Turn turn, Person asker, Roster roster, String text, ZonedDateTime at) {}

    private final RosterStore rosters;
    private final NoteFiling notes;
    private final Clock clock;
    private final List<Step> steps;

    StaffConversation(RosterStore rosters, Texts texts, Clock clock, LastRecordEdits edits, BindingConversation codes,
                      RepliesToParents toParents, SafetyChecks safety, DutyTalk duties, GrowthFiles growthFiles, PlanTalk plans,
                      AssessmentTalk assessments, PairingTalk pairing, LeadershipTalk leadership, NoteFiling notes,
                      ModelAmendments amendments) {
        this.rosters = rosters;
        this.notes = notes;
        this.clock = clock;
        this.steps = List.of(
                s -> amendments.undoIfAsked(s.asker(), s.roster(), s.text()).flatMap(StaffConversation::only),
                s -> Commands.isUndo(s.text()) ? only(edits.undo(s.asker(), s.roster())) : Optional.empty(),
                s -> Commands.isHelp(s.text()) ? only(Reply.back(texts.get("help.teacher"))) : Optional.empty(),
                s -> codes.issueIfAsked(s.asker(), s.roster(), s.text()).flatMap(StaffConversation::only),
                s -> toParents.sendIfAsked(s.turn(), s.roster(), s.text()),
                s -> safety.settleByTeacher(s.asker().schoolId(), s.asker().id(), s.text(), s.roster()),
                s -> plans.replyIfAbout(s.asker(), s.roster(), s.text(), s.turn().sourceMessageId(), s.at()).flatMap(StaffConversation::only),
                s -> assessments.replyIfAbout(s.asker(), s.roster(), s.text(), s.turn().sourceMessageId(), s.at()),
                s -> pairing.replyIfAbout(s.asker(), s.roster(), s.text()),
                s -> leadership.replyIfAsked(s.asker(), s.text()).map(Reply::back).flatMap(StaffConversation::only),
                s -> duties.replyToDutyWords(s.asker(), s.roster(), s.text(), s.at()),
                s -> growthFiles.linkIfAsked(s.asker(), s.roster(), s.text(), s.at()).map(Reply::back).flatMap(StaffConversation::only),
                s -> notes.fileOnAnswer(s.asker(), s.roster(), s.text()),
                s -> edits.correctIfAsked(s.asker(), s.roster(), s.text(), s.at()).flatMap(StaffConversation::only));
    }

    @Override
    public List<Reply> reply(Turn turn, String said) {
        Said s = new Said(turn, turn.asker(), rosters.load(turn.schoolId()), said, turn.saidAt().atZone(clock.getZone()));
        for (Step step : steps) {
            Optional<List<Reply>> replies = step.reply(s);
            if (replies.isPresent()) return replies.get();
        }
        return notes.file(turn, s.roster(), said, s.at());
    }

    private static Optional<List<Reply>> only(Reply reply) {
        return Optional.of(List.of(reply));
    }
}

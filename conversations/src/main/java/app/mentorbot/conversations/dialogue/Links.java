package app.mentorbot.conversations.dialogue;

/**
 * Makes links to full pages, signed for the person they are sent to and expiring. Supplied by the bot;
 * a null link means the page is not available and the answer says so without a link. The viewer is a
 * roster person of {@code schoolId} (one deployment may serve several schools whose ids overlap).
 */
public interface Links {
    /** A student's full record page. */
    String studentPage(String schoolId, String viewerId, String studentId);

    /** A class's case-conference digest (HTML; the page links its .xlsx download). */
    default String digestPage(String schoolId, String viewerId, String classId) {
        return null;
    }

    /** A student's printable growth file (成长档案). */
    default String growthFile(String schoolId, String viewerId, String studentId) {
        return null;
    }

    /** A mentor's draft semester work summary. */
    default String summaryDraft(String schoolId, String viewerId, String teacherId) {
        return null;
    }

    /** A proposed pairing of mentors and students (导师分配方案), for a class head or an admin. */
    default String pairingPage(String schoolId, String viewerId, long proposalId) {
        return null;
    }

    /** The school overview (全校情况), for an admin. */
    default String schoolOverview(String schoolId, String viewerId) {
        return null;
    }

    /** The district's overview of its schools (全区情况), for an admin of the district office; null for anyone else. */
    default String districtOverview(String schoolId, String viewerId) {
        return null;
    }

    /**
     * The workload table for the annual review (工作量): one teacher's line ({@code teacherId}), or every teacher's
     * ({@link #ALL_TEACHERS}, an admin's).
     */
    default String workload(String schoolId, String viewerId, String teacherId) {
        return null;
    }

    /** The subject of a workload link that shows every teacher. */
    String ALL_TEACHERS = "all";

    static Links none() {
        return (school, viewer, student) -> null;
    }
}

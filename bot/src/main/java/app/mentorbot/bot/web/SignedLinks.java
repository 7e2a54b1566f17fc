package app.mentorbot.bot.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import app.mentorbot.bot.schools.Schools;
import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.conversations.dialogue.Links;

/**
 * Signed, expiring, per-person links to the server-rendered pages, and their check. A link is
 * {@code /pages/<kind>/<subject>?viewer=<id>&exp=<epoch seconds>&sig=<HMAC>} with the HMAC (deployment key,
 * {@link Invitations#sign}) over {@code "<page>|<viewer>|<subject>|<exp>"}, valid 7 days. The signature only
 * says who the link was made for: {@link PageLinkGate} lets it open only in that person's browser, and each
 * page checks again that the viewer may see it. Links are absolute so chat apps make them tappable: on
 * {@code mentorbot.public-url}, or on {@code http://localhost:<port>} of the running server when that is unset.
 * This is the one {@link Links} of the bot.
 */
@Component
public class SignedLinks implements Links {
    static final Duration LIFETIME = Duration.ofDays(7);

    /** Signed page kinds; the payload name of each (student pages keep the name their links have always had). */
    enum Page {
        STUDENT("student-page", "/pages/student/"),
        DIGEST("digest", "/pages/digest/"),
        GROWTH("growth", "/pages/growth/"),
        SUMMARY("summary", "/pages/summary/"),
        PAIRING("pairing", "/pages/pairing/"),
        OVERVIEW("overview", "/pages/overview/"),
        WORKLOAD("workload", "/pages/workload/"),
        DISTRICT("district", "/pages/district/");

        final String payloadName;
        final String path;

        Page(String payloadName, String path) {
            this.payloadName = payloadName;
            this.path = path;
        }

        /** The page a request path is for, if any. */
        static Optional<Page> of(String requestPath) {
            return Arrays.stream(values()).filter(p -> requestPath.startsWith(p.path)).findFirst();
        }
    }

    private final Invitations signer;
    private final Clock clock;
    private final BotSettings settings;
    private final Schools schools;
    private final Environment environment;

    SignedLinks(Invitations signer, Clock clock, BotSettings settings, Environment environment, Schools schools) {
        this.schools = schools;
        this.signer = signer;
        this.clock = clock;
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public String studentPage(String schoolId, String viewerId, String studentId) {
        return link(Page.STUDENT, schools.qualify(schoolId, viewerId), studentId, "");
    }

    @Override
    public String digestPage(String schoolId, String viewerId, String classId) {
        return link(Page.DIGEST, schools.qualify(schoolId, viewerId), classId, "");
    }

    @Override
    public String growthFile(String schoolId, String viewerId, String studentId) {
        return link(Page.GROWTH, schools.qualify(schoolId, viewerId), studentId, "");
    }

    @Override
    public String summaryDraft(String schoolId, String viewerId, String teacherId) {
        return link(Page.SUMMARY, schools.qualify(schoolId, viewerId), teacherId, "");
    }

    @Override
    public String pairingPage(String schoolId, String viewerId, long proposalId) {
        return link(Page.PAIRING, schools.qualify(schoolId, viewerId), String.valueOf(proposalId), "");
    }

    @Override
    public String schoolOverview(String schoolId, String viewerId) {
        return link(Page.OVERVIEW, schools.qualify(schoolId, viewerId), schoolId, "");
    }

    @Override
    public String workload(String schoolId, String viewerId, String teacherId) {
        return link(Page.WORKLOAD, schools.qualify(schoolId, viewerId), teacherId, "");
    }

    @Override
    public String districtOverview(String schoolId, String viewerId) {
        return schools.isDistrict(schoolId) ? link(Page.DISTRICT, schools.qualify(schoolId, viewerId), schoolId, "") : null;
    }

    /** A school's overview for a viewer already named across schools (the district page links on to each school's). */
    String overviewFor(String qualifiedViewer, String schoolId) {
        return link(Page.OVERVIEW, qualifiedViewer, schoolId, "");
    }

    /** A growth file link for a viewer already named across schools (a page linking on to another page). */
    String growthFileFor(String qualifiedViewer, String studentId) {
        return link(Page.GROWTH, qualifiedViewer, studentId, "");
    }

    /** The digest workbook: the digest's path with {@code .xlsx}, the same signature. */
    String digestWorkbook(String viewerId, String classId) {
        return link(Page.DIGEST, viewerId, classId, ".xlsx");
    }

    private String link(Page page, String viewer, String subject, String suffix) {
        long exp = clock.instant().plus(LIFETIME).getEpochSecond();
        return base() + page.path + enc(subject) + suffix + query(page, viewer, subject, exp);
    }

    private String base() {
        if (settings.publicUrl() != null && !settings.publicUrl().isBlank()) return settings.publicUrl().strip().replaceAll("/+$", "");
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    /** {@code ?viewer=…&exp=…&sig=…} for a page, e.g. to link the workbook of the digest being shown. */
    String query(Page page, String viewer, String subject, long exp) {
        return "?viewer=" + enc(viewer) + "&exp=" + exp + "&sig=" + signer.sign(payload(page, viewer, subject, exp));
    }

    /** True when the signature was made by this deployment for exactly this page, viewer, subject and expiry, and it has not expired. */
    boolean valid(Page page, String viewer, String subject, String exp, String sig) {
        if (viewer == null || subject == null || exp == null || sig == null || sig.length() > 128) return false;
        long expires;
        try {
            expires = Long.parseLong(exp);
        } catch (NumberFormatException e) {
            return false;
        }
        boolean signed = MessageDigest.isEqual(signer.sign(payload(page, viewer, subject, expires)).getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII));
        return signed && expires >= clock.instant().getEpochSecond();
    }

    /** When a link with this (already checked) expiry was made. */
    static Instant issuedAt(String exp) {
        return Instant.ofEpochSecond(Long.parseLong(exp)).minus(LIFETIME);
    }

    private static String payload(Page page, String viewer, String subject, long exp) {
        return page.payloadName + "|" + viewer + "|" + subject + "|" + exp;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package app.mentorbot.bot.schools;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.mentorbot.bot.settings.BotSettings;

/**
 * The schools one deployment serves, and how a person of one of them is named where the school is not
 * otherwise known: in the web chat, on signed page links and in a browser's sign-in.
 *
 * A person of the home school ({@code mentorbot.school-id}) is their roster id, as always; a person of any
 * other school is {@code <roster id>@<school id>}. Roster ids are unique only within a school (two schools
 * both have a T001), so a bare id never reaches another school. A suffix that names no school served here is
 * part of the id (a home-school teacher whose id is an e-mail address stays who they are).
 */
@Component
public class Schools {
    private static final char SEPARATOR = '@';
    private final JdbcClient jdbc;
    private final String home;
    private final String district;
    private final AtomicReference<Set<String>> known = new AtomicReference<>(Set.of());

    Schools(JdbcClient jdbc, BotSettings settings, DistrictSettings district) {
        this.jdbc = jdbc;
        this.home = settings.schoolId();
        this.district = district.id();
    }

    /** A roster person, with the school they belong to. */
    public record SchoolPerson(String schoolId, String personId) {}

    /** The school of a single-school deployment, and the one whose people keep their bare ids. */
    public String home() {
        return home;
    }

    /**
     * Every school with a row in the database (a roster imported, or the home school), home first; the district
     * office's roster is no school (no students, no duties) and is left out.
     */
    public List<String> all() {
        List<String> schools = stored().stream().filter(id -> !isDistrict(id)).toList();
        return schools.isEmpty() ? List.of(home) : schools;
    }

    /** Every id in the school table, the district office's too. */
    private List<String> stored() {
        List<String> ids = jdbc.sql("select id from school order by (id = ?) desc, id").param(home).query(String.class).list();
        known.set(Set.copyOf(ids));
        return ids;
    }

    /** True for the district office's roster (see {@link DistrictSettings}). */
    public boolean isDistrict(String schoolId) {
        return district != null && district.equals(schoolId);
    }

    /** The one string that names this person across schools. */
    public String qualify(String schoolId, String personId) {
        return schoolId == null || schoolId.equals(home) ? personId : withSchool(schoolId, personId);
    }

    /** The qualified form itself, whatever the home school (for a search that must find both forms). */
    public static String withSchool(String schoolId, String personId) {
        return personId + SEPARATOR + schoolId;
    }

    /** The school and roster id a qualified name stands for. */
    public SchoolPerson parse(String qualified) {
        int at = qualified.lastIndexOf(SEPARATOR);
        if (at <= 0 || at == qualified.length() - 1) return new SchoolPerson(home, qualified);
        String school = qualified.substring(at + 1);
        if (school.equals(home)) return new SchoolPerson(home, qualified);
        if (!known.get().contains(school) && !stored().contains(school)) return new SchoolPerson(home, qualified);
        return new SchoolPerson(school, qualified.substring(0, at));
    }
}

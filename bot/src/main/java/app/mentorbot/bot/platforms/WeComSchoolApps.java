package app.mentorbot.bot.platforms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.wecom.WeComAdapter;
import app.mentorbot.bot.outbox.AdapterGroup;

/** The schools' own WeCom corps, by school id: adapters for the bot, and the door for each school's callbacks. */
final class WeComSchoolApps implements AdapterGroup {
    private final Map<String, SchoolApp<WeComAdapter>> bySchool;

    WeComSchoolApps(Map<String, SchoolApp<WeComAdapter>> bySchool) {
        this.bySchool = Map.copyOf(bySchool);
    }

    @Override
    public List<Adapter> adapters() {
        return List.copyOf(bySchool.values());
    }

    /** The school's own WeCom adapter, if it has one here. */
    Optional<WeComAdapter> of(String schoolId) {
        return Optional.ofNullable(bySchool.get(schoolId)).map(SchoolApp::app);
    }
}

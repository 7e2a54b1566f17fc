package app.mentorbot.conversations.leadership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every school's {@link SchoolFigures} for the district's page. Each school's figures are kept with the stamp they were
 * computed under ({@link OverviewBuilder#figuresStamp}: the records' marker, roster, plans, day); a request reads each
 * school's stamp (a few small queries) and computes the overview again only for the schools whose stamp moved, those
 * side by side on a small pool of its own, so that fifty schools cost fifty stamps and the few that changed.
 */
public final class DistrictFigures {
    private record Kept(Object stamp, SchoolFigures figures) {}

    private final OverviewBuilder overview;
    private final ExecutorService pool;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final AtomicLong computed = new AtomicLong();

    /** {@code threads}: how many schools are read and computed at once. */
    public DistrictFigures(OverviewBuilder overview, int threads) {
        this.overview = Objects.requireNonNull(overview, "overview");
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "district-figures-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The schools' figures on {@code today}, in the order given. */
    public List<SchoolFigures> of(List<String> schoolIds, LocalDate today) {
        List<CompletableFuture<SchoolFigures>> each = new ArrayList<>();
        for (String school : schoolIds) each.add(CompletableFuture.supplyAsync(() -> figures(school, today), pool));
        try {
            return each.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** How many times a school's figures were computed (not taken as kept), since start: for tests and metrics. */
    public long computed() {
        return computed.get();
    }

    private SchoolFigures figures(String school, LocalDate today) {
        Object stamp = overview.figuresStamp(school, today);
        Kept k = kept.get(school);
        if (k != null && k.stamp().equals(stamp)) return k.figures();
        computed.incrementAndGet();
        // the stamp read before the overview: a change in between is in the figures and moves the next stamp
        SchoolFigures figures = SchoolFigures.of(overview.build(school, today));
        kept.put(school, new Kept(stamp, figures));
        return figures;
    }
}

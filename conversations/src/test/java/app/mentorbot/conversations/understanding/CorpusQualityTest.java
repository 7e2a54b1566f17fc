package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own labelled corpus (corpus/ at the repository root, see its README): training
 * schools the reader may be tuned on and held-out schools it never is. Every file is scored
 * in-process on each build and held to floors: the figures last reported minus {@link #SLACK},
 * so a change that makes the reader worse on notes it has not seen fails here. Raise a floor when
 * the reader improves; never lower one to make a change pass.
 *
 * <p>Held-out failures are never printed: only their scores are read, so nobody tunes on them.
 */
class CorpusQualityTest {
    private static final Path CORPUS = Path.of("../corpus");
    static final double SLACK = 0.02;

    /**
     * Figures reported on 4 December 2026 (README, "How well it reads"), rounded down: the eleventh reader pass, when
     * cc-junior joined training and wz-private, jn-county, ly-primary and bt-junior the held-out split (the last two
     * written late in the pass and first scored with its final reader). A floor was raised where the pass's
     * answers beat it and lowered only where they do not pass it: the risk model's threshold went 0.11 → 0.09 by its rule
     * when cc-junior joined its examples, so SAFETY precision floors fell on ten training schools (in-sample precision
     * 0.726 → 0.706) and on two held-out ones (sz-senior 0.74 → 0.70, xz-boarding 0.66 → 0.63); sz-senior's flags F1
     * 0.81 → 0.78 with them, and yn-rural's SAFETY recall 1.00 → 0.97 (one signal of 48 the new examples no longer
     * catch, while wz-private gained one: over all held-out schools recall stayed 1,001 of 1,011). lc-junior's SAFETY
     * precision 0.68 → 0.65: a 有没有 question is no denial since (FlagDetector.asked), and a father asking whether his child
     * is bullied (问孩子在学校有没有被人欺负) now asks the teacher too. Twelfth pass (4 December): st-junior and fy-county joined
     * training and yc-senior and yw-primary the held-out split, each first floored at its first score; floors were only
     * raised (53 figures), where the pass's readings of exchanges, days and names beat them. Thirteenth pass (4 December):
     * tz-junior and bs-primary joined training and dt-senior and hd-vocational the held-out split, each first floored at
     * its score with the pass's final reader; the whole note now weighs in on the model's suspicion (ModelSuspicion), so
     * SAFETY precision and flags F1 floors rose on most schools (107 figures raised, then 48 more after the pass's list
     * changes), and one floor fell: ly-primary's SAFETY recall 1.00 → 0.97 (one signal of 45; over all held-out schools
     * recall went 1,279 → 1,276 of 1,290 for 174 fewer false alarms, the trade leave one school out on the training
     * schools predicted as none lost). Fourteenth and fifteenth passes (4–5 December): floors only raised (98 figures,
     * then 55 where the fifteenth pass's names, guardians' calls, questions that only ask and weekday follow-ups beat them).
     * Sixteenth pass (5 December): 114 figures raised where its follow-ups, meetings, channels and failing scores beat them.
     * Seventeenth pass (5 December): gzh-county and xu-primary joined training and su-junior and xx-junior the held-out
     * split, each first floored at its score with the pass's final reader; 24 figures raised, none lowered. Eighteenth and
     * nineteenth passes: the new schools floored at their final scores, figures raised; the nineteenth lowered cc-junior's
     * and nj-senior's SAFETY precision with the suspicion threshold (0.39 → 0.37). Twentieth pass (5 December):
     * hs-senior, dg-junior, lsy-primary and hhe-junior joined training and zy-county, nt-junior, zh-junior and bh-junior
     * the held-out split, each floored at its score with the pass's final reader; figures raised where the final reader
     * beats them. The suspicion threshold went 0.37 → 0.35 by its rule and back to 0.37 when the note model trained 40
     * passes (leave one school out on forty-two schools, ModelSuspicion, SituationModel.NOTE_EPOCHS); one SAFETY-precision
     * floor stays lower with the pass's changes: cd-primary 0.87 → 0.85. Recall comes first. Twenty-first pass (5
     * December): ks-junior, mj-senior, sr-primary and cf-county joined training and yt-vocational, da-junior, wx-primary
     * and zk-county the held-out split, floored at their scores with the pass's reader. The suspicion became a log-odds
     * sum with a note model that weighs features by their evidence (ModelSuspicion, SituationModel.evidence): over all
     * held-out schools 2,024 → 2,025 of 2,042 signals for 228 fewer false alarms, six signals gained and five lost, so
     * three SAFETY-recall floors fell by one signal each (bh-junior 1.00 → 0.98, dq-junior and dt-senior 1.00 → 0.97)
     * and one precision floor (bj-nineyear 0.75 → 0.72), as ly-primary's did in the thirteenth pass.
     * Twenty-second pass (5 December): lf-junior, pe-county, ja-primary and hg-senior joined training and zq-junior,
     * qj-primary, bd-senior and jx-junior the held-out split, floored at their scores with the pass's reader; every
     * training school became an example of the kind model, and floors were raised where the pass's reader beats them.
     * Twenty-third pass (5 December): ay-junior, bz-primary, zjk-senior and cz-vocational joined training and sg-county,
     * ya-primary, jz-senior and lyg-junior the held-out split, floored at their scores with the pass's reader; floors were
     * raised where the pass's reader beats them.
     * Twenty-fourth pass (5 December): jj-junior, mdj-junior, hy-vocational and tr-primary joined training and lx-primary,
     * ws-county, yj-senior and xt-senior the held-out split, floored at their scores with the pass's reader; 118 figures
     * raised where the pass's reader beats them, then 25, 17 and 7 more after its last kind, follow-up, name and day
     * rules; none lowered.
     * Twenty-fifth pass (6 December): ak-junior, cy-primary, jh-vocational and ls-senior joined training and sm-primary,
     * bb-county, xc-junior and ha-senior the held-out split, floored at their scores with the pass's reader. The note model
     * now reads all sixty-two training schools at the suspicion threshold chosen again (−5.05): over the held-out split the
     * same 2,767 signals, five gained and five lost, for 53 fewer false alarms, so four SAFETY-recall floors fell by one
     * signal each (dl-senior, hk-junior, ly-primary and yc-senior 1.00 → 0.97) and six precision floors by a few
     * hundredths where false alarms moved between schools; 129 figures were raised, then 82 and 3 more after the
     * pass's name, passive and cut-mark rules.
     * Twenty-sixth pass (6 December): ts-junior, yic-primary, kf-vocational and wzs-junior joined training and sx-senior,
     * zjg-primary, jms-senior and tsh-county the held-out split, floored at their scores with the pass's reader; 70 figures
     * raised where the pass's talk-type, channel, talk, name and family rules beat them; none lowered.
     * Twenty-seventh pass (6 December): zb-junior, lps-primary, ez-vocational and qqhr-junior joined training and
     * hzh-junior, ld-senior, lj-primary and pt-senior the held-out split, floored at their scores with the pass's reader;
     * figures raised where the pass's rumour, wish, name and talk rules beat them; none lowered.
     * Twenty-eighth pass (6 December): zs-junior, jdz-primary, dx-county and pzh-vocational joined training and
     * hze-junior, tsu-senior, xxi-primary and ords-junior the held-out split, floored at their scores with the pass's
     * reader; 120 figures raised where the pass's guardian, talk, reply and plan rules beat them; none lowered.
     * Twenty-ninth pass (6 December): lhe-junior, ych-primary, bse-senior and ssh-vocational joined training and zt-primary,
     * hm-county, nd-junior and ycz-vocational the held-out split, floored at their scores with the pass's reader; one floor
     * lowered (ws-county's SAFETY precision, below). Thirtieth pass (6 December): czh-primary, ga-county, lzh-boarding and
     * xsbn-primary joined training and ax-junior, byn-senior, dy-senior and shy-vocational the held-out split, floored at
     * their scores with the pass's reader; 150 figures raised where the pass's rules and word-name model beat them; none
     * lowered.
     * Thirty-first pass (6 December): aks-senior, lsz-county, lyi-junior and ycg-senior joined training and bjs-primary,
     * dd-junior, nyn-primary and wzh-vocational the held-out split, floored at their scores with the pass's reader; figures
     * raised where the pass's rules and models beat them; one lowered (cs-junior's flags, below).
     * Thirty-second pass (6 December): kl-vocational, lg-private, ll-senior and wn-primary joined training and as-primary,
     * djk-nineyear, dz-county and mz-junior the held-out split, floored at their scores with the pass's reader; figures
     * raised where the pass's guardian, alarm and force rules beat them; one lowered (yl-senior's SAFETY precision, below).
     * Columns: record, kind, students, date, followUp, flags F1, SAFETY recall, SAFETY precision.
     */
    static final Map<String, Map<String, Double>> REPORTED = Map.ofEntries(
            floors("heldout/as-primary", 0.87, 0.92, 0.97, 1.00, 0.95, 0.85, 1.00, 0.67),
            floors("heldout/ax-junior", 0.91, 0.96, 0.99, 0.97, 0.99, 0.86, 1.00, 0.75),
            floors("heldout/bb-county", 0.96, 0.97, 0.99, 0.99, 1.00, 0.86, 1.00, 0.75),
            floors("heldout/bd-senior", 0.95, 0.97, 0.99, 1.00, 0.99, 0.80, 1.00, 0.62),
            floors("heldout/bh-junior", 0.88, 0.95, 0.97, 1.00, 0.95, 0.82, 0.98, 0.71),
            floors("heldout/bj-nineyear", 0.90, 0.95, 0.95, 0.99, 0.99, 0.87, 1.00, 0.78),
            floors("heldout/bjs-primary", 0.91, 0.97, 0.96, 1.00, 0.99, 0.87, 0.98, 0.73),
            floors("heldout/bt-junior", 0.91, 0.95, 0.99, 0.98, 0.97, 0.91, 1.00, 0.85),
            floors("heldout/byn-senior", 0.89, 0.94, 0.97, 1.00, 0.99, 0.87, 0.97, 0.71),
            // flags F1 0.83 → 0.80: the family and mood models of all eighty-six training schools (thirty-first pass, chosen
            // leave one school out: FAMILY F1 0.853 → 0.862) read one or two of its flags differently; over the held-out split
            // FAMILY F1 rose (0.841 → 0.849)
            floors("heldout/cs-junior", 0.90, 0.92, 0.99, 0.99, 0.97, 0.80, 0.95, 0.73),
            floors("heldout/da-junior", 0.87, 0.95, 0.97, 0.99, 0.95, 0.80, 0.93, 0.67),
            floors("heldout/dd-junior", 0.92, 0.97, 0.99, 0.99, 0.99, 0.78, 0.97, 0.61),
            floors("heldout/djk-nineyear", 0.84, 0.90, 0.97, 1.00, 0.97, 0.79, 1.00, 0.63),
            floors("heldout/dl-senior", 0.92, 0.97, 0.97, 0.98, 0.99, 0.86, 0.97, 0.80),
            floors("heldout/dq-junior", 0.87, 0.93, 1.00, 0.99, 0.95, 0.87, 1.00, 0.77),
            floors("heldout/dt-senior", 0.90, 0.93, 0.99, 0.99, 0.98, 0.88, 0.97, 0.84),
            floors("heldout/dy-senior", 0.86, 0.94, 0.98, 1.00, 0.96, 0.83, 1.00, 0.64),
            floors("heldout/dz-county", 0.90, 0.97, 0.98, 0.99, 0.97, 0.81, 1.00, 0.63),
            floors("heldout/gy-county", 0.87, 0.95, 0.97, 0.98, 0.97, 0.82, 1.00, 0.75),
            floors("heldout/ha-senior", 0.92, 0.94, 0.99, 0.99, 0.99, 0.81, 1.00, 0.66),
            floors("heldout/hd-vocational", 0.88, 0.95, 0.99, 0.99, 0.96, 0.82, 1.00, 0.72),
            floors("heldout/hh-junior", 0.84, 0.94, 0.97, 0.97, 0.95, 0.85, 1.00, 0.71),
            floors("heldout/hk-junior", 0.92, 0.96, 0.99, 1.00, 0.97, 0.79, 0.97, 0.61),
            floors("heldout/hm-county", 0.92, 0.99, 0.98, 0.98, 0.99, 0.85, 1.00, 0.67),
            floors("heldout/hx-junior", 0.89, 0.99, 0.96, 0.97, 0.94, 0.92, 0.96, 0.90),
            floors("heldout/hze-junior", 0.94, 0.97, 0.99, 1.00, 0.97, 0.85, 1.00, 0.68),
            floors("heldout/hzh-junior", 0.93, 0.97, 1.00, 1.00, 0.97, 0.86, 1.00, 0.68),
            floors("heldout/jms-senior", 0.90, 0.94, 1.00, 0.98, 0.99, 0.86, 1.00, 0.79),
            floors("heldout/jn-county", 0.95, 0.99, 0.98, 1.00, 0.98, 0.87, 1.00, 0.81),
            floors("heldout/jx-junior", 0.90, 0.97, 1.00, 0.98, 0.95, 0.83, 1.00, 0.66),
            floors("heldout/jz-senior", 0.91, 0.97, 0.98, 1.00, 0.96, 0.85, 1.00, 0.71),
            floors("heldout/km-primary", 0.93, 0.95, 0.98, 0.98, 1.00, 0.82, 1.00, 0.69),
            floors("heldout/ld-senior", 0.89, 0.97, 0.98, 0.99, 0.95, 0.84, 1.00, 0.62),
            floors("heldout/lj-primary", 0.93, 0.97, 0.99, 0.98, 0.99, 0.85, 0.97, 0.74),
            floors("heldout/lsh-junior", 0.90, 0.92, 0.97, 1.00, 0.99, 0.82, 0.97, 0.75),
            floors("heldout/lx-primary", 0.84, 0.92, 0.95, 0.99, 0.97, 0.81, 0.97, 0.67),
            floors("heldout/ly-primary", 0.87, 0.91, 1.00, 1.00, 0.97, 0.84, 0.97, 0.70),
            floors("heldout/lyg-junior", 0.93, 0.94, 1.00, 0.98, 1.00, 0.85, 0.97, 0.65),
            floors("heldout/mz-junior", 0.82, 0.91, 0.98, 1.00, 0.95, 0.82, 0.97, 0.70),
            floors("heldout/nd-junior", 0.89, 0.92, 1.00, 0.99, 0.97, 0.84, 1.00, 0.75),
            floors("heldout/nn-senior", 0.91, 0.95, 0.98, 0.96, 0.97, 0.86, 0.97, 0.80),
            floors("heldout/nt-junior", 0.92, 0.97, 0.99, 0.99, 0.98, 0.84, 0.97, 0.68),
            floors("heldout/nx-boarding", 0.86, 0.93, 0.97, 1.00, 0.97, 0.90, 1.00, 0.75),
            floors("heldout/nyn-primary", 0.86, 0.95, 0.97, 1.00, 0.95, 0.84, 1.00, 0.67),
            floors("heldout/ords-junior", 0.91, 0.95, 0.97, 1.00, 0.98, 0.81, 1.00, 0.62),
            floors("heldout/pt-senior", 0.92, 0.95, 0.98, 1.00, 0.97, 0.85, 1.00, 0.66),
            floors("heldout/qd-senior", 0.89, 0.95, 0.98, 0.99, 0.96, 0.78, 0.97, 0.66),
            floors("heldout/qj-primary", 0.88, 0.94, 0.97, 0.97, 0.97, 0.84, 0.97, 0.67),
            floors("heldout/qs-senior", 0.87, 0.92, 0.97, 0.98, 0.98, 0.90, 1.00, 0.75),
            floors("heldout/sg-county", 0.89, 0.93, 0.99, 0.98, 0.97, 0.83, 0.97, 0.73),
            floors("heldout/shy-vocational", 0.92, 0.97, 0.99, 1.00, 0.96, 0.83, 1.00, 0.66),
            floors("heldout/sjz-senior", 0.87, 0.93, 0.96, 0.97, 0.97, 0.86, 1.00, 0.73),
            floors("heldout/sm-primary", 0.91, 0.96, 0.98, 0.97, 0.97, 0.85, 1.00, 0.71),
            floors("heldout/sq-primary", 0.89, 0.95, 0.99, 0.99, 0.97, 0.82, 1.00, 0.63),
            floors("heldout/su-junior", 0.92, 0.95, 1.00, 0.98, 0.99, 0.84, 1.00, 0.74),
            floors("heldout/sx-senior", 0.90, 0.97, 0.99, 0.98, 0.97, 0.86, 1.00, 0.73),
            floors("heldout/sz-senior", 0.93, 0.97, 0.98, 0.98, 0.97, 0.85, 1.00, 0.82),
            floors("heldout/tj-vocational", 0.92, 0.95, 0.99, 0.98, 0.98, 0.83, 1.00, 0.68),
            floors("heldout/tl-senior", 0.95, 0.97, 0.99, 1.00, 0.98, 0.89, 1.00, 0.79),
            floors("heldout/tsh-county", 0.95, 0.95, 1.00, 1.00, 0.99, 0.83, 0.97, 0.75),
            floors("heldout/tsu-senior", 0.90, 0.95, 0.97, 0.99, 0.96, 0.84, 1.00, 0.67),
            floors("heldout/ty-vocational", 0.93, 0.95, 0.99, 0.98, 0.99, 0.90, 1.00, 0.84),
            floors("heldout/wh-junior", 0.94, 0.97, 0.99, 0.98, 1.00, 0.88, 1.00, 0.76),
            floors("heldout/wlmq-senior", 0.91, 0.95, 0.98, 0.98, 1.00, 0.88, 1.00, 0.83),
            // SAFETY precision 0.68 → 0.65: WS-132, which the reader could not read before the twenty-ninth pass (answered OTHER,
            // no flags), now reads, with a false alarm
            floors("heldout/ws-county", 0.87, 0.92, 0.99, 0.98, 0.98, 0.83, 0.97, 0.65),
            floors("heldout/wx-primary", 0.93, 0.98, 0.98, 1.00, 0.98, 0.78, 1.00, 0.62),
            floors("heldout/wz-private", 0.89, 0.95, 0.97, 0.99, 0.97, 0.84, 0.97, 0.75),
            floors("heldout/wzh-vocational", 0.93, 0.97, 0.98, 0.98, 0.99, 0.83, 1.00, 0.60),
            floors("heldout/xc-junior", 0.92, 0.96, 0.98, 0.99, 0.97, 0.83, 0.97, 0.68),
            floors("heldout/xt-senior", 0.88, 0.98, 0.98, 1.00, 0.95, 0.83, 1.00, 0.68),
            floors("heldout/xx-junior", 0.95, 0.97, 0.98, 1.00, 0.97, 0.88, 1.00, 0.79),
            floors("heldout/xxi-primary", 0.88, 0.93, 0.97, 0.98, 1.00, 0.84, 1.00, 0.68),
            floors("heldout/xz-boarding", 0.91, 0.96, 0.97, 0.98, 1.00, 0.85, 1.00, 0.74),
            floors("heldout/ya-primary", 0.87, 0.92, 0.98, 0.99, 0.96, 0.83, 0.95, 0.65),
            floors("heldout/yb-junior", 0.90, 0.95, 0.97, 0.98, 0.97, 0.90, 1.00, 0.79),
            floors("heldout/yc-senior", 0.91, 0.96, 0.97, 1.00, 0.99, 0.83, 0.97, 0.72),
            floors("heldout/ycz-vocational", 0.91, 0.95, 0.99, 0.99, 0.98, 0.76, 1.00, 0.64),
            floors("heldout/yj-senior", 0.89, 0.95, 0.97, 0.99, 0.99, 0.82, 1.00, 0.70),
            // SAFETY precision 0.86 → 0.83: a risk the teacher saw with their own eyes after a look is no longer vetoed by the
            // whole-note model (thirty-second pass: a real beating the veto hid), one false alarm more here
            floors("heldout/yl-senior", 0.91, 0.96, 0.98, 0.98, 0.98, 0.91, 0.97, 0.83),
            floors("heldout/yn-rural", 0.94, 0.95, 0.97, 0.98, 0.99, 0.86, 0.97, 0.79),
            floors("heldout/yt-vocational", 0.90, 0.93, 0.99, 1.00, 0.98, 0.87, 1.00, 0.74),
            floors("heldout/yw-primary", 0.88, 0.95, 0.98, 0.99, 0.99, 0.85, 1.00, 0.75),
            floors("heldout/zh-junior", 0.87, 0.94, 0.98, 1.00, 0.96, 0.85, 1.00, 0.75),
            floors("heldout/zjg-primary", 0.90, 0.92, 0.98, 1.00, 0.98, 0.84, 1.00, 0.75),
            floors("heldout/zk-county", 0.94, 0.97, 0.99, 1.00, 0.98, 0.85, 1.00, 0.71),
            floors("heldout/zq-junior", 0.92, 0.97, 1.00, 0.99, 0.95, 0.84, 1.00, 0.74),
            floors("heldout/zt-primary", 0.87, 0.94, 0.97, 0.99, 0.97, 0.91, 1.00, 0.83),
            floors("heldout/zy-county", 0.89, 0.97, 0.96, 1.00, 0.97, 0.85, 1.00, 0.74),
            floors("heldout/zz-senior", 0.91, 0.94, 0.99, 0.98, 0.99, 0.84, 1.00, 0.70),
            floors("train/ak-junior", 0.95, 0.97, 0.99, 1.00, 0.98, 0.86, 1.00, 0.67),
            floors("train/aks-senior", 0.95, 0.97, 0.98, 1.00, 0.98, 0.87, 1.00, 0.66),
            floors("train/ay-junior", 0.95, 0.97, 0.99, 1.00, 0.98, 0.90, 1.00, 0.67),
            floors("train/bs-primary", 0.94, 0.98, 0.97, 1.00, 0.99, 0.88, 1.00, 0.65),
            floors("train/bse-senior", 0.93, 0.95, 0.99, 0.98, 0.99, 0.89, 1.00, 0.69),
            floors("train/bz-primary", 0.98, 0.99, 0.99, 1.00, 1.00, 0.88, 1.00, 0.71),
            floors("train/cc-junior", 1.00, 1.00, 1.00, 1.00, 1.00, 0.92, 1.00, 0.81),
            floors("train/cd-primary", 0.95, 0.99, 0.98, 0.98, 0.97, 0.95, 1.00, 0.89),
            floors("train/cf-county", 0.94, 0.98, 0.97, 1.00, 0.97, 0.92, 1.00, 0.82),
            floors("train/cq-county", 0.96, 0.98, 1.00, 0.98, 0.98, 0.91, 1.00, 0.81),
            floors("train/cy-primary", 0.95, 0.97, 0.98, 1.00, 1.00, 0.84, 1.00, 0.63),
            floors("train/cz-vocational", 0.94, 0.98, 0.98, 0.99, 0.99, 0.86, 1.00, 0.67),
            floors("train/czh-primary", 0.93, 0.97, 1.00, 1.00, 0.97, 0.89, 1.00, 0.65),
            floors("train/dg-junior", 0.93, 0.95, 1.00, 1.00, 0.99, 0.87, 1.00, 0.70),
            floors("train/dx-county", 0.95, 0.98, 0.98, 0.98, 1.00, 0.90, 1.00, 0.75),
            floors("train/ez-vocational", 0.94, 0.99, 1.00, 0.97, 0.97, 0.85, 1.00, 0.64),
            floors("train/fy-county", 0.94, 0.98, 1.00, 0.99, 0.97, 0.90, 1.00, 0.72),
            floors("train/fz-primary", 0.94, 0.98, 0.99, 0.98, 0.97, 0.95, 1.00, 0.91),
            floors("train/ga-county", 0.90, 0.97, 0.97, 0.98, 0.99, 0.90, 1.00, 0.71),
            floors("train/gd-county", 0.99, 1.00, 1.00, 0.98, 1.00, 0.94, 1.00, 0.92),
            floors("train/gl-county", 0.95, 0.98, 0.99, 0.98, 1.00, 0.93, 1.00, 0.82),
            floors("train/gz-junior", 0.95, 0.98, 0.99, 0.99, 0.97, 0.97, 1.00, 0.93),
            floors("train/gzh-county", 0.95, 0.97, 0.97, 0.99, 0.98, 0.90, 1.00, 0.79),
            floors("train/gzo-primary", 0.94, 0.98, 0.98, 0.99, 1.00, 0.94, 1.00, 0.85),
            floors("train/hb-city", 0.99, 1.00, 0.99, 1.00, 1.00, 0.95, 1.00, 0.90),
            floors("train/hf-primary", 0.96, 0.97, 1.00, 1.00, 1.00, 0.88, 1.00, 0.72),
            floors("train/hg-senior", 0.99, 0.99, 1.00, 1.00, 1.00, 0.91, 1.00, 0.80),
            floors("train/hhe-junior", 0.93, 0.98, 0.98, 0.98, 0.98, 0.86, 0.97, 0.75),
            floors("train/hlbe-junior", 0.95, 0.99, 0.99, 0.98, 0.98, 0.89, 1.00, 0.74),
            floors("train/hn-county", 0.95, 1.00, 0.98, 0.99, 0.98, 0.93, 1.00, 0.80),
            floors("train/hrb-junior", 0.99, 1.00, 1.00, 1.00, 0.99, 0.94, 1.00, 0.90),
            floors("train/hs-senior", 0.98, 1.00, 0.98, 1.00, 1.00, 0.87, 1.00, 0.66),
            floors("train/hy-vocational", 0.92, 0.97, 0.97, 0.99, 0.99, 0.87, 1.00, 0.70),
            floors("train/hz-senior", 0.93, 0.96, 0.98, 0.98, 0.99, 0.92, 1.00, 0.81),
            floors("train/ja-primary", 0.92, 0.96, 0.98, 0.99, 0.97, 0.92, 1.00, 0.75),
            floors("train/jdz-primary", 0.99, 0.99, 1.00, 1.00, 1.00, 0.88, 1.00, 0.77),
            floors("train/jh-vocational", 0.94, 1.00, 1.00, 1.00, 0.96, 0.88, 1.00, 0.67),
            floors("train/jj-junior", 0.97, 0.99, 1.00, 1.00, 0.98, 0.90, 1.00, 0.77),
            floors("train/kd-boarding", 0.95, 0.98, 1.00, 0.97, 0.99, 0.96, 1.00, 0.94),
            floors("train/kf-vocational", 0.95, 0.95, 1.00, 1.00, 1.00, 0.85, 1.00, 0.68),
            floors("train/kl-vocational", 0.89, 0.96, 0.98, 0.99, 0.96, 0.86, 1.00, 0.65),
            floors("train/ks-junior", 0.95, 0.97, 0.97, 1.00, 1.00, 0.90, 1.00, 0.76),
            floors("train/lc-junior", 0.96, 0.97, 1.00, 0.98, 1.00, 0.94, 1.00, 0.78),
            floors("train/lf-junior", 0.98, 0.99, 1.00, 1.00, 0.99, 0.89, 1.00, 0.76),
            floors("train/lg-private", 0.87, 0.94, 0.96, 0.98, 0.99, 0.88, 1.00, 0.69),
            floors("train/lhe-junior", 0.92, 0.97, 0.98, 0.98, 0.98, 0.89, 1.00, 0.67),
            floors("train/ll-senior", 0.92, 0.96, 0.99, 0.99, 0.97, 0.87, 1.00, 0.62),
            floors("train/lps-primary", 0.89, 0.97, 0.97, 1.00, 0.98, 0.87, 1.00, 0.59),
            floors("train/ls-senior", 0.92, 0.98, 0.98, 0.98, 0.97, 0.87, 1.00, 0.66),
            floors("train/lsy-primary", 0.92, 0.95, 0.99, 0.99, 0.99, 0.85, 1.00, 0.66),
            floors("train/lsz-county", 0.88, 0.96, 0.97, 0.97, 0.97, 0.85, 1.00, 0.68),
            floors("train/lyi-junior", 0.92, 0.96, 0.97, 0.99, 0.99, 0.84, 1.00, 0.58),
            floors("train/lz-senior", 0.95, 0.96, 1.00, 0.99, 0.97, 0.86, 1.00, 0.71),
            floors("train/lzh-boarding", 0.90, 0.95, 0.97, 0.97, 0.99, 0.85, 1.00, 0.63),
            floors("train/mdj-junior", 0.95, 0.99, 0.98, 0.99, 0.98, 0.90, 1.00, 0.78),
            floors("train/mj-senior", 0.97, 0.97, 1.00, 0.99, 0.99, 0.90, 1.00, 0.76),
            floors("train/ms-county", 0.95, 0.98, 0.99, 0.97, 1.00, 0.94, 1.00, 0.88),
            floors("train/nb-primary", 0.92, 0.97, 0.99, 1.00, 0.97, 0.93, 1.00, 0.86),
            floors("train/nc-junior", 0.85, 0.91, 0.97, 0.98, 0.98, 0.85, 1.00, 0.72),
            floors("train/nj-senior", 0.94, 1.00, 0.98, 0.99, 0.97, 0.88, 1.00, 0.77),
            floors("train/pe-county", 0.97, 0.99, 1.00, 0.99, 0.98, 0.87, 1.00, 0.72),
            floors("train/pzh-vocational", 0.93, 0.97, 0.99, 1.00, 0.97, 0.86, 1.00, 0.67),
            floors("train/qqhr-junior", 0.95, 0.99, 0.97, 0.99, 0.98, 0.87, 1.00, 0.66),
            floors("train/qz-primary", 0.96, 0.99, 0.97, 1.00, 1.00, 0.94, 1.00, 0.83),
            floors("train/sd-county", 0.97, 1.00, 0.99, 1.00, 0.99, 0.93, 1.00, 0.87),
            floors("train/sh-boarding", 0.95, 0.97, 1.00, 0.98, 0.98, 0.91, 1.00, 0.82),
            floors("train/sr-primary", 0.96, 0.99, 0.97, 1.00, 0.99, 0.88, 1.00, 0.75),
            floors("train/ssh-vocational", 0.95, 0.97, 0.99, 0.99, 1.00, 0.87, 1.00, 0.67),
            floors("train/st-junior", 0.95, 0.99, 1.00, 0.98, 0.98, 0.91, 1.00, 0.83),
            floors("train/sy-senior", 0.92, 0.99, 0.99, 0.95, 0.98, 0.93, 1.00, 0.85),
            floors("train/tr-primary", 0.94, 0.95, 1.00, 0.98, 1.00, 0.91, 1.00, 0.77),
            floors("train/ts-junior", 0.93, 0.97, 1.00, 1.00, 0.97, 0.86, 1.00, 0.73),
            floors("train/tz-junior", 0.95, 0.99, 1.00, 0.97, 1.00, 0.89, 1.00, 0.70),
            floors("train/wf-vocational", 0.95, 0.97, 0.98, 1.00, 0.99, 0.94, 1.00, 0.85),
            floors("train/wl-junior", 0.97, 0.98, 0.98, 1.00, 1.00, 0.92, 1.00, 0.90),
            floors("train/wn-primary", 0.85, 0.94, 0.96, 0.98, 0.97, 0.83, 1.00, 0.59),
            floors("train/wzs-junior", 0.92, 0.97, 0.98, 0.97, 0.99, 0.84, 1.00, 0.70),
            floors("train/xa-senior", 0.95, 0.97, 1.00, 0.99, 0.98, 0.94, 1.00, 0.91),
            floors("train/xm-junior", 0.96, 0.99, 0.98, 0.99, 1.00, 0.92, 1.00, 0.82),
            floors("train/xn-county", 0.95, 0.97, 0.98, 0.99, 1.00, 0.94, 1.00, 0.83),
            floors("train/xsbn-primary", 0.92, 0.96, 0.98, 0.99, 0.98, 0.86, 1.00, 0.64),
            floors("train/xu-primary", 0.97, 0.99, 0.98, 1.00, 0.99, 0.92, 1.00, 0.85),
            floors("train/ycg-senior", 0.91, 0.98, 0.99, 0.99, 0.95, 0.88, 1.00, 0.62),
            floors("train/ych-primary", 0.97, 0.98, 1.00, 1.00, 0.99, 0.90, 1.00, 0.73),
            floors("train/yic-primary", 0.95, 0.97, 1.00, 0.98, 0.98, 0.87, 0.97, 0.77),
            floors("train/yz-senior", 0.96, 0.98, 0.99, 0.98, 1.00, 0.95, 1.00, 0.88),
            floors("train/zb-junior", 0.95, 0.97, 0.99, 1.00, 0.99, 0.91, 1.00, 0.73),
            floors("train/zj-vocational", 0.97, 0.98, 1.00, 1.00, 0.99, 0.93, 1.00, 0.90),
            floors("train/zjk-senior", 0.92, 0.97, 0.98, 0.99, 0.98, 0.90, 1.00, 0.75),
            floors("train/zs-junior", 0.97, 0.98, 1.00, 1.00, 0.98, 0.87, 1.00, 0.71));

    private static Map.Entry<String, Map<String, Double>> floors(String file, double record, double kind, double students, double date,
                                                                 double followUp, double flags, double safetyRecall, double safetyPrecision) {
        return Map.entry(file, Map.of("record", record, "kind", kind, "students", students, "date", date, "followUp", followUp,
                "flags", flags, "safetyRecall", safetyRecall, "safetyPrecision", safetyPrecision));
    }

    private static final Map<String, LabelledSet.Scores> scores = new LinkedHashMap<>();

    @BeforeAll
    static void scoreEveryFile() throws Exception {
        for (String file : REPORTED.keySet().stream().sorted().toList()) {
            String roster = file.substring(file.indexOf('/') + 1);
            LabelledSet.Scores s = LabelledSet.score(CORPUS.resolve(file + ".jsonl"), CORPUS.resolve("rosters/" + roster + ".json"));
            scores.put(file, s);
            System.out.println("corpus " + file + ":\n" + s.table());
            if (file.startsWith("train/")) s.failures().forEach(System.out::println);
        }
    }

    static List<Arguments> floors() {
        return REPORTED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(f -> Arguments.of(e.getKey(), f.getKey(), f.getValue())))
                .toList();
    }

    @Test
    void everyNoteOfEveryFileIsRead() {
        // a note the reader throws on comes back OTHER with an UNREADABLE doubt (one held-out note once did: 中考就在明天，今天上午…)
        scores.forEach((file, s) -> assertThat(s.get("unreadable")).as(file + " notes the reader could not read").isZero());
    }

    @ParameterizedTest(name = "{0} {1} stays at or above {2} - slack")
    @MethodSource("floors")
    void noFieldDropsBelowItsReportedFigure(String file, String field, double reported) {
        assertThat(scores.get(file).get(field)).as(file + " " + field).isGreaterThanOrEqualTo(reported - SLACK);
    }
}

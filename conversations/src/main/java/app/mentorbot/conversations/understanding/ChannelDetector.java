package app.mentorbot.conversations.understanding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a parent contact happened (SPEC.md, channel). The first channel word in the note wins,
 * since later ones tend to be content ("打电话说…下次来学校"). A notice sent with no channel
 * named (发了…通知/提醒) is ONLINE by convention.
 */
final class ChannelDetector {
    record Found(Channel channel, int start, int end) {}

    private static final Map<Channel, Pattern> CUES = new LinkedHashMap<>();
    static {
        // ONLINE first: 视频通话 must not be read as a phone call
        CUES.put(Channel.ONLINE, Pattern.compile("视频通话|视频|企业微信|微信|短信|钉钉|线上|网上|信息|消息|家长群|群里|QQ|qq|留言|语音|私信"));
        CUES.put(Channel.HOME_VISIT, Pattern.compile("家访|(去|到)[^,.;!?。]{0,6}家(里|中)?(拜访|走访|看望|里)|上门"));
        CUES.put(Channel.PHONE, Pattern.compile("电话|来电|致电|打给|没人接|未接|通话"));
        CUES.put(Channel.IN_PERSON, Pattern.compile("面谈|来校|来学校|来了学校|到校|到学校|见面|当面|面对面|来办公室|到办公室|见了|见到"));
    }
    private static final Pattern NOTICE = Pattern.compile("发了?[^,.;!?。]{0,12}(通知|提醒)");

    Found detect(String s) {
        Found best = null;
        for (var e : CUES.entrySet()) {
            Matcher m = e.getValue().matcher(s);
            if (m.find() && (best == null || m.start() < best.start()
                    || m.start() == best.start() && m.end() > best.end())) {
                best = new Found(e.getKey(), m.start(), m.end());
            }
        }
        if (best != null) return best;
        Matcher n = NOTICE.matcher(s);
        return n.find() ? new Found(Channel.ONLINE, n.start(), n.end()) : null;
    }
}

package app.mentorbot.bot.platforms;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import app.mentorbot.adapters.wecom.CallbackResponse;
import app.mentorbot.adapters.wecom.WeComAdapter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The WeCom apps' callback URLs: the deployment's at {@code mentorbot.adapters.wecom.callback-path} (default
 * /callbacks/wecom), a school's own at that path and its school id (/callbacks/wecom/east); on when the deployment's
 * app is enabled or a school has a WeCom block. A thin door: it reads the query and at most one byte more than
 * the adapter accepts, and hands both to {@link WeComAdapter#handleCallback}, which checks the signature,
 * decrypts, gives the message to the pipeline and answers at once (WeCom retries after 5 s).
 */
@RestController
@ConditionalOnPlatform(WeComSettings.PLATFORM)
class WeComCallbackController {
    private static final String PATH = "${mentorbot.adapters.wecom.callback-path:" + WeComSettings.DEFAULT_CALLBACK_PATH + "}";
    private final Optional<WeComAdapter> deployment;
    private final WeComSchoolApps schools;

    WeComCallbackController(WeComSettings settings, ObjectProvider<WeComAdapter> deployment, WeComSchoolApps schools) {
        this.deployment = settings.enabled() ? Optional.ofNullable(deployment.getIfAvailable()) : Optional.empty();
        this.schools = schools;
    }

    @RequestMapping(path = PATH, method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> callback(HttpServletRequest request) {
        return deployment.map(app -> callback(app, request)).orElseGet(() -> plain(404, "the WeCom app is not enabled"));
    }

    @RequestMapping(path = PATH + "/{school}", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> schoolCallback(@PathVariable("school") String school, HttpServletRequest request) {
        return schools.of(school).map(app -> callback(app, request)).orElseGet(() -> plain(404, "no WeCom app for this school"));
    }

    private static ResponseEntity<String> callback(WeComAdapter adapter, HttpServletRequest request) {
        Map<String, String> query;
        try {
            query = query(request.getQueryString());
        } catch (IllegalArgumentException e) {
            return plain(400, "malformed query string");
        }
        String body = null;
        if ("POST".equalsIgnoreCase(request.getMethod())) {
            int max = adapter.maxCallbackBytes();
            if (request.getContentLengthLong() > max) return plain(400, "body too large");
            try {
                byte[] bytes = request.getInputStream().readNBytes(max + 1);
                if (bytes.length > max) return plain(400, "body too large");
                body = new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return plain(400, "body could not be read");
            }
        }
        CallbackResponse r = adapter.handleCallback(request.getMethod(), query, body);
        return ResponseEntity.status(r.status()).contentType(MediaType.parseMediaType(r.contentType())).body(r.body());
    }

    /** URL-decoded parameters, first value wins (WeCom sends each once). */
    static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) return params;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static ResponseEntity<String> plain(int status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}

package app.mentorbot.bot.platforms;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import app.mentorbot.adapters.wecom.CallbackResponse;
import app.mentorbot.adapters.wecom.WeComAdapter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The WeCom app's callback URL ({@code mentorbot.adapters.wecom.callback-path}, default /callbacks/wecom), on when
 * {@code mentorbot.adapters.wecom.enabled=true}. A thin door: it reads the query and at most one byte more than
 * the adapter accepts, and hands both to {@link WeComAdapter#handleCallback}, which checks the signature,
 * decrypts, gives the message to the pipeline and answers at once (WeCom retries after 5 s).
 */
@RestController
@ConditionalOnProperty(prefix = "mentorbot.adapters.wecom", name = "enabled", havingValue = "true")
class WeComCallbackController {
    private final WeComAdapter adapter;

    WeComCallbackController(WeComAdapter adapter) {
        this.adapter = adapter;
    }

    @RequestMapping(path = "${mentorbot.adapters.wecom.callback-path:" + WeComSettings.DEFAULT_CALLBACK_PATH + "}",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> callback(HttpServletRequest request) {
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

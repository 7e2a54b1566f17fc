package app.mentorbot.bot.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A WeCom self-built app for bot tests: the official sample credentials (PLATFORMS.md), and a
 * WireMock qyapi that hands out tokens and accepts every send.
 */
public final class FakeWeCom {
    public static final String TOKEN = "QDG6eK";
    public static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public static final String CORP_ID = "wx5823bf96d3bd56c7";

    private FakeWeCom() {}

    /** Starts {@code qyapi} if needed and enables the bot's WeCom app against it. */
    public static void register(DynamicPropertyRegistry registry, WireMockServer qyapi) {
        if (!qyapi.isRunning()) qyapi.start();
        qyapi.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"AT\",\"expires_in\":7200}")));
        qyapi.stubFor(post(urlPathEqualTo("/cgi-bin/message/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"x\"}")));
        registry.add("mentorbot.adapters.wecom.enabled", () -> "true");
        registry.add("mentorbot.adapters.wecom.corp-id", () -> CORP_ID);
        registry.add("mentorbot.adapters.wecom.agent-id", () -> "218");
        registry.add("mentorbot.adapters.wecom.secret", () -> "app-secret");
        registry.add("mentorbot.adapters.wecom.token", () -> TOKEN);
        registry.add("mentorbot.adapters.wecom.encoding-aes-key", () -> AES_KEY);
        registry.add("mentorbot.adapters.wecom.api-base-url", qyapi::baseUrl);
    }
}

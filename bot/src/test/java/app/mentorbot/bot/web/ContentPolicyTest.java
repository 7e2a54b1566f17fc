package app.mentorbot.bot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The policy is read off the page templates: their inline blocks by hash, the chat's socket by the public URL. */
class ContentPolicyTest {
    private static final String PAGE = "<html><head><style>p{color:red}</style></head><body><script>go()</script></body></html>";

    @Test
    void eachInlineBlockOfThePagesIsAllowedByItsHashAndNothingElseIs() {
        String policy = ContentPolicy.of(List.of(PAGE, "<style>p{color:red}</style>"), null);
        assertThat(policy).isEqualTo("default-src 'none'; script-src 'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='; "
                + "style-src 'sha256-p0bF+un5yUb9MBO6xRb8kPHlY2BdpHVtLiFkDrZPF64='; img-src data:; connect-src 'self'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'");
    }

    @Test
    void aSchoolWithAPublicUrlAlsoNamesItsSocketOriginForOlderSafari() {
        assertThat(ContentPolicy.of(List.of(PAGE), "https://mentor.school.example.cn/")).contains("connect-src 'self' wss://mentor.school.example.cn;");
        assertThat(ContentPolicy.of(List.of(PAGE), "http://10.0.0.5:8080")).contains("connect-src 'self' ws://10.0.0.5:8080;");
        assertThatThrownBy(() -> ContentPolicy.of(List.of(PAGE), "mentor.school.example.cn")).hasMessageContaining("mentorbot.public-url");
    }

    @Test
    void pagesWithoutScriptsAllowNone() {
        assertThat(ContentPolicy.of(List.of("<p>hi</p>"), null)).startsWith("default-src 'none'; script-src 'none'; style-src 'none';");
    }
}

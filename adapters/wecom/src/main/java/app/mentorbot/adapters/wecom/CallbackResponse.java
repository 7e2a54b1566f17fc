package app.mentorbot.adapters.wecom;

/**
 * What the HTTP layer sends back to WeCom for one callback request. Bodies never carry a stack trace
 * or a secret: a refusal says in one line what was wrong.
 */
public record CallbackResponse(int status, String contentType, String body) {
    static final String TEXT = "text/plain; charset=UTF-8";

    static CallbackResponse ok(String body) {
        return new CallbackResponse(200, TEXT, body);
    }

    static CallbackResponse badRequest(String reason) {
        return new CallbackResponse(400, TEXT, reason);
    }

    static CallbackResponse forbidden(String reason) {
        return new CallbackResponse(403, TEXT, reason);
    }

    static CallbackResponse notFound(String reason) {
        return new CallbackResponse(404, TEXT, reason);
    }

    static CallbackResponse methodNotAllowed() {
        return new CallbackResponse(405, TEXT, "only GET (URL verification) and POST (messages)");
    }

    static CallbackResponse unavailable(String reason) {
        return new CallbackResponse(503, TEXT, reason);
    }
}

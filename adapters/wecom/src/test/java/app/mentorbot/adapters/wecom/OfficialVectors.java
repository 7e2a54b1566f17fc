package app.mentorbot.adapters.wecom;

/** The values of WeCom's official WXBizMsgCrypt sample (token, key, CorpID, a signed GET and POST), copied exactly. */
final class OfficialVectors {
    private OfficialVectors() {}

    static final String TOKEN = "QDG6eK";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String CORP_ID = "wx5823bf96d3bd56c7";

    static final String GET_TIMESTAMP = "1409659589";
    static final String GET_NONCE = "263014780";
    static final String GET_ECHOSTR =
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    static final String GET_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    static final String GET_PLAINTEXT = "1616140317555161061";

    static final String POST_TIMESTAMP = "1409659813";
    static final String POST_NONCE = "1372623149";
    static final String POST_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";
    static final String POST_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    /** The POST body as WeCom sends it: the ciphertext in an Encrypt element. */
    static String postBody() {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><AgentID><![CDATA[218]]></AgentID>"
                + "<Encrypt><![CDATA[" + POST_ENCRYPT + "]]></Encrypt></xml>";
    }
}

/**
 * DingTalk Stream mode in (WebSocket), robot messages out (OkHttp). {@link app.mentorbot.adapters.dingtalk.DingTalkAdapter}
 * is the only entry point; the wire formats live in {@code StreamFrames}, {@code BotMessages} and {@code OpenApi}.
 */
package app.mentorbot.adapters.dingtalk;

/** DingTalk Stream mode in (WebSocket), robot messages out (OkHttp). */
package app.mentorbot.adapters.dingtalk;

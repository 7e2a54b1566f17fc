/**
 * WeCom self-built app callbacks and message/send; the AI-bot long connection. */
package app.mentorbot.adapters.wecom;

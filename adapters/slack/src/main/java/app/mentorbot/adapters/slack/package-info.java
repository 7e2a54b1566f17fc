/** Slack Socket Mode in, chat.postMessage out. */
package app.mentorbot.adapters.slack;

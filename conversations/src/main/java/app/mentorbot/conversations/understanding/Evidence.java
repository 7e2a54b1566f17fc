package app.mentorbot.conversations.understanding;

/** Where a field's value came from in the text: [start,end) char offsets into the ORIGINAL text. */
public record Evidence(String field, String value, int start, int end) {}

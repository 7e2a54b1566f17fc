package app.mentorbot.conversations.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every sentence the bot says, from the {@code replies} bundle (zh-CN is the default file; another
 * language is another properties file). Keys are looked up strictly so a typo fails a test, not a teacher.
 */
public final class Texts {
    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("app.mentorbot.conversations.text.replies", locale);
    }

    public static Texts chinese() {
        return new Texts(Locale.SIMPLIFIED_CHINESE);
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text for key " + key, e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}

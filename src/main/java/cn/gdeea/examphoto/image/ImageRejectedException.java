package cn.gdeea.examphoto.image;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * An upload that is not a usable photo. Carries the stable {@link #code()} and the message for
 * the candidate in Chinese and English; {@link #getMessage()} is the code and the English text,
 * for logs.
 */
public class ImageRejectedException extends RuntimeException {

    private final ImageRejection reason;
    private final String messageZh;
    private final String messageEn;

    ImageRejectedException(ImageRejection reason, Throwable cause, Object... arguments) {
        super(reason.code() + ": " + format(reason.enTemplate(), Locale.ENGLISH, arguments), cause);
        this.reason = Objects.requireNonNull(reason);
        this.messageZh = format(reason.zhTemplate(), Locale.SIMPLIFIED_CHINESE, arguments);
        this.messageEn = format(reason.enTemplate(), Locale.ENGLISH, arguments);
    }

    ImageRejectedException(ImageRejection reason, Object... arguments) {
        this(reason, null, arguments);
    }

    public ImageRejection reason() {
        return reason;
    }

    /** Stable code such as {@code image.truncated}. */
    public String code() {
        return reason.code();
    }

    /** What happened and what to do, in simplified Chinese (zh-CN). */
    public String messageZh() {
        return messageZh;
    }

    /** What happened and what to do, in English. */
    public String messageEn() {
        return messageEn;
    }

    private static String format(String template, Locale locale, Object... arguments) {
        // Arguments are pre-formatted strings, so MessageFormat's number grouping never applies.
        return new MessageFormat(template.replace("'", "''"), locale).format(arguments);
    }
}

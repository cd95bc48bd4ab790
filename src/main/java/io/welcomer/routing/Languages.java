package io.welcomer.routing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Language tags, in one place: the one rule every tag the server takes must follow (a customer's,
 * an agent's, a line's, a transfer's), and matching on the primary subtag: an agent who speaks
 * {@code es} serves {@code es-MX}.
 */
public final class Languages {

    /**
     * A well-formed BCP 47 language tag (RFC 5646, without the grandfathered and private-use-only
     * forms) of at most 35 characters, in any case: language (with up to three extended
     * subtags), then optional script, region, variants, extensions and a private-use part.
     */
    public static final String TAG = "(?i)(?=.{2,35}$)"
            + "(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})"
            + "(?:-[a-z]{4})?"
            + "(?:-(?:[a-z]{2}|[0-9]{3}))?"
            + "(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
            + "(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*"
            + "(?:-x(?:-[a-z0-9]{1,8})+)?";

    /** What a refusal of a tag says, wherever it is refused. */
    public static final String TAG_MESSAGE = "must be a BCP 47 language tag of at most 35 characters, such as es or pt-BR";

    private static final Pattern TAG_PATTERN = Pattern.compile(TAG);

    private Languages() {
    }

    /** Whether this is a language tag the server takes. */
    public static boolean isTag(String tag) {
        return tag != null && TAG_PATTERN.matcher(tag).matches();
    }

    /** The lower-case primary subtag of a BCP 47 tag, or null for none. */
    public static String primary(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).trim().toLowerCase(Locale.ROOT);
    }
}

package io.welcomer.routing;

import java.util.Locale;

/** Languages are matched on their primary subtag: an agent who speaks {@code es} serves {@code es-MX}. */
public final class Languages {

    private Languages() {
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

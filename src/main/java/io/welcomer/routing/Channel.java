package io.welcomer.routing;

import java.util.Locale;

/** A medium a customer reaches us on; voice and video take an agent's whole attention. */
public enum Channel {
    VOICE, VIDEO, CHAT, EMAIL;

    /** An exclusive channel is never combined with any other active contact. */
    public boolean exclusive() {
        return this == VOICE || this == VIDEO;
    }

    /** Only a call can be turned into a callback: a chat or an email has nobody on hold to call back. */
    public boolean callsBack() {
        return this == VOICE || this == VIDEO;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel for a wire name such as {@code "voice"}, or null if there is none. */
    public static Channel fromWireName(String name) {
        for (Channel channel : values()) {
            if (channel.wireName().equals(name)) {
                return channel;
            }
        }
        return null;
    }
}

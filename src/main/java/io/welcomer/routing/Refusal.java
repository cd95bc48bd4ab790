package io.welcomer.routing;

/** Why the router refused a command; the state is unchanged when it does. */
public enum Refusal {
    UNKNOWN_AGENT("no such agent"),
    UNKNOWN_CONTACT("no such contact, or it has ended"),
    DUPLICATE_CONTACT("a contact with this id is already routed"),
    NOT_YOUR_OFFER("this contact is not offered to you"),
    NOT_WAITING("the contact is not waiting in line"),
    NO_CALLBACK_ON_CHANNEL("only a voice or video contact can be called back"),
    NOT_YOUR_CONTACT("this contact is not connected to you"),
    NOT_CONNECTED("the agent has no open session"),
    UNKNOWN_REASON("not one of the configured away reasons"),
    TRANSFER_PENDING("a transfer of this contact is waiting for an answer"),
    NO_TRANSFER("no transfer of this contact is waiting for an answer"),
    TRANSFER_LIMIT("this contact has been transferred as often as allowed"),
    TARGET_NOT_CONNECTED("the transfer target has no open session"),
    TARGET_NOT_ELIGIBLE("the transfer target cannot take this contact now"),
    CUSTOMER_GONE("the customer has left"),
    FOLLOW_UP_TIME("a follow-up must be in the future and at most 30 days ahead"),
    CUSTOMER_LIVE("the customer has a live contact or a follow-up not yet due"),
    UNKNOWN_TARGET("no such agent to move the contact to"),
    TARGET_CANNOT_TAKE_CHANNEL("the agent takes no contacts on this channel"),
    UNKNOWN_LINE("no such line"),
    CHANNEL_NOT_TAKEN("the line does not take contacts on this channel"),
    UNSERVABLE("no agent could serve this contact: nobody has its skills, or its required language"),
    LINE_NOT_EMPTY("contacts are in this line, waiting or with agents"),
    LINE_OVERFLOWED_INTO("another line overflows into this one"),
    UNKNOWN_OVERFLOW_LINE("an overflow step names a line that is not configured"),
    OVERFLOW_CYCLE("the overflow steps would lead back to this line");

    private final String message;

    Refusal(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}

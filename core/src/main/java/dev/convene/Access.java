package dev.convene;

/** Who may join. */
public enum Access {
    /** Anyone with the link. */
    OPEN,
    /** Anyone with the link and the password. */
    PASSWORD,
    /** Only registered (or approved) attendees. */
    REGISTRATION
}

package dev.convene;

/**
 * In-meeting behaviour. {@code null} means "the vendor's default": only what is set is sent, and each
 * set option is a {@link Feature} the provider must support.
 */
public record MediaOptions(Boolean muteOnEntry, Boolean waitingRoom, Boolean joinBeforeHost, Recording autoRecording) {
    public static final MediaOptions DEFAULTS = new MediaOptions(null, null, null, null);

    public enum Recording { NONE, LOCAL, CLOUD }

    public boolean isDefault() {
        return equals(DEFAULTS);
    }

    public MediaOptions withMuteOnEntry(Boolean value) {
        return new MediaOptions(value, waitingRoom, joinBeforeHost, autoRecording);
    }

    public MediaOptions withWaitingRoom(Boolean value) {
        return new MediaOptions(muteOnEntry, value, joinBeforeHost, autoRecording);
    }

    public MediaOptions withJoinBeforeHost(Boolean value) {
        return new MediaOptions(muteOnEntry, waitingRoom, value, autoRecording);
    }

    public MediaOptions withAutoRecording(Recording value) {
        return new MediaOptions(muteOnEntry, waitingRoom, joinBeforeHost, value);
    }
}

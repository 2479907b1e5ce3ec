package dev.convene.provider.wecom;

/** The kind of a WeCom living (直播), sent as {@code type}. Classes are open only to K12 schools and IT corps. */
public enum LivingType {
    GENERAL(0), SMALL_CLASS(1), LARGE_CLASS(2), CORPORATE_TRAINING(3), ACTIVITY(4);

    private final int code;

    LivingType(int code) {
        this.code = code;
    }

    /** The number WeCom uses. */
    public int code() {
        return code;
    }

    /** The type for WeCom's number; {@code null} for one this version does not know. */
    public static LivingType ofCode(Integer code) {
        for (LivingType t : values()) {
            if (code != null && t.code == code) {
                return t;
            }
        }
        return null;
    }
}

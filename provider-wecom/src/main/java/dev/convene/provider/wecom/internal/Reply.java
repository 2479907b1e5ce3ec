package dev.convene.provider.wecom.internal;

/** WeCom's envelope: every answer is HTTP 200 and carries {@code errcode} (0 = success) and {@code errmsg}. */
interface Reply {
    Integer errcode();

    String errmsg();

    /** An answer with nothing but the envelope (webinar update, cancels, living modify). */
    public record Bare(Integer errcode, String errmsg) implements Reply {
    }
}

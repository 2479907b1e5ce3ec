package dev.convene.simulator.wecom;

/**
 * A refusal in WeCom's terms: the {@code errcode} and the English text that leads its {@code errmsg}.
 * Thrown anywhere inside request handling and turned into the HTTP 200 error envelope at the top.
 */
final class WeComError extends RuntimeException {
    private final int errcode;

    WeComError(int errcode, String text) {
        super(text, null, false, false);
        this.errcode = errcode;
    }

    int errcode() {
        return errcode;
    }

    String text() {
        return getMessage();
    }
}

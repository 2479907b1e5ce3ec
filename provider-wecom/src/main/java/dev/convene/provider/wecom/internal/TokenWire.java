package dev.convene.provider.wecom.internal;

import com.squareup.moshi.Json;

/** {@code GET /cgi-bin/gettoken?corpid=…&corpsecret=…} (spec §1). */
public record TokenWire(Integer errcode, String errmsg,
                 @Json(name = "access_token") String accessToken,
                 @Json(name = "expires_in") Long expiresIn) implements Reply {

    @Override
    public String toString() {
        return "TokenWire[errcode=" + errcode + ", expires_in=" + expiresIn + "]";
    }
}

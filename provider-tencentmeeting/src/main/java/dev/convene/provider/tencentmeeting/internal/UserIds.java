package dev.convene.provider.tencentmeeting.internal;

import com.squareup.moshi.JsonQualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list of user ids that answers spell two ways: seed 002's output has {@code "hosts":["test1"]},
 * Tencent's custom-recurrence examples have {@code "hosts":[{"userid":"tester"}]}. Both read as ids
 * ({@link UserIdsAdapter}).
 */
@JsonQualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@interface UserIds {
}

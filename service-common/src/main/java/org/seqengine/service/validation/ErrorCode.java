package org.seqengine.service.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The stable {@code errors[].code} of a constraint of this API, on its annotation type (e.g.
 * {@code @ErrorCode("invalid_uuid") @interface Uuid}). A standard constraint that checks something
 * its type does not say (a {@code @Pattern} listing an enum's values) carries a payload instead.
 */
@Documented
@Target(ANNOTATION_TYPE)
@Retention(RUNTIME)
public @interface ErrorCode {
    String value();

    /** Payload for a {@code @Pattern} that lists an enum's values: code {@code invalid_enum}. */
    interface InvalidEnum extends Payload {}
}

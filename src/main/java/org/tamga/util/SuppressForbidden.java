package org.tamga.util;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets one method, constructor, field or class use an API that the build's forbiddenapis check
 * refuses (the default locale, charset or time zone), where the default is really what is wanted.
 * Always say why (ADR 36).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.CONSTRUCTOR, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface SuppressForbidden {
    /** Why the default is wanted here. */
    String reason();
}

package org.tamga.index;

/** A place where a query matched: the document's GUID and UTF-16 offsets into its text. */
public record IndexHit(String documentGuid, int startUtf16, int endUtf16, float documentScore) {}

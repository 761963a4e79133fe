package org.tamga.exchange;

/**
 * An archive Tamga refuses as a whole for safety (a ZIP bomb, more data than any project holds,
 * paths that lead out of the archive): unlike a single unreadable source, nothing of it is imported.
 */
public class UnsafeArchiveException extends ExchangeException {
    public UnsafeArchiveException(String fileName, String reason) { super(fileName, reason); }
}

package org.tamga.model;

/**
 * A failure a researcher can act on. The message is one clear sentence in plain words
 * (what happened, to which file or item, and what to do); it is shown as is by the window and
 * printed as is by the command line.
 */
public class TamgaException extends RuntimeException {
    public TamgaException(String message) { super(message); }
    public TamgaException(String message, Throwable cause) { super(message, cause); }
}

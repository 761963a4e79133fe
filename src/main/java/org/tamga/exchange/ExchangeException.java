package org.tamga.exchange;

import org.tamga.model.TamgaException;

/** A file from another tool that Tamga refuses: the message names the file and the reason. */
public class ExchangeException extends TamgaException {
    private final String reason;

    public ExchangeException(String fileName, String reason) {
        super("Cannot read " + fileName + ": " + reason + ".");
        this.reason = reason;
    }

    /** The reason alone, without the file's name: for a report that lists what was skipped and why. */
    public String reason() { return reason; }
}

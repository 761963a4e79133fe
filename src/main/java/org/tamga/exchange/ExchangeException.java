package org.tamga.exchange;

import org.tamga.model.OneLine;
import org.tamga.model.TamgaException;

/** A file from another tool that Tamga refuses: the message names the file and the reason. */
public class ExchangeException extends TamgaException {
    private final String reason;

    /** @param reason one sentence; it is put on one line and cut at 1,000 characters, whatever a damaged file put into it */
    public ExchangeException(String fileName, String reason) {
        super("Cannot read " + fileName + ": " + OneLine.of(reason, 1000) + ".");
        this.reason = OneLine.of(reason, 1000);
    }

    /** The reason alone, without the file's name: for a report that lists what was skipped and why. */
    public String reason() { return reason; }
}

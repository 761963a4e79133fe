package org.tamga.exchange;

import org.tamga.model.TamgaException;

/** A file from another tool that Tamga refuses: the message names the file and the reason. */
public class ExchangeException extends TamgaException {
    public ExchangeException(String fileName, String reason) {
        super("Cannot read " + fileName + ": " + reason + ".");
    }
}

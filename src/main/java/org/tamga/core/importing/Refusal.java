package org.tamga.core.importing;

/** Why a file cannot be imported, in words for the researcher ("it is password-protected; …"). */
public final class Refusal extends Exception {
    public Refusal(String reason) { super(reason); }
    public Refusal(String reason, Throwable cause) { super(reason, cause); }
}

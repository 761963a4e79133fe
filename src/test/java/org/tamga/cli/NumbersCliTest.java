package org.tamga.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Nonsensical numbers on the command line are refused with a message that names the option, never quietly changed. */
class NumbersCliTest {
    @TempDir Path dir;

    private String refused(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(1, Cli.run(args, new PrintWriter(out), new PrintWriter(err)), out.toString());
        return err.toString().strip();
    }

    @Test
    void aZeroLimitAndANegativeContextAreRefused() {
        String p = dir.resolve("p.tamga").toString();
        assertEquals(0, Cli.run(new String[]{"new", p}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        assertEquals("tamga: --limit must be at least 1 (not 0).", refused("search", p, "草场", "--limit", "0"));
        assertEquals("tamga: --limit must be at least 1 (not -5).", refused("search", p, "草场", "--limit", "-5"));
        assertEquals("tamga: --context must be 0 or more (not -1).", refused("search", p, "草场", "--context", "-1"));
        assertEquals("tamga: --context must be 0 or more (not -3).", refused("codings", p, "--format", "html", "--output", dir.resolve("q.html").toString(), "--context", "-3"));
    }
}

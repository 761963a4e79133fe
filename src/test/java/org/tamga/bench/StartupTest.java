package org.tamga.bench;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The start-up figures print as a table. */
class StartupTest {
    @Test
    void figuresPrintOneLineEach() {
        StringWriter out = new StringWriter();
        Startup.print(List.of(new Startup.Figure("info", true, 412.4, 530, 9), new Startup.Figure("info", false, 1210, 1400, 9)), new PrintWriter(out));
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size());
        assertEquals("info     yes              412         530     9", lines.get(1));
        assertEquals("info     no              1210        1400     9", lines.get(2));
    }
}

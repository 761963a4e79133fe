package org.tamga.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.SharedServer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The team load of issue 12 (ADR 48) on a real PostgreSQL server: in the suite, three coders and a
 * dozen actions each, without pauses, checking that nothing acknowledged is lost, the count is
 * exact and every coder saw every other coder's codings. By hand, the 20-coder run whose figures
 * are in docs/benchmarks.md:
 * {@code ./mvnw -o test -Dtest=TeamLoadTest -Dtamga.team.coders=20 -Djacoco.skip=true}.
 */
class TeamLoadTest {
    @TempDir Path dir;

    @Test
    void threeCodersAtOnceLoseNothingAndSeeEachOther() {
        StringWriter printed = new StringWriter();
        TeamLoad.Figures f = TeamLoad.run(SharedServer.newDatabase(), 3, 600, 12, 0, 7, dir, new PrintWriter(printed));
        assertTrue(f.acknowledged() > 0, f.toString());
        assertEquals(0, f.lost(), f.toString());
        assertEquals(f.countBefore() + f.acknowledged(), f.countAfter(), "the count is exact: " + f);
        assertEquals(0, f.unseen(), f.toString());
        assertEquals(2 * f.acknowledged(), f.sightings(), "each coding seen by both other coders: " + f);
        TeamLoad.print(f, new PrintWriter(printed));
        assertTrue(printed.toString().contains("0 acknowledged codings lost"), printed.toString());
    }

    @Test
    @EnabledIfSystemProperty(named = "tamga.team.coders", matches = "\\d+")
    void theTeamBenchmark() {
        int coders = Integer.getInteger("tamga.team.coders");
        int seconds = Integer.getInteger("tamga.team.seconds", 60);
        int pace = Integer.getInteger("tamga.team.pace", 1000);
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        TeamLoad.Figures f = TeamLoad.run(SharedServer.newDatabase(), coders, seconds, pace, 1, dir, out);
        TeamLoad.print(f, out);
        assertEquals(0, f.lost());
        assertEquals(f.countBefore() + f.acknowledged(), f.countAfter());
    }
}

package org.tamga.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A project file as the only argument opens it (double-clicking a .tamga file runs {@code Tamga FILE}). */
class OpenByFileTest {
    @TempDir Path dir;

    @Test
    void aProjectFileAloneIsOpenedAndWithoutADisplaySaysSo() {
        Path project = dir.resolve("田野 Судалгаа ᠮᠣᠩᠭᠣᠯ 🐑.tamga");
        assertEquals(0, CliTest.tamga("new", project).code());
        assertArrayEquals(new String[]{"open", project.toString()}, Cli.openIfProject(new String[]{project.toString()}));

        // the tests have no display: what open says then, not picocli's "unmatched argument"
        CliTest.Run r = CliTest.tamga(project);
        assertEquals(1, r.code(), r.err());
        assertEquals("tamga: There is no display to open a window on; use the other commands.", r.err().strip());
    }

    @Test
    void anythingElseIsLeftAsItIs() throws Exception {
        Path missing = dir.resolve("不存在.tamga");
        Path text = Files.writeString(dir.resolve("访谈.txt"), "草场", java.nio.charset.StandardCharsets.UTF_8);
        for (String[] args : new String[][]{{missing.toString()}, {text.toString()}, {"info"}, {}, {"info", missing.toString()}}) {
            assertSame(args, Cli.openIfProject(args), String.join(" ", args));
        }
        CliTest.Run r = CliTest.tamga(missing);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("不存在.tamga"), r.err());
    }
}

package org.tamga.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.SharedServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.tamga.cli.CliTest.tamga;

/**
 * The command line on a shared project (ADR 48), against a real PostgreSQL server: the sample
 * project published, the same commands answering the same on the address as on the file, edits on
 * the address, and a copy taken for the field merging back with nothing lost.
 */
class SharedProjectCliTest {
    @TempDir Path dir;

    static final String DOC = "访谈01_牧民_巴特尔";

    @Test
    void theSameCommandsWorkOnAnAddressAsOnAFileAndAFieldCopyMergesBack() throws Exception {
        Path file = dir.resolve("田野 🐑.tamga");
        assertEquals(0, tamga("sample", file, "--no-window").code());
        String address = SharedServer.newDatabase();

        CliTest.Run published = tamga("publish", file, address);
        assertEquals(0, published.code(), published.err());
        assertTrue(published.out().startsWith("Published 田野 🐑.tamga as " + address), published.out());

        // reading: the same answers from the server as from the file
        for (Object[] command : List.<Object[]>of(new Object[] {"codes"}, new Object[] {"documents"}, new Object[] {"search", "草场"},
                new Object[] {"search", "\"grassland\" OR малчин", "--format", "json"}, new Object[] {"codings", "--code", "Health"},
                new Object[] {"speakers"}, new Object[] {"memos"},
                new Object[] {"cases"}, new Object[] {"codebook", "history"})) {
            CliTest.Run onFile = run(file, command), onServer = run(address, command);
            assertEquals(0, onServer.code(), command[0] + ": " + onServer.err());
            assertEquals(onFile.out(), onServer.out(), String.join(" ", java.util.Arrays.stream(command).map(String::valueOf).toList()));
        }
        Path fromFile = dir.resolve("file.csv"), fromServer = dir.resolve("server.csv");
        assertEquals(0, tamga("report", "frequencies", file, "--format", "csv", "--output", fromFile).code());
        assertEquals(0, tamga("report", "frequencies", address, "--format", "csv", "--output", fromServer).code());
        assertEquals(Files.readString(fromFile, StandardCharsets.UTF_8), Files.readString(fromServer, StandardCharsets.UTF_8));
        CliTest.Run info = tamga("info", address);
        assertTrue(info.out().contains("(" + address + ")"), info.out());
        assertTrue(info.out().contains("codings    45"), info.out());

        // writing: a coding, a memo and an import on the server, seen by the next command
        assertEquals(0, tamga("code", address, "--document", DOC, "--start", 10, "--end", 30, "--code", "Health", "--coder", "Saran").code());
        assertEquals(0, tamga("memo", address, "共享项目的备忘 🐎", "--code", "Health").code());
        Path text = dir.resolve("访谈99 ᠮᠣᠩᠭᠣᠯ.txt");
        Files.writeString(text, "访谈者：冬天怎么过？\n受访者：靠储备的干草，ᠡᠪᠦᠰᠦ ᠬᠠᠳᠠᠯᠠᠬᠤ，还有合作社。\n", StandardCharsets.UTF_8);
        CliTest.Run imported = tamga("import", address, text);
        assertEquals(0, imported.code(), imported.err());
        CliTest.Run found = tamga("search", address, "储备的干草");
        assertTrue(found.out().contains("访谈99 ᠮᠣᠩᠭᠣᠯ"), found.out());
        assertTrue(tamga("info", address).out().contains("codings    46"));

        // a copy for the field, coded there, merged back: nothing lost, and merging again changes nothing
        Path copy = dir.resolve("野外副本.tamga");
        CliTest.Run copied = tamga("copy", address, copy);
        assertEquals(0, copied.code(), copied.err());
        assertTrue(copied.out().contains("46 codings"), copied.out());
        assertEquals(0, tamga("code", copy, "--document", "访谈99 ᠮᠣᠩᠭᠣᠯ", "--start", 0, "--end", 4, "--code", "Local knowledge",
                "--coder", "Bilguun").code());
        // meanwhile the team codes on the server
        assertEquals(0, tamga("code", address, "--document", DOC, "--start", 40, "--end", 60, "--code", "Health", "--coder", "Saran").code());
        CliTest.Run merged = tamga("merge", address, copy);
        assertEquals(0, merged.code(), merged.err());
        assertTrue(merged.lines().contains("  codings                   1 added       46 already there"), merged.out());
        String backup = merged.lines().stream().filter(l -> l.startsWith("backup    ")).findFirst().orElseThrow().substring(10);
        assertTrue(Files.isRegularFile(Path.of(backup)), "a copy of the shared project was kept before the merge: " + backup);
        CliTest.Run after = tamga("info", address);
        assertTrue(after.out().contains("codings    48"), after.out());
        assertTrue(after.out().contains("Bilguun"), after.out());
        CliTest.Run again = tamga("merge", address, copy);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.lines().getLast().startsWith("Nothing to merge"), again.out());
        assertTrue(tamga("info", address).out().contains("codings    48"));

        // what works only on a file says so
        CliTest.Run backups = tamga("backups", address);
        assertNotEquals(0, backups.code());
    }

    @Test
    void anOwnerSaysWhoMayDoWhatWithMembers() {
        Path file = dir.resolve("团队 🐎.tamga");
        assertEquals(0, tamga("sample", file, "--no-window").code());
        String address = SharedServer.newDatabase();
        assertEquals(0, tamga("publish", file, address).code());
        String coder = SharedServer.newLogin("uyun"), reader = SharedServer.newLogin("Сарана");

        CliTest.Run added = tamga("members", address, "--add", coder, "--role", "coder", "--coder", "乌云");
        assertEquals(0, added.code(), added.err());
        assertTrue(added.lines().contains(coder + " is now a coder of " + address + ", coding as 乌云."), added.out());
        assertEquals(0, tamga("members", address, "--add", reader, "--role", "reader").code());
        CliTest.Run listed = tamga("members", address);
        assertTrue(listed.lines().contains(coder + "\tcoder\t乌云"), listed.out());
        assertTrue(listed.lines().contains(reader + "\treader\t"), listed.out());
        assertTrue(listed.lines().stream().anyMatch(l -> l.endsWith("\towner\t")), listed.out());
        assertTrue(tamga("info", address).out().contains(", owner"), "info says who you are on the project");

        CliTest.Run removed = tamga("members", address, "--remove", reader);
        assertTrue(removed.lines().contains(reader + " is no longer a member of " + address + "."), removed.out());
        assertFalse(removed.out().contains(reader + "\treader"), removed.out());

        CliTest.Run badRole = tamga("members", address, "--add", coder, "--role", "editor");
        assertEquals(1, badRole.code());
        assertTrue(badRole.err().contains("No role \u201Ceditor\u201D") && badRole.err().contains("owner, coder or reader"), badRole.err());
        CliTest.Run onFile = tamga("members", file);
        assertEquals(1, onFile.code());
        assertTrue(onFile.err().contains("only a shared project"), onFile.err());
    }

    @Test
    void anUnreachableServerIsNamedInOneLine() {
        CliTest.Run r = tamga("info", "postgresql://localhost:1/nowhere");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("tamga: Cannot reach the shared project postgresql://localhost:1/nowhere"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    private static CliTest.Run run(Object project, Object[] command) {
        Object[] args;
        if (command[0].equals("report") || command[0].equals("codebook")) {
            args = new Object[command.length + 1];
            args[0] = command[0];
            args[1] = command[1];
            args[2] = project;
            System.arraycopy(command, 2, args, 3, command.length - 2);
        } else {
            args = new Object[command.length + 1];
            args[0] = command[0];
            args[1] = project;
            System.arraycopy(command, 1, args, 2, command.length - 1);
        }
        return tamga(args);
    }
}

package org.tamga.gui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.SharedServer;
import org.tamga.core.SampleProject;
import org.tamga.core.SharedProjects;
import org.tamga.model.Code;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two windows' view models on one shared project (ADR 48), each with its own background executor
 * and its own index cache, as on two coders' laptops: what one codes, the other's next look for
 * outside changes (the window looks every second) shows — counts and stripes read again, who
 * else is working — and a server that goes away is shown, and recovered from, by itself.
 */
class SharedProjectModelTest {
    @TempDir Path dir;
    final List<Throwable> failures = new ArrayList<>();
    final List<ProjectModel> models = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception { FxToolkit.registerPrimaryStage(); }

    @AfterEach
    void close() { models.forEach(ProjectModel::close); }

    record Client(ProjectModel model, QueuedTaskExecutor tasks) {
        void drain() { tasks.drain(); }
        Code code(String prefix) {
            return model.codebook.get().codes().stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
        }
        int codings() { return model.codeCounts.get().values().stream().mapToInt(Integer::intValue).sum(); }
    }

    private Client open(String address, String coder) { return open(address, coder, null); }

    private Client open(String address, String coder, String login) {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        tasks.onFailure(failures::add);
        ProjectModel model = new ProjectModel(dir.resolve("cache-" + coder + (login == null ? "" : "-" + login)), tasks);
        models.add(model);
        model.coder.set(coder);
        AtomicReference<ProjectModel.Opened> opened = new AtomicReference<>();
        model.openShared(address, login, opened::set);
        tasks.drain();
        assertNotNull(opened.get(), "opened: " + failures);
        assertEquals(address, model.sharedAddress.get());
        assertNull(model.projectFile.get());
        return new Client(model, tasks);
    }

    @Test
    void theWindowKnowsWhetherTheConnectionIsEncrypted() {
        Path file = dir.resolve("加密 🔒.tamga");
        SampleProject.create(file, dir.resolve("cache-publisher")).close();
        String address = SharedServer.newDatabase();
        SharedProjects.publish(file, address + "?sslmode=require");

        Client tls = open(address + "?sslmode=require", "Saran");
        assertTrue(tls.model().connection.get().startsWith("Connection to the server encrypted (TLSv1."), tls.model().connection.get());
        Client plain = open(address + "?sslmode=disable", "Bilguun 🐎");
        assertEquals("Connection to the server not encrypted: add ?sslmode=require to the address to insist on TLS",
                plain.model().connection.get());
        plain.model().closeProject(null);
        plain.drain();
        assertNull(plain.model().connection.get());
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void whatOneCodesTheOtherSeesAtItsNextLookAndEachSeesWhoElseWorks() {
        String address = SharedServer.publishedSample(dir.resolve("样本.tamga"));

        Client saran = open(address, "Saran");
        Client bilguun = open(address, "Bilguun 🐎");
        saran.model().checkOutsideChanges();
        saran.drain();
        assertEquals(List.of("Bilguun 🐎"), saran.model().othersWorking.get());
        int before = saran.codings();
        int changes = saran.model().outsideChanges.get();

        bilguun.model().openDocument(bilguun.model().documentItems.getFirst().document(), null);
        bilguun.drain();
        bilguun.model().coding().apply(bilguun.code("Health"), 3, 12, null);
        bilguun.drain();
        assertEquals(before + 1, bilguun.codings());

        saran.model().checkOutsideChanges();
        saran.drain();
        assertEquals(changes + 1, saran.model().outsideChanges.get());
        assertEquals(before + 1, saran.codings(), "the other coder's coding is counted");
        saran.model().checkOutsideChanges();
        saran.drain();
        assertEquals(changes + 1, saran.model().outsideChanges.get(), "read once");

        // the server goes away for this project, and comes back
        String database = address.substring(address.lastIndexOf('/') + 1);
        SharedServer.admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        SharedServer.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        try {
            saran.model().checkOutsideChanges();
            saran.drain();
            assertNotNull(saran.model().serverAway.get());
            assertTrue(saran.model().status.get().contains(address), saran.model().status.get());
        } finally {
            SharedServer.admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        saran.model().checkOutsideChanges();
        saran.drain();
        assertNull(saran.model().serverAway.get());
        assertTrue(saran.model().status.get().contains("can be reached again"), saran.model().status.get());
        assertEquals(before + 1, saran.codings());
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void aCoderCodesUnderTheNameTheOwnerGaveAndAReadersEditIsRefusedWithNothingSaved() {
        String address = SharedServer.publishedSample(dir.resolve("样本.tamga"));
        String coderLogin = SharedServer.newLogin("bilguun"), readerLogin = SharedServer.newLogin("読者");
        try (org.tamga.core.ProjectSession owner = org.tamga.core.ProjectSession.openShared(address, dir.resolve("cache-owner"))) {
            owner.setMember(coderLogin, org.tamga.model.Member.Role.CODER, "Билгүүн");
            owner.setMember(readerLogin, org.tamga.model.Member.Role.READER, null);
        }

        Client coder = open(address, "Saran", coderLogin);
        assertEquals("Билгүүн", coder.model().coder.get(), "the window codes under the name the owner gave the login");
        assertEquals(org.tamga.model.Member.Role.CODER, coder.model().member.get().role());
        int before = coder.codings();
        coder.model().openDocument(coder.model().documentItems.getFirst().document(), null);
        coder.drain();
        coder.model().coding().apply(coder.code("Health"), 3, 12, null);
        coder.drain();
        assertEquals(before + 1, coder.codings());
        assertTrue(failures.isEmpty(), failures.toString());

        Client reader = open(address, "Saran", readerLogin);
        assertNotNull(reader.model().readOnly.get());
        assertTrue(reader.model().readOnly.get().contains("reader"), reader.model().readOnly.get());
        reader.model().openDocument(reader.model().documentItems.getFirst().document(), null);
        reader.drain();
        reader.model().coding().apply(reader.code("Health"), 20, 30, null);
        reader.drain();
        assertEquals(1, failures.size(), "the reader's coding was refused");
        assertTrue(failures.getFirst().getMessage().contains(readerLogin + " is a reader"), failures.getFirst().getMessage());
        reader.model().checkOutsideChanges();
        reader.drain();
        assertEquals(before + 1, reader.codings(), "nothing of it was saved");
    }
}

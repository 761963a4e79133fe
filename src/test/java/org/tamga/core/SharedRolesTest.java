package org.tamga.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.SharedServer;
import org.tamga.model.Code;
import org.tamga.model.Coding;
import org.tamga.model.Document;
import org.tamga.model.Member;
import org.tamga.model.TamgaException;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Owners, coders and readers of a shared project (ADR 49), each connected as a login of its own to
 * a real PostgreSQL server: the server itself refuses what a role may not do, in words that say
 * who may, and nothing of a refused edit is saved.
 */
class SharedRolesTest {
    @TempDir Path dir;

    private String sharedSample() {
        return SharedServer.publishedSample(dir.resolve("样本.tamga"));
    }

    private ProjectSession as(String address, String login) {
        return ProjectSession.openShared(address, dir.resolve("cache-" + login), login);
    }

    private static int codings(ProjectSession s) {
        return s.coding().countsByCode().values().stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void theOwnerSaysWhoIsACoderAndAReaderAndTheServerKeepsToIt() {
        String address = sharedSample();
        String liwei = SharedServer.newLogin("liwei");
        String saran = SharedServer.newLogin("Сарана");
        try (ProjectSession owner = ProjectSession.openShared(address, dir.resolve("cache-owner"))) {
            assertEquals(Member.Role.OWNER, owner.member().orElseThrow().role(), "whoever published is an owner");
            owner.setMember(liwei, Member.Role.CODER, "李伟 🐎");
            owner.setMember(saran, Member.Role.READER, null);
            List<Member> members = owner.members();
            assertTrue(members.contains(new Member(liwei, Member.Role.CODER, "李伟 🐎")), members.toString());
            assertTrue(members.contains(new Member(saran, Member.Role.READER, null)), members.toString());
            assertTrue(members.stream().anyMatch(m -> m.role() == Member.Role.OWNER), members.toString());
        }

        try (ProjectSession owner = ProjectSession.openShared(address, dir.resolve("cache-owner"));
             ProjectSession coder = as(address, liwei);
             ProjectSession reader = as(address, saran)) {
            Document doc = owner.documents().all().getFirst();
            Code health = owner.codebook().resolve("Health");
            Coding byOwner = owner.coding().apply(doc, 0, 5, health, "Saran");

            // the coder codes under the name the owner gave the login, whatever it is told
            assertEquals(Member.Role.CODER, coder.member().orElseThrow().role());
            coder.setCoder("Somebody else");
            assertEquals("李伟 🐎", coder.coder());
            Coding own = coder.coding().apply(coder.documents().all().getFirst(), 5, 9, coder.codebook().resolve("Health"), null);
            assertEquals("李伟 🐎", coder.coding().trace(own).coder());
            int before = codings(owner);

            TamgaException asAnother = assertThrows(TamgaException.class,
                    () -> coder.coding().apply(doc, 9, 12, coder.codebook().resolve("Health"), "Bilguun"));
            assertTrue(asAnother.getMessage().contains("codes as 李伟 🐎") && asAnother.getMessage().contains("Nothing was saved"), asAnother.getMessage());

            TamgaException others = assertThrows(TamgaException.class, () -> coder.coding().remove(byOwner));
            assertTrue(others.getMessage().contains("only the codings by 李伟 🐎"), others.getMessage());
            TamgaException document = assertThrows(TamgaException.class, () -> coder.documents().delete(coder.documents().all().getFirst()));
            assertTrue(document.getMessage().contains("only an owner deletes documents"), document.getMessage());
            // deleting a code would delete the owner's coding with it: refused as a whole
            assertThrows(TamgaException.class, () -> coder.codebook().delete(coder.codebook().resolve("Health").id()));
            TamgaException members = assertThrows(TamgaException.class, () -> coder.setMember(saran, Member.Role.OWNER, null));
            assertTrue(members.getMessage().contains("only an owner"), members.getMessage());
            assertEquals(before, codings(owner), "nothing of the refused edits was saved");
            assertTrue(owner.codebook().codebook().codes().stream().anyMatch(c -> c.name().equals(health.name())));
            assertEquals(owner.documents().all().size(), coder.documents().all().size());

            coder.coding().remove(own); // its own coding, it may
            assertEquals(before - 1, codings(owner));

            // the reader reads and searches, and the server refuses any change even if the client tried
            assertTrue(reader.readOnly().orElseThrow().contains("reader"), reader.readOnly().toString());
            assertTrue(reader.search().search(SearchService.Request.of("草场")).hits().size()
                    >= owner.search().search(SearchService.Request.of("草场")).hits().size());
            TamgaException read = assertThrows(TamgaException.class,
                    () -> reader.coding().apply(reader.documents().all().getFirst(), 0, 3, reader.codebook().resolve("Health"), null));
            assertTrue(read.getMessage().contains(saran + " is a reader of " + address) && read.getMessage().contains("Nothing was saved"), read.getMessage());
            assertEquals(before - 1, codings(owner));
        }
    }

    @Test
    void aLoginThatIsNoMemberCannotOpenItAndTheLastOwnerStays() {
        String address = sharedSample();
        String stranger = SharedServer.newLogin("stranger");
        TamgaException refused = assertThrows(TamgaException.class, () -> as(address, stranger));
        assertTrue(refused.getMessage().contains(stranger + " is not a member") && refused.getMessage().contains("tamga members"), refused.getMessage());

        String bat = SharedServer.newLogin("Бат");
        try (ProjectSession owner = ProjectSession.openShared(address, dir.resolve("cache-owner"))) {
            String me = owner.member().orElseThrow().login();
            TamgaException last = assertThrows(TamgaException.class, () -> owner.setMember(me, Member.Role.READER, null));
            assertTrue(last.getMessage().contains("only owner"), last.getMessage());
            TamgaException noLogin = assertThrows(TamgaException.class, () -> owner.setMember("nobody_here", Member.Role.CODER, null));
            assertTrue(noLogin.getMessage().contains("no login \u201Cnobody_here\u201D"), noLogin.getMessage());

            owner.setMember(bat, Member.Role.OWNER, null);
            try (ProjectSession second = as(address, bat)) {
                assertEquals(Member.Role.OWNER, second.member().orElseThrow().role());
                Coding c = second.coding().apply(second.documents().all().getFirst(), 0, 4, second.codebook().resolve("Health"), "Bilguun");
                second.coding().remove(c);
            }
            owner.removeMember(bat);
            assertTrue(owner.members().stream().noneMatch(m -> m.login().equals(bat)));
        }
        TamgaException gone = assertThrows(TamgaException.class, () -> as(address, bat));
        assertTrue(gone.getMessage().contains("is not a member"), gone.getMessage());
    }
}

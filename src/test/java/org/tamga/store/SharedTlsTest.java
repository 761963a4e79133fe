package org.tamga.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamga.SharedServer;
import org.tamga.model.TamgaException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * TLS to the server of a shared project (ADR 48): the address's {@code sslmode} is honoured, and the
 * server itself says whether the connection is encrypted ({@code pg_stat_ssl}). The test server
 * serves the test-only certificate for {@code localhost} in {@code src/test/resources/tls/}.
 */
class SharedTlsTest {
    @TempDir Path dir;

    /** The address of a database holding a published project with one document, without any sslmode. */
    private String plain;
    /** The test CA, at a path with Chinese, Mongolian and an emoji in it. */
    private Path ca;

    @BeforeEach
    void publish() throws Exception {
        Path file = dir.resolve("加密 🔒.tamga");
        try (ProjectStore s = ProjectStore.create(file, "TLS ᠮᠣᠩᠭᠣᠯ")) {
            ProjectStoreTest.insertDocument(s, "访谈01 малчин", "草场 ᠡᠪᠦᠰᠦ 🐑\n");
        }
        plain = SharedServer.newDatabase();
        ProjectStore.publish(file, plain + "?sslmode=require");
        ca = Files.copy(SharedServer.tlsFile("ca.crt"), Files.createDirectories(dir.resolve("证书 ᠲᠡᠮᠳᠡᠭ 🔐")).resolve("ca.crt"));
    }

    @Test
    void requireEncryptsTheConnectionAndTheProjectReadsAsBefore() {
        try (ProjectStore s = ProjectStore.openShared(plain + "?sslmode=require")) {
            assertTrue(s.encrypted());
            assertTrue(s.encryption().orElseThrow().startsWith("TLSv1."), s.encryption().orElseThrow());
            assertEquals("TLS ᠮᠣᠩᠭᠣᠯ", s.project().name());
            assertEquals(1, s.documents().count());
            ProjectStoreTest.insertDocument(s, "访谈02 🐎", "冬天 ᠡᠪᠦᠯ\n");
            assertEquals(2, s.documents().count());
            assertEquals(plain + "?sslmode=require", s.server().orElseThrow(), "the address is kept as given");
        }
    }

    @Test
    void disableConnectsUnencrypted() {
        try (ProjectStore s = ProjectStore.openShared(plain + "?sslmode=disable")) {
            assertFalse(s.encrypted());
            assertTrue(s.encryption().isEmpty());
            assertEquals(1, s.documents().count());
        }
    }

    @Test
    void withoutSslmodeTheDriverPrefersTlsWhenTheServerOffersIt() {
        try (ProjectStore s = ProjectStore.openShared(plain)) {
            assertTrue(s.encrypted(), "pgjdbc's default is sslmode=prefer");
        }
    }

    @Test
    void verifyFullWithTheServersCertificateAuthorityConnects() {
        String address = plain + "?sslmode=verify-full&sslrootcert=" + ca;
        try (ProjectStore s = ProjectStore.openShared(address)) {
            assertTrue(s.encrypted());
            assertEquals(1, s.documents().count());
        }
        // verify-ca checks the signature only, so the server's address will do as well as its name
        try (ProjectStore s = ProjectStore.openShared(byAddress(plain) + "?sslmode=verify-ca&sslrootcert=" + ca)) {
            assertTrue(s.encrypted());
        }
    }

    @Test
    void verifyFullAgainstAnotherCertificateAuthorityIsRefusedInOneLine() throws Exception {
        Path other = Files.copy(SharedServer.tlsFile("other-ca.crt"), dir.resolve("другой ЦС.crt"));
        for (String address : List.of(plain + "?sslmode=verify-full&sslrootcert=" + other,
                plain + "?sslmode=verify-ca&sslrootcert=" + other)) {
            String message = certificateRefused(address);
            assertTrue(message.contains("not signed by the certificate authority given in sslrootcert"), message);
        }
    }

    @Test
    void verifyFullOnANameTheCertificateDoesNotNameIsRefused() {
        // the certificate names localhost only
        String address = byAddress(plain) + "?sslmode=verify-full&sslrootcert=" + ca;
        String message = certificateRefused(address);
        assertTrue(message.contains("not made out for the host name 127.0.0.1"), message);
    }

    @Test
    void aMissingCertificateAuthorityFileIsNamed() {
        Path missing = dir.resolve("没有 ᠪᠠᠶᠢᠬᠤ.crt");
        String address = plain + "?sslmode=verify-full&sslrootcert=" + missing;
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.openShared(address));
        assertTrue(e.getMessage().startsWith("Cannot reach the shared project " + address + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith(missing + "."), e.getMessage());
        assertReadable(e.getMessage());
    }

    @Test
    void anUnknownSslmodeIsRefusedBeforeConnecting() {
        for (String mode : List.of("required", "verify_full", "on", "")) {
            String address = plain + "?sslmode=" + mode;
            TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.openShared(address));
            assertTrue(e.getMessage().startsWith("The address " + address + " asks for sslmode=" + mode + ", which is none of disable, allow, "
                    + "prefer, require, verify-ca, verify-full"), e.getMessage());
        }
        // the driver would ignore the key in capitals, and connect unencrypted where TLS was asked for
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.openShared(plain + "?SSLMode=require"));
        assertTrue(e.getMessage().contains("write sslmode, in small letters"), e.getMessage());
    }

    @Test
    void theKeysPasswordIsNoMoreWelcomeInTheAddressThanTheUsers() {
        String address = plain + "?sslmode=verify-full&sslrootcert=" + ca + "&sslpassword=秘密";
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.openShared(address));
        assertTrue(e.getMessage().contains("PGPASSWORD"), e.getMessage());
        assertFalse(e.getMessage().contains("秘密"), e.getMessage());
    }

    @Test
    void anAddressCannotNameAClassThatWouldTurnTheCertificateCheckOff() {
        for (String option : List.of("sslfactory=org.postgresql.ssl.NonValidatingFactory", "SSLHostnameVerifier=x.Y",
                "socketFactory=javax.net.SocketFactory")) {
            String address = plain + "?sslmode=verify-full&sslrootcert=" + ca + "&" + option;
            TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.openShared(address));
            assertTrue(e.getMessage().contains("does not allow in an address"), e.getMessage());
        }
    }

    @Test
    void aProjectFileHasNoConnectionToEncrypt() {
        try (ProjectStore s = ProjectStore.create(dir.resolve("本地.tamga"), "local")) {
            assertFalse(s.encrypted());
            assertTrue(s.encryption().isEmpty());
        }
    }

    /** The same address with the server's IP address instead of {@code localhost}. */
    private static String byAddress(String address) {
        assertTrue(address.startsWith("postgresql://localhost:"), address);
        return address.replace("//localhost:", "//127.0.0.1:");
    }

    /** The one-line refusal of an address whose server's certificate cannot be verified. */
    private static String certificateRefused(String address) {
        TamgaException e = assertThrows(TamgaException.class, () -> ProjectStore.openShared(address));
        assertTrue(e.getMessage().startsWith("Cannot reach the shared project " + address + ": the server's certificate could not be verified"),
                e.getMessage());
        assertReadable(e.getMessage());
        return e.getMessage();
    }

    /** One line, in words: none of the Java exception chain behind it. */
    private static void assertReadable(String message) {
        assertEquals(1, message.lines().count(), message);
        for (String word : List.of("Exception", "sun.security", "PKIX", "javax.", "at org.", "hostnameverifier")) {
            assertFalse(message.contains(word), word + " in: " + message);
        }
    }
}

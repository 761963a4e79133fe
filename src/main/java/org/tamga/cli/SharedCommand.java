package org.tamga.cli;

import org.tamga.core.CacheFolders;
import org.tamga.core.SharedProjects;
import org.tamga.core.ProjectSession;
import org.tamga.model.Member;
import org.tamga.model.TamgaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code publish} and {@code copy}: a project file onto a PostgreSQL server, and a copy of a shared project into a file (ADR 48). */
final class SharedCommand {
    private SharedCommand() {}

    @Command(name = "publish", description = {"Put a project file on a PostgreSQL server as a shared project that a team codes live:",
            "ADDRESS is postgresql://HOST:PORT/DATABASE (an empty database; add ?sslmode=require for TLS). The user and password",
            "come from PGUSER and PGPASSWORD or ~/.pgpass, never from Tamga's settings. All of the project is copied, or nothing;",
            "the file stays as it is. Every command that takes PROJECT takes the address afterwards."})
    static final class Publish implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PROJECT.tamga") Path project;
        @Parameters(index = "1", paramLabel = "ADDRESS") String address;

        @Override public Integer call() {
            SharedProjects.Moved m = SharedProjects.publish(project, address);
            spec.commandLine().getOut().printf(Locale.ROOT, "Published %s as %s: project \u201C%s\u201D, %d documents, %d codings.%n",
                    project.getFileName(), address, m.project(), m.documents(), m.codings());
            return 0;
        }
    }

    @Command(name = "copy", description = {"Take a copy of a shared project into a new project file, for work without a network:",
            "one consistent snapshot of everything it holds. Bring your coding back with: tamga merge ADDRESS PROJECT.tamga"})
    static final class Copy implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ADDRESS") String address;
        @Parameters(index = "1", paramLabel = "PROJECT.tamga") Path file;

        @Override public Integer call() {
            SharedProjects.Moved m = SharedProjects.copy(address, file, CacheFolders.root());
            spec.commandLine().getOut().printf(Locale.ROOT, "Copied %s to %s: project \u201C%s\u201D, %d documents, %d codings.%n",
                    address, file, m.project(), m.documents(), m.codings());
            return 0;
        }
    }

    @Command(name = "members", description = {"Who may do what on a shared project: without options, its members and their roles;",
            "with --add or --remove, an owner changes them. A member is a login on the PostgreSQL server (its administrator",
            "creates it: CREATE ROLE NAME LOGIN PASSWORD '...'). An owner changes anything; a coder imports, codes, writes memos",
            "and changes the codebook, but deletes no document and changes or deletes only the codings made under its coder name;",
            "a reader reads, searches and exports, and changes nothing. The server itself enforces the roles."})
    static final class Members implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ADDRESS") String address;
        @Option(names = "--add", paramLabel = "LOGIN", description = "Make this login a member, or change its role.") String add;
        @Option(names = "--role", paramLabel = "ROLE", defaultValue = "coder", description = "owner, coder or reader (default: ${DEFAULT-VALUE}).") String role;
        @Option(names = "--coder", paramLabel = "NAME", description = "For a coder: the coder name its codings are made under (default: the login).") String coder;
        @Option(names = "--remove", paramLabel = "LOGIN", description = "Take this login's membership away.") String remove;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (add != null && remove != null) throw new TamgaException("Give either --add or --remove, not both.");
            if (!SharedProjects.isAddress(address)) {
                throw new TamgaException(address + " is a project file: only a shared project (postgresql://\u2026) has members.");
            }
            try (ProjectSession s = TamgaCommand.open(address)) {
                if (add != null) {
                    Member.Role r = Member.Role.of(role);
                    s.setMember(add.strip(), r, coder);
                    out.println(add.strip() + " is now " + (r == Member.Role.OWNER ? "an " : "a ") + r.word() + " of " + address
                            + (r == Member.Role.CODER ? ", coding as " + (coder == null || coder.isBlank() ? add.strip() : coder.strip()) : "") + ".");
                } else if (remove != null) {
                    s.removeMember(remove.strip());
                    out.println(remove.strip() + " is no longer a member of " + address + ".");
                }
                List<Member> members = s.members();
                out.println("login\trole\tcodes as");
                for (Member m : members) out.println(m.login() + "\t" + m.role().word() + "\t" + (m.coder() == null ? "" : m.coder()));
                s.member().ifPresent(m -> out.println("(you are " + m.login() + ", " + m.role().word() + ")"));
            }
            return 0;
        }
    }
}

package org.tamga.model;

import java.util.Locale;

/**
 * A member of a shared project (ADR 49): a login on its PostgreSQL server, the role it has there,
 * and, for a coder, the coder name its codings are made under.
 *
 * @param login the login on the server (PGUSER)
 * @param role  what the login may do
 * @param coder the coder name a coder codes as (the login when none was given); null for owners and readers
 */
public record Member(String login, Role role, String coder) {

    /** What a member may do on a shared project. */
    public enum Role {
        /** Changes anything, and says who the members are. */
        OWNER,
        /** Imports, codes, writes memos and changes the codebook; deletes no document and changes or deletes only their own codings. */
        CODER,
        /** Reads, searches and exports; changes nothing. */
        READER;

        /** The role as the command line and the server write it: "owner", "coder", "reader". */
        public String word() { return name().toLowerCase(Locale.ROOT); }

        /** The role a word names; a clear refusal for any other word. */
        public static Role of(String word) {
            for (Role r : values()) if (r.word().equalsIgnoreCase(word == null ? "" : word.strip())) return r;
            throw new TamgaException("No role \u201C" + word + "\u201D on a shared project: owner, coder or reader.");
        }
    }
}

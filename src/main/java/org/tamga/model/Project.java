package org.tamga.model;

import java.time.Instant;

/** One study: the single row that identifies a {@code *.tamga} file. */
public record Project(String guid, String name, Instant createdAt, String memo) {}

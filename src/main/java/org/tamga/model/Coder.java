package org.tamga.model;

/** The person who made a coding. */
public record Coder(long id, String guid, String name) {}

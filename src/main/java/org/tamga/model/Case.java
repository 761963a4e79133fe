package org.tamga.model;

/**
 * A unit of analysis (a person, a household, a village) that documents belong to; its attribute
 * values hold for every document in it unless a document has a value of its own.
 */
public record Case(long id, String guid, String name, String memo) {}

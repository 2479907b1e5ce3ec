package dev.convene;

/** What a provider can do with sessions of one kind. */
public enum Operation {
    CREATE, GET, UPDATE, CANCEL, LIST
}

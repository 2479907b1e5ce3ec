package dev.convene.simulator;

/** What a vendor request does, in vendor-neutral terms, so faults and assertions can target it. */
public enum Operation {
    TOKEN, CREATE, GET, UPDATE, CANCEL, LIST, OTHER
}

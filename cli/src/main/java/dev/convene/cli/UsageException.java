package dev.convene.cli;

/** What was typed cannot be used (a bad time, id, kind or option combination); nothing was sent. Exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}

package io.jenkins.plugins.securitycatalogue.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a person recording reports should read: counts, skipped elements, warnings. Bounded, so that a report
 * with a million odd elements cannot fill the memory or the build console; what is dropped is counted.
 */
public final class ReportLog implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How many messages are kept. */
    public static final int MAX_MESSAGES = 200;

    /** How serious a message is. */
    public enum Level {
        INFO,
        WARNING,
        ERROR
    }

    /**
     * One message.
     *
     * @param level how serious it is
     * @param text the text, never containing a secret
     */
    public record Message(Level level, String text) implements Serializable {
        @Override
        public String toString() {
            return level == Level.INFO ? text : level.name().toLowerCase(Locale.ROOT) + ": " + text;
        }
    }

    private final List<Message> messages = new ArrayList<>();
    private int dropped;

    public void info(String format, Object... arguments) {
        add(Level.INFO, format, arguments);
    }

    public void warning(String format, Object... arguments) {
        add(Level.WARNING, format, arguments);
    }

    public void error(String format, Object... arguments) {
        add(Level.ERROR, format, arguments);
    }

    /** Appends every message of the other log, keeping the bound. */
    public void addAll(ReportLog other) {
        other.messages.forEach(message -> add(message.level(), "%s", message.text()));
        dropped += other.dropped;
    }

    /** Returns the messages kept, oldest first, with a last line that counts the dropped ones. */
    public List<Message> messages() {
        List<Message> all = new ArrayList<>(messages);
        if (dropped > 0) {
            all.add(new Message(Level.INFO, dropped + " more messages were left out"));
        }
        return all;
    }

    /** Returns whether a warning or an error was logged. */
    public boolean hasWarnings() {
        return messages.stream().anyMatch(message -> message.level() != Level.INFO);
    }

    private void add(Level level, String format, Object... arguments) {
        if (messages.size() >= MAX_MESSAGES) {
            dropped++;
            return;
        }
        String text = arguments.length == 0 ? format : String.format(Locale.ROOT, format, arguments);
        String cleaned = Texts.clean(text, Texts.MAX_LINE);
        messages.add(new Message(level, cleaned == null ? "" : cleaned));
    }
}

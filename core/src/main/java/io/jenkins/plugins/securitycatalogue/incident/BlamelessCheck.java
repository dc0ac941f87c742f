package io.jenkins.plugins.securitycatalogue.incident;

import io.jenkins.plugins.securitycatalogue.model.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Flags wording that blames individuals ("human error", "should have known", a named person as the cause) and
 * suggests a blameless alternative. It only warns: post-mortems are saved and published regardless. The rules are
 * data: {@code blameless-words.txt} beside this class, extended or trimmed by a file of the same format.
 */
public final class BlamelessCheck {
    private static final String DEFAULTS = "blameless-words.txt";
    private static final int CONTEXT = 40;

    private final Map<String, Rule> rules;

    private BlamelessCheck(Map<String, Rule> rules) {
        this.rules = Map.copyOf(rules);
    }

    /** Returns the check with the shipped rules. */
    public static BlamelessCheck defaults() {
        try (InputStream in = BlamelessCheck.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("The blameless word list " + DEFAULTS + " is missing");
            }
            return new BlamelessCheck(Map.of()).with(DEFAULTS, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException exception) {
            throw new UncheckedIOException("Cannot read the blameless word list " + DEFAULTS, exception);
        }
    }

    /**
     * Returns this check extended by the rules of a file in the same format; {@code !PATTERN} lines remove rules.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and line of a bad rule
     */
    public BlamelessCheck with(Path file) throws IOException {
        return with(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Returns this check extended by rules given as text in the file format.
     *
     * @param source where the rules come from, for error messages
     * @throws IllegalArgumentException naming the source and line of a bad rule
     */
    public BlamelessCheck with(String source, String text) {
        Map<String, Rule> combined = new LinkedHashMap<>(rules);
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("!")) {
                combined.remove(line.substring(1).strip());
                continue;
            }
            Rule rule = Rule.parse(line, source + ":" + (i + 1));
            combined.put(rule.pattern, rule);
        }
        return new BlamelessCheck(combined);
    }

    /** Returns how many rules the check has. */
    public int size() {
        return rules.size();
    }

    /** Returns the warnings about every section, timeline entry and action item of the post-mortem. */
    public List<BlamelessWarning> check(PostMortem postMortem) {
        List<BlamelessWarning> warnings = new ArrayList<>();
        PostMortemSections.texts(postMortem).forEach((where, text) -> warnings.addAll(check(where, text)));
        return warnings;
    }

    /** Returns the warnings about one text; {@code where} names it in the warnings. */
    public List<BlamelessWarning> check(String where, String text) {
        List<Match> matches = new ArrayList<>();
        for (Rule rule : rules.values()) {
            Matcher matcher = rule.regex.matcher(text);
            while (matcher.find()) {
                matches.add(new Match(matcher.start(), matcher.end(), new BlamelessWarning(where, matcher.group(),
                        context(text, matcher), rule.suggestion)));
            }
        }
        return widest(matches);
    }

    /** Keeps the widest of overlapping matches ("should have known" over "should have"), in text order. */
    private static List<BlamelessWarning> widest(List<Match> matches) {
        matches.sort(Comparator.comparingInt((Match match) -> match.start - match.end).thenComparing(Match::start));
        List<Match> kept = new ArrayList<>();
        for (Match match : matches) {
            if (kept.stream().noneMatch(other -> other.start < match.end && match.start < other.end)) {
                kept.add(match);
            }
        }
        kept.sort(Comparator.comparingInt(Match::start));
        return kept.stream().map(Match::warning).toList();
    }

    private record Match(int start, int end, BlamelessWarning warning) {
    }

    private static String context(String text, Matcher matcher) {
        int from = Math.max(0, matcher.start() - CONTEXT);
        int to = Math.min(text.length(), matcher.end() + CONTEXT);
        String excerpt = Texts.line(text.substring(from, to));
        return (from > 0 ? "…" : "") + (excerpt == null ? "" : excerpt) + (to < text.length() ? "…" : "");
    }

    /** One rule: a pattern and what to write instead. */
    private record Rule(String pattern, Pattern regex, String suggestion) {
        private static final String SEPARATOR = "=>";

        static Rule parse(String line, String where) {
            int separator = line.lastIndexOf(SEPARATOR);
            if (separator <= 0 || line.substring(separator + SEPARATOR.length()).isBlank()) {
                throw new IllegalArgumentException(where + ": a blameless rule reads 'PATTERN => SUGGESTION', got '"
                        + line + "'");
            }
            String pattern = line.substring(0, separator).strip();
            String suggestion = line.substring(separator + SEPARATOR.length()).strip();
            try {
                return new Rule(pattern, compile(pattern), suggestion);
            }
            catch (PatternSyntaxException exception) {
                throw new IllegalArgumentException(where + ": '" + pattern + "' is not a valid regular expression: "
                        + exception.getDescription(), exception);
            }
        }

        private static Pattern compile(String pattern) {
            if (pattern.startsWith("re:")) {
                return Pattern.compile(pattern.substring(3).strip());
            }
            List<String> words = new ArrayList<>();
            for (String word : pattern.split("\\s+")) {
                words.add(Pattern.quote(word));
            }
            String phrase = String.join("\\s+", words);
            String start = Character.isLetterOrDigit(pattern.charAt(0)) ? "\\b" : "";
            String end = Character.isLetterOrDigit(pattern.charAt(pattern.length() - 1)) ? "\\b" : "";
            return Pattern.compile(start + phrase + end, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }
}
